import { createAppsmithBridge, isAppsmith } from "../../../src/bridge/appsmithBridge.js";
import type { HostModel, HostTheme } from "../../../src/bridge/hostBridge.js";

type Listener<T> = (value: T, previous?: T) => void;

// A fake of Appsmith's frame-side global with the first release's strictness.
function fakeAppsmith(options: { theme?: boolean } = {}) {
  const modelListeners: Listener<HostModel>[] = [];
  const themeListeners: Listener<HostTheme>[] = [];
  const calls: Array<[string, unknown, unknown?]> = [];
  const appsmith: Record<string, unknown> = {
    model: { view: "login" },
    theme: { primaryColor: "#ff0000" },
    onReady: (fn: () => void) => {
      calls.push(["onReady", fn]);
      fn();
    },
    onModelChange: (fn: Listener<HostModel>) => {
      modelListeners.push(fn);
      fn(appsmith.model as HostModel);
      return () => modelListeners.splice(modelListeners.indexOf(fn), 1);
    },
    updateModel: (partial: unknown) => {
      if (typeof partial !== "object" || partial === null) throw new Error("object expected");
      structuredClone(partial);
      calls.push(["updateModel", partial]);
    },
    triggerEvent: (name: unknown, context: unknown) => {
      if (typeof context !== "object") throw new Error("contextObj should be an object");
      structuredClone(context);
      calls.push(["triggerEvent", name, context]);
    },
  };
  if (options.theme !== false) {
    appsmith.onThemeChange = (fn: Listener<HostTheme>) => {
      themeListeners.push(fn);
      fn(appsmith.theme as HostTheme);
      return () => themeListeners.splice(themeListeners.indexOf(fn), 1);
    };
  }
  const emitModel = (model: HostModel) => {
    appsmith.model = model;
    for (const fn of [...modelListeners]) fn(model);
  };
  const emitTheme = (theme: HostTheme) => {
    appsmith.theme = theme;
    for (const fn of [...themeListeners]) fn(theme);
  };
  return { appsmith, calls, emitModel, emitTheme, modelListeners, themeListeners };
}

