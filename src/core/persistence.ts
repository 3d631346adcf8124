import { type CrossTabHandlers, type CrossTabMessage, connectCrossTab } from "./crossTab.js";
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

/** The default storage key. */
export const DEFAULT_STORAGE_KEY = "appsmith-auth-kit.session";

/**
 * Resolves the storage choice once and holds the storage key: the only module that reads or
 * writes it. Only localStorage is shared between tabs (a sandboxed frame fell back to memory).
 */
export function createPersistence(
  choice: StorageChoice,
  key: string = DEFAULT_STORAGE_KEY,
  crossTab = true,
): SessionPersistence {
  const { storage, persistence } = resolveStorage(choice);
  const area = crossTab && persistence === "local" ? (storage as Storage) : undefined;
  let link: ReturnType<typeof connectCrossTab> | undefined;
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
    exclusive(work) {
      const locks = area && lockManager();
      return locks ? locks.request(`appsmith-auth-kit:${key}`, work) : work();
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
