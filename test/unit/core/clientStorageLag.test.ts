import { createAuthClient } from "../../../src/core/createAuthClient.js";
import type { AuthEvent } from "../../../src/core/types.js";
import { HOUR, STORAGE_KEY, T0 } from "./fakeAdapter.js";
import { FakeBroadcastChannel } from "./fakeBroadcastChannel.js";
import { rotatingProvider } from "./rotatingProvider.js";

// How late another tab's write reaches a tab's copy on a busy machine.
const LAG_MS = 80;

beforeEach(() => {
  vi.useFakeTimers();
  vi.setSystemTime(T0);
  FakeBroadcastChannel.instances = [];
  vi.stubGlobal("BroadcastChannel", FakeBroadcastChannel);
});
afterEach(() => {
  vi.useRealTimers();
  vi.unstubAllGlobals();
});

/**
 * Per-tab copies of one localStorage, as Chromium keeps them: a write changes the writer's
 * copy at once, reaches the storage service LAG_MS / 2 later (the last to arrive wins), and
 * every copy LAG_MS / 2 after that, in the service's order; a copy ignores other tabs' news
 * of a key while its own write of that key is on its way.
 */
function laggyStorage(tabs: number): Storage[] {
  const service = new Map<string, string>();
  const copies = Array.from({ length: tabs }, () => ({
    data: new Map<string, string>(),
    pending: new Map<string, number>(),
  }));
  const put = (map: Map<string, string>, key: string, value: string | null) =>
    value === null ? map.delete(key) : map.set(key, value);
  const send = (from: (typeof copies)[number], key: string, value: string | null) => {
    put(from.data, key, value);
    from.pending.set(key, (from.pending.get(key) ?? 0) + 1);
    setTimeout(() => {
      put(service, key, value);
      for (const copy of copies) {
        setTimeout(() => {
          if (copy === from) copy.pending.set(key, (copy.pending.get(key) ?? 1) - 1);
          else if (!copy.pending.get(key)) put(copy.data, key, value);
        }, LAG_MS / 2);
      }
    }, LAG_MS / 2);
  };
  return copies.map(
    (copy) =>
      ({
        get length() {
          return copy.data.size;
        },
        key: (index: number) => [...copy.data.keys()][index] ?? null,
        getItem: (key: string) => copy.data.get(key) ?? null,
        setItem: (key: string, value: string) => send(copy, key, String(value)),
        removeItem: (key: string) => send(copy, key, null),
        clear() {
          for (const key of [...copy.data.keys()]) send(copy, key, null);
        },
      }) as Storage,
  );
}

/** navigator.locks reduced to one exclusive mutex: the next waiter runs as soon as it is free. */
function fakeLocks() {
  let tail: Promise<unknown> = Promise.resolve();
  return {
    request<T>(_name: string, run: () => Promise<T>): Promise<T> {
      const result = tail.then(run);
      tail = result.catch(() => {});
      return result;
    },
  };
}

describe.each([
  ["with Web Locks", true],
  ["without Web Locks", false],
])("two tabs whose localStorage copies lag each other by %s", (_label, withLocks) => {
  it("50 cycles of both timers firing together: each refresh token spent once, both signed in", async () => {
    if (withLocks) vi.stubGlobal("navigator", { ...navigator, locks: fakeLocks() });
    const provider = rotatingProvider();
    const first = JSON.stringify(provider.first());
    const copies = laggyStorage(2);
    copies[0]?.setItem(STORAGE_KEY, first);
    await vi.advanceTimersByTimeAsync(LAG_MS);
    const tabs = copies.map((copy) => {
      vi.stubGlobal("localStorage", copy);
      const client = createAuthClient({ adapter: provider.adapter, storage: "local" });
      const events: AuthEvent[] = [];
      client.onEvent((event) => events.push(event));
      return { client, events, stop: client.start() };
    });
    for (let cycle = 0; cycle < 50; cycle += 1) await vi.advanceTimersByTimeAsync(HOUR);
    expect(provider.spent.length).toBeGreaterThanOrEqual(50);
    expect(new Set(provider.spent).size).toBe(provider.spent.length);
    for (const tab of tabs) {
      expect(tab.client.getState().status).toBe("signed_in");
      expect(tab.events.map((event) => event.type)).not.toContain("signed_out");
      tab.stop();
    }
  });
});
