import { type CrossTabHandlers, type CrossTabMessage, connectCrossTab } from "./crossTab.js";
import type { Timers } from "./ports.js";
import { parseStoredSession, resolveStorage, type StorageChoice, writeSession } from "./storage.js";
import type { Persistence, Session } from "./types.js";

/** Where the session lives: the store, the other tabs sharing it, and the refresh lock. */
export interface SessionPersistence {
  readonly kind: Persistence;
  /** The raw stored value; a store that throws counts as empty. */
  read(): string | null | PromiseLike<string | null>;
  /** Stores a session, or forgets it for `null`; failures cost persistence, never the session. */
  write(session: Session | null): void;
  /** The session as the other tabs left it; undefined when nothing is shared. */
  shared(): Session | undefined;
  /** Runs `work` while no other tab of the origin refreshes (at once when nothing is shared). */
  exclusive<T>(work: () => Promise<T>): Promise<T>;
  /** Starts hearing the other tabs; `post` tells them. */
  connect(handlers: CrossTabHandlers): void;
  post(message: CrossTabMessage): void;
  disconnect(): void;
}

interface LockManagerLike {
  request<T>(name: string, callback: () => Promise<T>): Promise<T>;
}

function lockManager(): LockManagerLike | undefined {
  try {
    const locks = (globalThis.navigator as { locks?: LockManagerLike } | undefined)?.locks;
    return typeof locks?.request === "function" ? locks : undefined;
  } catch {
    return undefined;
  }
}

// A lease lasts longer than a refresh request may (15 s timeout), so a tab that dies holding
// it only delays the others.
const LEASE_MS = 20_000;
// Two tabs that take a free lease at the same moment both write it and the last write wins;
// but a write reaches the other tabs' copies of localStorage through another process, tens of
// milliseconds late on a busy machine. So a lease counts as taken once it has read back as
// ours twice, this far apart; and a Web Lock is kept this long after its work, because the
// session stored under it travels to the next holder's copy on its own channel, not in step
// with the lock changing hands.
const SETTLE_MS = 150;

/** The default storage key. */
export const DEFAULT_STORAGE_KEY = "appsmith-auth-kit.session";

/**
 * Resolves the storage choice once and holds the storage key: the only module that reads or
 * writes it. Only localStorage is shared between tabs (a sandboxed frame fell back to memory).
 */
export function createPersistence(
  choice: StorageChoice,
  key: string = DEFAULT_STORAGE_KEY,
  crossTab: boolean,
  now: () => number,
  timers: Timers,
): SessionPersistence {
  const { storage, persistence } = resolveStorage(choice);
  const area = crossTab && persistence === "local" ? (storage as Storage) : undefined;
  let link: ReturnType<typeof connectCrossTab> | undefined;
  const me = `${now()}:${Math.random()}`;
  const leaseKey = `${key}.lease`;
  const sleep = (ms: number) => new Promise((resolve) => timers.setTimeout(() => resolve(0), ms));

  function holder(lease: Storage): string | undefined {
    try {
      const [owner, until] = JSON.parse(lease.getItem(leaseKey) ?? "[]") as [string, number];
      return until > now() ? owner : undefined;
    } catch {
      return undefined;
    }
  }

  /** Without Web Locks (no secure context): a lease in storage, taken, read back, then held. */
  async function leased<T>(lease: Storage, work: () => Promise<T>): Promise<T> {
    for (let confirmed = 0; confirmed < 2; confirmed = holder(lease) === me ? confirmed + 1 : 0) {
      if (holder(lease) === undefined)
        lease.setItem(leaseKey, JSON.stringify([me, now() + LEASE_MS]));
      await sleep(SETTLE_MS);
    }
    try {
      return await work();
    } finally {
      if (holder(lease) === me) lease.removeItem(leaseKey);
    }
  }

  return {
    kind: persistence,
    read() {
      try {
        return storage.getItem(key);
      } catch {
        return null;
      }
    },
    write: (session) => writeSession(storage, key, session),
    shared() {
      try {
        return area && parseStoredSession(area.getItem(key));
      } catch {
        return undefined;
      }
    },
    exclusive<T>(work: () => Promise<T>) {
      if (!area) return work();
      const locks = lockManager();
      if (!locks) return leased(area, work);
      return locks.request(`appsmith-auth-kit:${key}`, async () => {
        const result = await work();
        await sleep(SETTLE_MS);
        return result;
      });
    },
    connect(handlers) {
      if (area) link = connectCrossTab(key, area, handlers);
    },
    post: (message) => link?.post(message),
    disconnect() {
      link?.close();
      link = undefined;
    },
  };
}