describe("createAppsmithBridge", () => {
  afterEach(() => {
    delete (globalThis as { appsmith?: unknown }).appsmith;
  });

  it("looks the global up lazily, at call time", () => {
    const bridge = createAppsmithBridge();
    expect(bridge.isAppsmith()).toBe(false);
    expect(isAppsmith()).toBe(false);
    expect(bridge.getModel()).toEqual({});
    const fake = fakeAppsmith();
    (globalThis as { appsmith?: unknown }).appsmith = fake.appsmith;
    expect(bridge.isAppsmith()).toBe(true);
    expect(isAppsmith()).toBe(true);
    expect(bridge.getModel()).toEqual({ view: "login" });
  });

  it("does nothing (and throws nothing) outside Appsmith", () => {
    const bridge = createAppsmithBridge({ getGlobal: () => undefined });
    expect(() => bridge.updateModel({ a: 1 })).not.toThrow();
    expect(() => bridge.triggerEvent("onLogin", {})).not.toThrow();
    const remove = bridge.onModelChange(() => {});
    expect(remove).toBeTypeOf("function");
  });

  it("sanitizes payloads so the host never receives an uncloneable value", () => {
    const fake = fakeAppsmith();
    const bridge = createAppsmithBridge({ getGlobal: () => fake.appsmith });
    bridge.updateModel({ status: "signed_in", fn: () => 1, when: undefined, nested: new Map() });
    bridge.triggerEvent("onLogin", { accessToken: "a", user: { id: "u", toString: () => "x" } });
    expect(fake.calls).toEqual([
      ["updateModel", { status: "signed_in", nested: {} }],
      ["triggerEvent", "onLogin", { accessToken: "a", user: { id: "u" } }],
    ]);
  });

  it("always passes a context object to triggerEvent, as the first release requires", () => {
    const fake = fakeAppsmith();
    const bridge = createAppsmithBridge({ getGlobal: () => fake.appsmith });
    bridge.triggerEvent("onLogout", undefined as unknown as Record<string, unknown>);
    expect(fake.calls).toEqual([["triggerEvent", "onLogout", {}]]);
  });

  it("forwards model changes and returns a working remover", () => {
    const fake = fakeAppsmith();
    const bridge = createAppsmithBridge({ getGlobal: () => fake.appsmith });
    const seen: HostModel[] = [];
    const remove = bridge.onModelChange((model) => seen.push(model));
    fake.emitModel({ view: "signup" });
    remove();
    fake.emitModel({ view: "logout" });
    expect(seen).toEqual([{ view: "login" }, { view: "signup" }]);
    expect(fake.modelListeners).toHaveLength(0);
  });

  it("subscribes to theme changes where onThemeChange exists", () => {
    const fake = fakeAppsmith();
    const bridge = createAppsmithBridge({ getGlobal: () => fake.appsmith });
    expect(bridge.supportsThemeChange()).toBe(true);
    const seen: Array<HostTheme | undefined> = [];
    const remove = bridge.onThemeChange((theme) => seen.push(theme));
    fake.emitTheme({ primaryColor: "#00ff00" });
    remove();
    expect(seen).toEqual([{ primaryColor: "#ff0000" }, { primaryColor: "#00ff00" }]);
    expect(fake.themeListeners).toHaveLength(0);
  });

  it("reports the current theme once where onThemeChange is missing (first release)", () => {
    const fake = fakeAppsmith({ theme: false });
    const bridge = createAppsmithBridge({ getGlobal: () => fake.appsmith });
    expect(bridge.supportsThemeChange()).toBe(false);
    const listener = vi.fn();
    const remove = bridge.onThemeChange(listener);
    expect(listener).toHaveBeenCalledExactlyOnceWith({ primaryColor: "#ff0000" });
    expect(bridge.getTheme()).toEqual({ primaryColor: "#ff0000" });
    expect(() => remove()).not.toThrow();
  });

  it("passes onReady through to the host", () => {
    const fake = fakeAppsmith();
    const bridge = createAppsmithBridge({ getGlobal: () => fake.appsmith });
    const ready = vi.fn();
    bridge.onReady(ready);
    expect(ready).toHaveBeenCalledOnce();
  });
});

describe("createAppsmithBridge afterSent", () => {
  const ack = (source: unknown = window) =>
    window.dispatchEvent(
      new MessageEvent("message", {
        data: { type: "CUSTOM_WIDGET_MESSAGE_RECEIVED_ACK", success: true },
        source: source as Window,
      }),
    );

  it("calls back at once with nothing sent, else after the host acknowledged every message", () => {
    const fake = fakeAppsmith();
    const bridge = createAppsmithBridge({ getGlobal: () => fake.appsmith });
    const done = vi.fn();
    bridge.afterSent?.(done);
    expect(done).toHaveBeenCalledOnce();
    done.mockClear();
    bridge.updateModel({ status: "signed_in" });
    bridge.triggerEvent("onLogin", {});
    bridge.afterSent?.(done);
    ack(null); // not from the host page: not counted
    ack();
    expect(done).not.toHaveBeenCalled();
    ack();
    expect(done).toHaveBeenCalledOnce();
    // Nothing outstanding any more: at once again.
    bridge.afterSent?.(done);
    expect(done).toHaveBeenCalledTimes(2);
  });

  it("gives up waiting for a host that never acknowledges", () => {
    vi.useFakeTimers();
    try {
      const fake = fakeAppsmith();
      const bridge = createAppsmithBridge({ getGlobal: () => fake.appsmith });
      const done = vi.fn();
      bridge.updateModel({ status: "signed_in" });
      bridge.afterSent?.(done);
      vi.advanceTimersByTime(99);
      expect(done).not.toHaveBeenCalled();
      vi.advanceTimersByTime(1);
      expect(done).toHaveBeenCalledOnce();
    } finally {
      vi.useRealTimers();
    }
  });
});
