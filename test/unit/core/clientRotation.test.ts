import type { AuthAdapter } from "../../../src/core/adapter.js";
import { createAuthClient } from "../../../src/core/createAuthClient.js";
import type { AuthEvent, Session } from "../../../src/core/types.js";
import { deferred, flush, HOUR, makeSession, STORAGE_KEY, T0 } from "./fakeAdapter.js";
import { FakeBroadcastChannel } from "./fakeBroadcastChannel.js";
import { rotatingProvider } from "./rotatingProvider.js";

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

/**
 * navigator.locks as another tab sees it: the next waiter gets the lock the moment it is
 * free, while the holder's own page hears that its callback settled a millisecond later.
 */
function fakeLocks() {
  const queue: Array<() => void> = [];
  const release = () => {
    queue.shift();
    queue[0]?.();
  };
  return {
    request<T>(_name: string, run: () => Promise<T>): Promise<T> {
      return new Promise<T>((resolve, reject) => {
        const go = () =>
          run().then(
            (value) => {
              release();
              setTimeout(() => resolve(value), 1);
            },
            (error: unknown) => {
              release();
              setTimeout(() => reject(error), 1);
            },
          );
        queue.push(go);
        if (queue.length === 1) go();
      });
    },
  };
}

function twoTabs(adapter: AuthAdapter) {
  return [0, 1].map(() => {
    const client = createAuthClient({ adapter, storage: "local", random: () => 0.5 });
    const events: AuthEvent[] = [];
    client.onEvent((event) => events.push(event));
    return { client, events, stop: client.start() };
  });
}

describe.each([
  ["with Web Locks", true],
  ["without Web Locks (plain http on a LAN address)", false],
])("two tabs on a rotating provider, %s", (_label, withLocks) => {
  it("50 refresh cycles with both timers firing together: no token spent twice, both signed in", async () => {
    if (withLocks) vi.stubGlobal("navigator", { ...navigator, locks: fakeLocks() });
    const provider = rotatingProvider();
    localStorage.setItem(STORAGE_KEY, JSON.stringify(provider.first()));
    const tabs = twoTabs(provider.adapter);
    for (let cycle = 0; cycle < 50; cycle += 1) await vi.advanceTimersByTimeAsync(HOUR);
    expect(provider.spent.length).toBeGreaterThanOrEqual(50);
    expect(new Set(provider.spent).size).toBe(provider.spent.length);
    for (const tab of tabs) {
      expect(tab.client.getState().status).toBe("signed_in");
      expect(tab.events.map((event) => event.type)).not.toContain("signed_out");
      tab.stop();
    }
    expect(tabs[0]?.client.getState().session).toEqual(tabs[1]?.client.getState().session);
  });
});

describe("the newest user action wins across tabs", () => {
  it("a sign-in that lands after another tab's sign-out signs neither tab in", async () => {
    localStorage.setItem(STORAGE_KEY, JSON.stringify(makeSession()));
    const provider = rotatingProvider();
    const reply = deferred<Session>();
    const signIn = vi.fn(() => reply.promise);
    const revoke = vi.fn(async () => {});
    const a = createAuthClient({
      adapter: { ...provider.adapter, signIn, signOut: revoke },
      storage: "local",
    });
    const b = createAuthClient({ adapter: provider.adapter, storage: "local" });
    const stops = [a.start(), b.start()];
    const signingIn = a.signIn({ email: "ada@example.com", password: "pw" });
    await b.signOut();
    await flush();
    reply.resolve(makeSession());
    await expect(signingIn).rejects.toMatchObject({ code: "superseded" });
    await flush();
    expect(a.getState()).toMatchObject({ status: "signed_out", session: null });
    expect(b.getState()).toMatchObject({ status: "signed_out", session: null });
    expect(localStorage.getItem(STORAGE_KEY)).toBeNull();
    // The reply's server session is revoked: nobody holds it.
    expect(revoke).toHaveBeenCalledTimes(1);
    for (const stop of stops) stop();
  });
});
