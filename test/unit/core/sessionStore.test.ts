import { createSessionStore } from "../../../src/core/sessionStore.js";
import type { AuthState } from "../../../src/core/types.js";

const initial: AuthState = {
  status: "initializing",
  session: null,
  error: null,
  persistence: "memory",
};

describe("createSessionStore", () => {
  it("keeps the same snapshot when nothing changed, and makes a new one when something did", () => {
    const store = createSessionStore(initial);
    const listener = vi.fn();
    store.subscribe(listener);
    const first = store.getState();
    store.setState({ status: "initializing", error: null });
    expect(store.getState()).toBe(first);
    expect(listener).not.toHaveBeenCalled();
    store.setState({ status: "signed_out" });
    expect(store.getState()).not.toBe(first);
    expect(store.getState()).toEqual({ ...initial, status: "signed_out" });
    expect(first.status).toBe("initializing");
    expect(listener).toHaveBeenCalledTimes(1);
  });

  it("freezes snapshots so a consumer cannot change them in place", () => {
    const store = createSessionStore(initial);
    expect(Object.isFrozen(store.getState())).toBe(true);
  });

  it("returns removers from subscribe and onEvent", () => {
    const store = createSessionStore(initial);
    const listener = vi.fn();
    const handler = vi.fn();
    const unsubscribe = store.subscribe(listener);
    const off = store.onEvent(handler);
    unsubscribe();
    off();
    store.setState({ status: "signed_out" });
    store.emit({ type: "signed_out", reason: "user" });
    expect(listener).not.toHaveBeenCalled();
    expect(handler).not.toHaveBeenCalled();
  });

  it("keeps notifying the others when one listener or handler throws", () => {
    const consoleError = vi.spyOn(console, "error").mockImplementation(() => {});
    const store = createSessionStore(initial);
    const after = vi.fn();
    const afterHandler = vi.fn();
    store.subscribe(() => {
      throw new Error("boom");
    });
    store.subscribe(after);
    store.onEvent(() => {
      throw new Error("boom");
    });
    store.onEvent(afterHandler);
    store.setState({ status: "signed_out" });
    store.emit({ type: "signed_out", reason: "user" });
    expect(after).toHaveBeenCalledTimes(1);
    expect(afterHandler).toHaveBeenCalledWith({ type: "signed_out", reason: "user" });
    expect(consoleError).toHaveBeenCalledTimes(2);
  });
});
