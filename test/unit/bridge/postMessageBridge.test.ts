import { createPostMessageBridge, MESSAGE_SOURCE } from "../../../src/bridge/postMessageBridge.js";
import { isAuthError } from "../../../src/core/AuthError.js";

const ORIGIN = "https://app.example.com";

// A frame window whose parent records what is posted and whose listeners the test drives.
function fakeFrame() {
  const posted: Array<{ message: unknown; targetOrigin: string }> = [];
  const parent = {
    postMessage: (message: unknown, targetOrigin: string) => {
      structuredClone(message);
      posted.push({ message, targetOrigin });
    },
  };
  const listeners = new Set<(event: MessageEvent) => void>();
  const frame = {
    parent,
    addEventListener: (_type: string, fn: (event: MessageEvent) => void) => listeners.add(fn),
    removeEventListener: (_type: string, fn: (event: MessageEvent) => void) => listeners.delete(fn),
  };
  const deliver = (event: { source: unknown; origin: string; data: unknown }) => {
    for (const fn of [...listeners]) fn(event as unknown as MessageEvent);
  };
  return { window: frame as unknown as Window, parent, posted, listeners, deliver };
}

describe("createPostMessageBridge", () => {
  it("requires an explicit target origin and refuses '*' unless allowed", () => {
    const frame = fakeFrame();
    let error: unknown;
    try {
      createPostMessageBridge({ targetOrigin: "*", window: frame.window });
    } catch (caught) {
      error = caught;
    }
    expect(isAuthError(error) && error.code).toBe("invalid_config");
    expect(() => createPostMessageBridge({ targetOrigin: "", window: frame.window })).toThrow();
    expect(() =>
      createPostMessageBridge({ targetOrigin: "*", allowAnyOrigin: true, window: frame.window }),
    ).not.toThrow();
  });

  it("starts nothing at construction", () => {
    const frame = fakeFrame();
    createPostMessageBridge({ targetOrigin: ORIGIN, window: frame.window });
    expect(frame.listeners.size).toBe(0);
    expect(frame.posted).toEqual([]);
  });

  it("posts events and model updates to the parent at the target origin, as plain JSON", () => {
    const frame = fakeFrame();
    const bridge = createPostMessageBridge({ targetOrigin: ORIGIN, window: frame.window });
    bridge.triggerEvent("onLogin", { accessToken: "a", fn: () => 1, user: { id: "u" } });
    bridge.updateModel({ status: "signed_in", nope: undefined });
    expect(frame.posted).toEqual([
      {
        targetOrigin: ORIGIN,
        message: {
          source: MESSAGE_SOURCE,
          type: "event",
          name: "onLogin",
          payload: { accessToken: "a", user: { id: "u" } },
        },
      },
      {
        targetOrigin: ORIGIN,
        message: {
          source: MESSAGE_SOURCE,
          type: "model",
          name: "update",
          payload: { status: "signed_in" },
        },
      },
    ]);
    expect(bridge.getModel()).toEqual({ status: "signed_in" });
  });

  it("accepts config from the parent at the target origin, and announces it is listening", () => {
    const frame = fakeFrame();
    const bridge = createPostMessageBridge({ targetOrigin: ORIGIN, window: frame.window });
    const seen = vi.fn();
    const remove = bridge.onModelChange(seen);
    expect(frame.posted.map((p) => (p.message as { type: string }).type)).toEqual(["ready"]);
    frame.deliver({
      source: frame.parent,
      origin: ORIGIN,
      data: { source: MESSAGE_SOURCE, type: "config", payload: { view: "signup" } },
    });
    frame.deliver({
      source: frame.parent,
      origin: ORIGIN,
      data: { source: MESSAGE_SOURCE, type: "model", payload: { refreshToken: "r" } },
    });
    expect(seen.mock.calls).toEqual([
      [{}],
      [{ view: "signup" }],
      [{ view: "signup", refreshToken: "r" }],
    ]);
    remove();
    expect(frame.listeners.size).toBe(0);
  });

  it("accepts config when the target origin is written as a URL (trailing slash or path)", () => {
    for (const targetOrigin of [`${ORIGIN}/`, `${ORIGIN}/app/page`]) {
      const frame = fakeFrame();
      const bridge = createPostMessageBridge({ targetOrigin, window: frame.window });
      const seen = vi.fn();
      bridge.onModelChange(seen);
      frame.deliver({
        source: frame.parent,
        origin: ORIGIN,
        data: { source: MESSAGE_SOURCE, type: "config", payload: { view: "signup" } },
      });
      frame.deliver({
        source: frame.parent,
        origin: "https://app.example.com.evil.example",
        data: { source: MESSAGE_SOURCE, type: "config", payload: { view: "login" } },
      });
      expect(seen.mock.calls).toEqual([[{}], [{ view: "signup" }]]);
      expect(frame.posted[0]?.targetOrigin).toBe(ORIGIN);
    }
    const frame = fakeFrame();
    expect(() =>
      createPostMessageBridge({ targetOrigin: "app.example.com", window: frame.window }),
    ).toThrow(/targetOrigin/);
  });

  it("ignores messages from another window, another origin, or of an unknown shape", () => {
    const frame = fakeFrame();
    const bridge = createPostMessageBridge({ targetOrigin: ORIGIN, window: frame.window });
    const seen = vi.fn();
    bridge.onModelChange(seen);
    seen.mockClear();
    const good = { source: MESSAGE_SOURCE, type: "config", payload: { view: "signup" } };
    const getter = vi.fn(() => "config");
    frame.deliver({
      source: {},
      origin: ORIGIN,
      data: {
        get type() {
          return getter();
        },
      },
    });
    frame.deliver({ source: frame.parent, origin: "https://evil.example", data: good });
    frame.deliver({ source: null, origin: ORIGIN, data: good });
    frame.deliver({ source: frame.parent, origin: ORIGIN, data: { ...good, source: "other" } });
    frame.deliver({ source: frame.parent, origin: ORIGIN, data: { ...good, type: "steal" } });
    frame.deliver({ source: frame.parent, origin: ORIGIN, data: { ...good, payload: "x" } });
    frame.deliver({ source: frame.parent, origin: ORIGIN, data: "config" });
    expect(seen).not.toHaveBeenCalled();
    expect(getter).not.toHaveBeenCalled();
    expect(bridge.getModel()).toEqual({});
  });

  it("sanitizes incoming payloads", () => {
    const frame = fakeFrame();
    const bridge = createPostMessageBridge({ targetOrigin: ORIGIN, window: frame.window });
    bridge.onModelChange(() => {});
    const payload = { view: "login", when: undefined, nested: { fn: () => 1, ok: true } };
    frame.deliver({
      source: frame.parent,
      origin: ORIGIN,
      data: { source: MESSAGE_SOURCE, type: "config", payload },
    });
    expect(bridge.getModel()).toEqual({ view: "login", nested: { ok: true } });
  });

  it("accepts any origin only when allowAnyOrigin is set, still from the parent only", () => {
    const frame = fakeFrame();
    const bridge = createPostMessageBridge({
      targetOrigin: "*",
      allowAnyOrigin: true,
      window: frame.window,
    });
    const theme = vi.fn();
    bridge.onThemeChange(theme);
    const data = { source: MESSAGE_SOURCE, type: "theme", payload: { primaryColor: "#123456" } };
    frame.deliver({ source: {}, origin: "https://any.example", data });
    frame.deliver({ source: frame.parent, origin: "https://any.example", data });
    expect(theme.mock.calls).toEqual([[undefined], [{ primaryColor: "#123456" }]]);
    expect(bridge.supportsThemeChange()).toBe(true);
  });
});
