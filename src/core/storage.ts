import type { KeyValueStorage, Persistence, Session } from "./types.js";

/** Which store the engine should use: a named one or a custom store. */
export type StorageChoice = "memory" | "local" | "session" | KeyValueStorage;

/** The store in effect and the persistence it gives. */
export interface ResolvedStorage {
  storage: KeyValueStorage;
  persistence: Persistence;
}

/** A store that lives as long as the page: nothing survives a reload. */
export function createMemoryStorage(): KeyValueStorage {
  const items = new Map<string, string>();
  return {
    getItem: (key) => items.get(key) ?? null,
    setItem: (key, value) => {
      items.set(key, String(value));
    },
    removeItem: (key) => {
      items.delete(key);
    },
  };
}

const PROBE_KEY = "appsmith-auth-kit.probe";

/** Returns the Web Storage area when it can be read and written, else undefined. */
export function probeWebStorage(kind: "local" | "session"): Storage | undefined {
  try {
    // In a sandboxed iframe the property access itself throws SecurityError.
    const area = kind === "local" ? globalThis.localStorage : globalThis.sessionStorage;
    if (area === undefined || area === null) return undefined;
    area.setItem(PROBE_KEY, "1");
    area.removeItem(PROBE_KEY);
    return area;
  } catch {
    return undefined;
  }
}

/**
 * Resolves a storage choice, falling back to memory where Web Storage is missing or throws
 * (server rendering, a sandboxed iframe, a full quota); `persistence` says which is in effect.
 */
export function resolveStorage(choice: StorageChoice = "local"): ResolvedStorage {
  if (typeof choice === "object" && choice !== null)
    return { storage: choice, persistence: "custom" };
  if (choice === "local" || choice === "session") {
    const area = probeWebStorage(choice);
    if (area !== undefined) return { storage: area, persistence: choice };
  }
  return { storage: createMemoryStorage(), persistence: "memory" };
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function optional(value: unknown, type: "string" | "number"): boolean {
  return value === undefined || typeof value === type;
}

/** Checks an unknown value has the shape of a {@link Session}. */
export function isSession(value: unknown): value is Session {
  if (!isRecord(value) || !isRecord(value.user)) return false;
  return (
    typeof value.accessToken === "string" &&
    value.accessToken !== "" &&
    optional(value.refreshToken, "string") &&
    (value.expiresAt === undefined || Number.isFinite(value.expiresAt)) &&
    typeof value.tokenType === "string" &&
    typeof value.provider === "string" &&
    typeof value.user.id === "string" &&
    optional(value.user.email, "string")
  );
}

/** Parses a stored session; corrupted or wrongly shaped data gives undefined, never a throw. */
export function parseStoredSession(raw: string | null | undefined): Session | undefined {
  if (typeof raw !== "string" || raw === "") return undefined;
  try {
    const value: unknown = JSON.parse(raw);
    return isSession(value) ? value : undefined;
  } catch {
    return undefined;
  }
}

/** Serialises a session for storage. */
export function serializeSession(session: Session): string {
  return JSON.stringify(session);
}

/** True for a promise or any thenable (a custom store may return either). */
export function isPromiseLike(value: unknown): value is PromiseLike<unknown> {
  return typeof (value as { then?: unknown } | null | undefined)?.then === "function";
}

/** Stores a session, or removes it for `null`; failures are swallowed, sync or async. */
export function writeSession(storage: KeyValueStorage, key: string, session: Session | null): void {
  try {
    const result =
      session === null ? storage.removeItem(key) : storage.setItem(key, serializeSession(session));
    // A full quota or a failing custom store costs persistence, never the session.
    if (isPromiseLike(result)) Promise.resolve(result).catch(() => {});
  } catch {}
}
