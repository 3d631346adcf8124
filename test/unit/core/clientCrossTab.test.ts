import { createAuthClient } from "../../../src/core/createAuthClient.js";
import type { AuthEvent } from "../../../src/core/types.js";
import {
  createFakeAdapter,
  flush,
  HOUR,
  makeSession,
  rejected,
  STORAGE_KEY,
  T0,
} from "./fakeAdapter.js";
import { FakeBroadcastChannel } from "./fakeBroadcastChannel.js";

beforeEach(() => {
  vi.useFakeTimers();
  vi.setSystemTime(T0);
  FakeBroadcastChannel.instances = [];
  vi.stubGlobal("BroadcastChannel", FakeBroadcastChannel);
});
afterEach(() => {
  vi.useRealTimers();
  vi.unstubAllGlobals();
  localStorage.clear();
});

/** A "tab": a client on the page's real localStorage, recording its events. */
function tab(options: { crossTab?: boolean } = {}) {
  const adapter = createFakeAdapter();
  const client = createAuthClient({ adapter, storage: "local", random: () => 0.5, ...options });
  const events: AuthEvent[] = [];
  client.onEvent((event) => events.push(event));
  return { adapter, client, events, stop: client.start() };
}

describe("cross-tab", () => {
  it("a sign-in in one tab signs the other in, without a request", async () => {
    const a = tab();
    const b = tab();
    const session = await a.client.signIn({ email: "a@b.co", password: "pw" });
    await flush();
    expect(b.client.getState()).toMatchObject({ status: "signed_in", session });
    expect(b.events).toEqual([{ type: "signed_in", session }]);
    expect(b.adapter.signIn).not.toHaveBeenCalled();
    expect(b.adapter.refresh).not.toHaveBeenCalled();
  });

  it("a refresh in one tab is adopted by the other, which reschedules its own refresh", async () => {
    localStorage.setItem(STORAGE_KEY, JSON.stringify(makeSession()));
    const a = tab();
    const b = tab();
    // Half way through, A refreshes (by hand); B must not refresh at the old due time.
    await vi.advanceTimersByTimeAsync(HOUR / 2);
    // Without Web Locks, a refresh first takes the storage lease (read back twice, 150 ms apart).
    const session = await refreshBy(a);
    expect(b.client.getState().session).toEqual(session);
    expect(b.events).toEqual([{ type: "token_refreshed", session }]);
    await vi.advanceTimersByTimeAsync(HOUR / 2);
    expect(b.adapter.refresh).not.toHaveBeenCalled();
    expect(a.adapter.refresh).toHaveBeenCalledTimes(1);
    // Both turns come a margin before the new expiry: one tab holds the storage lease and
    // refreshes, the other then finds the rotated session stored and takes it.
    await vi.advanceTimersByTimeAsync(HOUR / 2 - 60_000 + 2 * LEASE_MS);
    expect(a.adapter.refresh.mock.calls.length + b.adapter.refresh.mock.calls.length).toBe(2);
    expect(b.client.getState().session).toEqual(a.client.getState().session);
  });

  it("a sign-out in one tab signs the other out with reason user", async () => {
    localStorage.setItem(STORAGE_KEY, JSON.stringify(makeSession()));
    const a = tab();
    const b = tab();
    await a.client.signOut();
    await flush();
    expect(b.client.getState()).toMatchObject({ status: "signed_out", session: null });
    expect(b.events).toEqual([{ type: "signed_out", reason: "user" }]);
    expect(b.adapter.signOut).not.toHaveBeenCalled();
  });

  it("a session revoked in one tab ends the other's with a session_expired error", async () => {
    localStorage.setItem(STORAGE_KEY, JSON.stringify(makeSession()));
    const a = tab();
    const b = tab();
    await flush();
    expect(b.client.getState().error).toBeNull();
    a.adapter.refresh.mockRejectedValueOnce(rejected());
    await refreshBy(a);
    expect(b.client.getState()).toMatchObject({ status: "signed_out", session: null });
    expect(b.client.getState().error?.code).toBe("session_expired");
    expect(b.events).toEqual([{ type: "signed_out", reason: "revoked" }]);
  });

  it("ignores messages of an unexpected shape", async () => {
    localStorage.setItem(STORAGE_KEY, JSON.stringify(makeSession()));
    const b = tab();
    const before = b.client.getState();
    const intruder = new FakeBroadcastChannel(FakeBroadcastChannel.open()[0]?.name ?? "");
    for (const data of [
      null,
      "signed_out",
      { kind: "signed_out", reason: "user" },
      { source: "appsmith-auth-kit", kind: "signed_out", reason: "because" },
      { source: "appsmith-auth-kit", kind: "session", session: { accessToken: 1 } },
      { source: "appsmith-auth-kit", kind: "other" },
    ]) {
      intruder.postMessage(data);
    }
    await flush();
    expect(b.client.getState()).toBe(before);
    expect(b.events).toEqual([]);
  });

  it("falls back to the storage event when BroadcastChannel is unavailable", async () => {
    vi.stubGlobal("BroadcastChannel", undefined);
    localStorage.setItem(STORAGE_KEY, JSON.stringify(makeSession()));
    const b = tab();
    const next = makeSession();
    window.dispatchEvent(
      new StorageEvent("storage", {
        key: STORAGE_KEY,
        newValue: JSON.stringify(next),
        storageArea: localStorage,
      }),
    );
    expect(b.client.getState().session).toEqual(next);
    expect(b.events).toEqual([{ type: "token_refreshed", session: next }]);
    window.dispatchEvent(new StorageEvent("storage", { key: "other", newValue: null }));
    window.dispatchEvent(new StorageEvent("storage", { key: STORAGE_KEY, newValue: "{corrupt" }));
    expect(b.client.getState().session).toEqual(next);
    window.dispatchEvent(new StorageEvent("storage", { key: STORAGE_KEY, newValue: null }));
    expect(b.events.at(-1)).toEqual({ type: "signed_out", reason: "user" });
  });

  it("skips quietly when BroadcastChannel throws (opaque origin)", () => {
    vi.stubGlobal(
      "BroadcastChannel",
      class {
        constructor() {
          throw new DOMException("opaque origin", "SecurityError");
        }
      },
    );
    expect(() => tab()).not.toThrow();
  });

  it("opens no channel in a sandboxed frame where storage fell back to memory", () => {
    const original = Object.getOwnPropertyDescriptor(globalThis, "localStorage");
    Object.defineProperty(globalThis, "localStorage", {
      configurable: true,
      get() {
        throw new DOMException("sandboxed", "SecurityError");
      },
    });
    try {
      const b = tab();
      expect(b.client.getState().persistence).toBe("memory");
      expect(FakeBroadcastChannel.instances).toHaveLength(0);
    } finally {
      if (original) Object.defineProperty(globalThis, "localStorage", original);
    }
  });

  it("opens no channel with crossTab: false, and closes it on stop", () => {
    tab({ crossTab: false });
    expect(FakeBroadcastChannel.instances).toHaveLength(0);
    const b = tab();
    expect(FakeBroadcastChannel.open()).toHaveLength(1);
    b.stop();
    expect(FakeBroadcastChannel.open()).toHaveLength(0);
  });

  it("a tab whose timer fires after another tab refreshed takes the stored session, no request", async () => {
    vi.stubGlobal("BroadcastChannel", undefined);
    localStorage.setItem(STORAGE_KEY, JSON.stringify(makeSession()));
    const a = tab();
    const b = tab();
    await vi.advanceTimersByTimeAsync(HOUR / 2);
    const session = await refreshBy(a);
    await vi.advanceTimersByTimeAsync(HOUR / 2 - 60_000);
    expect(b.adapter.refresh).not.toHaveBeenCalled();
    expect(b.client.getState().session).toEqual(session);
  });

  it("with Web Locks, two tabs whose timers fire together make one request", async () => {
    const locks = fakeLocks();
    vi.stubGlobal("navigator", { ...navigator, locks });
    localStorage.setItem(STORAGE_KEY, JSON.stringify(makeSession()));
    const a = tab();
    const b = tab();
    await vi.advanceTimersByTimeAsync(HOUR - 60_000 + 20);
    expect(a.adapter.refresh.mock.calls.length + b.adapter.refresh.mock.calls.length).toBe(1);
    expect(a.client.getState().session).toEqual(b.client.getState().session);
    expect(locks.request).toHaveBeenCalledWith(
      `appsmith-auth-kit:${STORAGE_KEY}`,
      expect.any(Function),
    );
  });

  it("without Web Locks, a refused refresh takes the session another tab rotated meanwhile", async () => {
    const first = makeSession();
    localStorage.setItem(STORAGE_KEY, JSON.stringify(first));
    const b = tab();
    const rotated = makeSession();
    b.adapter.refresh.mockImplementationOnce(async () => {
      // The other tab spent the same token first and stored its reply: ours is refused.
      localStorage.setItem(STORAGE_KEY, JSON.stringify(rotated));
      throw rejected();
    });
    const session = await refreshBy(b);
    expect(session?.refreshToken).toBe(rotated.refreshToken);
    expect(b.client.getState()).toMatchObject({ status: "signed_in" });
    expect(b.events.map((e) => e.type)).toEqual(["token_refreshed"]);
  });

  it("a refused refresh still ends the session when storage holds the same refresh token", async () => {
    localStorage.setItem(STORAGE_KEY, JSON.stringify(makeSession()));
    const b = tab();
    b.adapter.refresh.mockRejectedValueOnce(rejected());
    await expect(refreshBy(b)).resolves.toBeNull();
    expect(b.client.getState().status).toBe("signed_out");
    expect(b.events).toContainEqual({ type: "signed_out", reason: "revoked" });
  });

  it("with Web Locks, a session stored under a new refresh token is taken even when already due", async () => {
    vi.stubGlobal("navigator", { ...navigator, locks: fakeLocks() });
    localStorage.setItem(STORAGE_KEY, JSON.stringify(makeSession()));
    const b = tab();
    // Another tab's reply, living shorter than the 60 s margin: "due" by the full margin.
    const rotated = makeSession({}, 30_000);
    localStorage.setItem(STORAGE_KEY, JSON.stringify(rotated));
    const session = await refreshBy(b);
    expect(b.adapter.refresh).not.toHaveBeenCalled();
    expect(session?.accessToken).toBe(rotated.accessToken);
    await flush();
    expect(b.adapter.refresh).not.toHaveBeenCalled();
  });
});

// How long taking a free storage lease takes, plus the reply.
const LEASE_MS = 2 * 150 + 10;

async function refreshBy(t: ReturnType<typeof tab>) {
  const refreshed = t.client.refresh();
  // The storage lease (no Web Locks here) is read back twice, 150 ms apart; the reply takes 5.
  await vi.advanceTimersByTimeAsync(LEASE_MS);
  return refreshed;
}

/** navigator.locks reduced to an exclusive mutex per name. */
function fakeLocks() {
  const tails = new Map<string, Promise<unknown>>();
  return {
    request: vi.fn(<T>(name: string, run: () => Promise<T>): Promise<T> => {
      const previous = tails.get(name) ?? Promise.resolve();
      const result = previous.then(run, run);
      tails.set(
        name,
        result.catch(() => {}),
      );
      return result;
    }),
  };
}
