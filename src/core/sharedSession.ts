import { parseStoredSession } from "./storage.js";
import type { Session } from "./types.js";

/** The session other tabs may have refreshed, and a lock to refresh it one tab at a time. */
export interface SharedSession {
  read(): Session | undefined;
  lock<T>(run: () => Promise<T>): Promise<T>;
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

/**
 * The session as other tabs of the origin see it in Web Storage, with the Web Locks API
 * (where the browser has it) to let one tab refresh at a time.
 */
export function createSharedSession(area: Storage, storageKey: string): SharedSession {
  return {
    read() {
      try {
        return parseStoredSession(area.getItem(storageKey));
      } catch {
        return undefined;
      }
    },
    lock(run) {
      const locks = lockManager();
      return locks ? locks.request(`appsmith-auth-kit:${storageKey}`, run) : run();
    },
  };
}
