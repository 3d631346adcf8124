import { vi } from "vitest";
import { AuthError } from "../../../src/core/AuthError.js";
import type { AuthAdapter, SignUpResult } from "../../../src/core/adapter.js";
import type { AuthClientOptions } from "../../../src/core/clientTypes.js";
import { createAuthClient } from "../../../src/core/createAuthClient.js";
import { createMemoryStorage } from "../../../src/core/storage.js";
import type { AuthEvent, Session } from "../../../src/core/types.js";
import { passwordCapabilities } from "../../../src/providers/shared.js";

export const HOUR = 3_600_000;

/** An unsigned JWT with the given payload (the engine never verifies). */
export function makeJwt(payload: Record<string, unknown>): string {
  const encode = (value: unknown) => Buffer.from(JSON.stringify(value)).toString("base64url");
  return `${encode({ alg: "none", typ: "JWT" })}.${encode(payload)}.sig`;
}

let counter = 0;

/** A session for `user-1` expiring `lifetimeMs` from now, with a fresh pair of tokens. */
export function makeSession(overrides: Partial<Session> = {}, lifetimeMs = HOUR): Session {
  counter += 1;
  return {
    accessToken: `access-${counter}`,
    refreshToken: `refresh-${counter}`,
    expiresAt: Date.now() + lifetimeMs,
    tokenType: "bearer",
    user: { id: "user-1", email: "ada@example.com", name: "Ada" },
    provider: "fake",
    ...overrides,
  };
}

/** A promise with its resolve/reject exposed. */
export function deferred<T>() {
  let resolve!: (value: T) => void;
  let reject!: (reason: unknown) => void;
  const promise = new Promise<T>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
}

/**
 * An adapter whose every call is a spy. `refresh` answers, by default, after `refreshDelayMs`
 * with a rotated session (user without a name, like a thin refresh reply).
 */
export function createFakeAdapter(options: { refreshDelayMs?: number; lifetimeMs?: number } = {}) {
  const { refreshDelayMs = 5, lifetimeMs = HOUR } = options;
  const adapter = {
    name: "fake",
    capabilities: passwordCapabilities(true, true, true),
    signIn: vi.fn(async () => makeSession({}, lifetimeMs)),
    signUp: vi.fn(
      async (): Promise<SignUpResult> => ({
        kind: "session",
        session: makeSession({}, lifetimeMs),
      }),
    ),
    refresh: vi.fn(
      (_token: string) =>
        new Promise<Session>((resolve) => {
          setTimeout(
            () => resolve(makeSession({ user: { id: "user-1" } }, lifetimeMs)),
            refreshDelayMs,
          );
        }),
    ),
    signOut: vi.fn(async (_session: Session) => {}),
  } satisfies AuthAdapter;
  return adapter;
}

export type FakeAdapter = ReturnType<typeof createFakeAdapter>;

export const transient = () => new AuthError("network");
export const rejected = () => new AuthError("session_expired", { status: 400 });

/** Lets pending promise callbacks run without moving the fake clock. */
export async function flush(): Promise<void> {
  await vi.advanceTimersByTimeAsync(0);
}

export const T0 = Date.UTC(2030, 0, 1);
export const STORAGE_KEY = "appsmith-auth-kit.session";

/** A client on a fake adapter and a memory store, recording every event it emits. */
export function setupClient(
  options: Partial<AuthClientOptions> & { stored?: Session | string } = {},
  adapterOptions: Parameters<typeof createFakeAdapter>[0] = {},
) {
  const adapter = createFakeAdapter(adapterOptions);
  const storage = createMemoryStorage();
  const { stored, ...rest } = options;
  if (stored !== undefined) {
    storage.setItem(STORAGE_KEY, typeof stored === "string" ? stored : JSON.stringify(stored));
  }
  const client = createAuthClient({ adapter, storage, random: () => 0.5, ...rest });
  const events: AuthEvent[] = [];
  client.onEvent((event) => events.push(event));
  const stored_ = () => storage.getItem(STORAGE_KEY) as string | null;
  return { adapter, storage, client, events, stored: stored_ };
}
