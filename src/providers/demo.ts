import { AuthError } from "../core/AuthError.js";
import type { AuthAdapter, RequestOptions } from "../core/adapter.js";
import { decodeJwt } from "../core/jwt.js";
import { type Clock, systemClock, systemTimers, type Timers } from "../core/ports.js";
import type { AuthUser, Session } from "../core/types.js";

/** A user the demo adapter knows from the start. */
export interface DemoUser {
  email: string;
  password: string;
  [field: string]: unknown;
}

/** Options for {@link demo}. */
export interface DemoOptions {
  /** Access-token lifetime; default 30 s, so refreshes are easy to watch. */
  accessTokenTtlSeconds?: number;
  /** Simulated network delay per call; default 300 ms. */
  latencyMs?: number;
  /** Seed users; default one, `demo@example.com` / `password123`. */
  users?: DemoUser[];
  clock?: Clock;
  timers?: Timers;
}

const PROVIDER = "demo";
const DEFAULT_USERS: DemoUser[] = [{ email: "demo@example.com", password: "password123" }];

function base64Url(value: unknown): string {
  const bytes = new TextEncoder().encode(JSON.stringify(value));
  let binary = "";
  for (const byte of bytes) binary += String.fromCharCode(byte);
  return btoa(binary).replace(/\+/g, "-").replace(/\//g, "_").replace(/=+$/, "");
}

function fail(code: AuthError["code"], extra: { retryAfterMs?: number; status?: number } = {}) {
  return new AuthError(code, { provider: PROVIDER, ...extra });
}

// Magic inputs let stories and tests show every error state without a server.
function magicFailure(email: string): AuthError | undefined {
  if (email.includes("+ratelimit"))
    return fail("rate_limited", { status: 429, retryAfterMs: 30_000 });
  if (email.includes("+network")) return fail("network");
  if (email.includes("+timeout")) return fail("timeout");
  if (email.includes("+servererror")) return fail("provider_error", { status: 500 });
  if (email.includes("+disabled")) return fail("user_disabled", { status: 403 });
  if (email.includes("+unconfirmed")) return fail("email_not_confirmed", { status: 400 });
  return undefined;
}

/**
 * An in-memory adapter for demos, stories and tests: unsigned JWT-shaped tokens with a real
 * `exp`, rotating refresh tokens, simulated latency and magic inputs that trigger errors
 * (password `wrongpass`, emails with `+ratelimit`, `+network`, `+timeout`, `+servererror`,
 * `+disabled`, `+unconfirmed`; `+confirm` on sign-up). Never for production.
 */
export function demo(options: DemoOptions = {}): AuthAdapter {
  const ttlMs = (options.accessTokenTtlSeconds ?? 30) * 1000;
  const latencyMs = options.latencyMs ?? 300;
  const clock = options.clock ?? systemClock;
  const timers = options.timers ?? systemTimers;
  const users = new Map<string, { id: string; password: string; record: AuthUser }>();
  const refreshTokens = new Map<string, { userId: string; used: boolean }>();
  let counter = 0;
  const nextId = (prefix: string) => {
    counter += 1;
    const random = Math.random().toString(36).slice(2, 10);
    return `${prefix}-${counter}-${random}`;
  };

  const addUser = ({ email, password, ...fields }: DemoUser): AuthUser => {
    const id = nextId("user");
    const record: AuthUser = { ...fields, id, email };
    users.set(email.toLowerCase(), { id, password, record });
    return record;
  };
  for (const user of options.users ?? DEFAULT_USERS) addUser(user);

  const wait = (signal?: AbortSignal) =>
    new Promise<void>((resolve, reject) => {
      if (signal?.aborted) return reject(fail("network"));
      const handle = timers.setTimeout(() => {
        signal?.removeEventListener("abort", onAbort);
        resolve();
      }, latencyMs);
      const onAbort = () => {
        timers.clearTimeout(handle);
        reject(fail("network"));
      };
      signal?.addEventListener("abort", onAbort, { once: true });
    });

  const issue = (user: AuthUser): Session => {
    const now = clock.now();
    const expiresAt = now + ttlMs;
    const claims = {
      sub: user.id,
      email: user.email,
      iat: Math.floor(now / 1000),
      exp: Math.floor(expiresAt / 1000),
    };
    const accessToken = `${base64Url({ alg: "none", typ: "JWT" })}.${base64Url(claims)}.`;
    const refreshToken = nextId("demo-refresh");
    refreshTokens.set(refreshToken, { userId: user.id, used: false });
    return {
      accessToken,
      refreshToken,
      expiresAt: claims.exp * 1000,
      tokenType: "bearer",
      user,
      provider: PROVIDER,
    };
  };

  const findById = (id: string) => [...users.values()].find((entry) => entry.id === id);

  return {
    name: PROVIDER,
    capabilities: { signUp: true, refresh: true, revoke: true },

    async signUp({ email, password, ...fields }, opts?: RequestOptions) {
      await wait(opts?.signal);
      const magic = magicFailure(email);
      if (magic) throw magic;
      if (!/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(email)) throw fail("invalid_email", { status: 422 });
      if (password.length < 8) throw fail("weak_password", { status: 422 });
      if (users.has(email.toLowerCase())) throw fail("email_taken", { status: 422 });
      const user = addUser({ ...fields, email, password });
      if (email.includes("+confirm")) return { kind: "confirmation_required", user };
      return { kind: "session", session: issue(user) };
    },

    async signIn({ email, password }, opts) {
      await wait(opts?.signal);
      const magic = magicFailure(email);
      if (magic) throw magic;
      const entry = users.get(email.toLowerCase());
      if (!entry || password === "wrongpass" || entry.password !== password) {
        throw fail("invalid_credentials", { status: 400 });
      }
      return issue(entry.record);
    },

    async refresh(refreshToken, opts) {
      await wait(opts?.signal);
      const known = refreshTokens.get(refreshToken);
      const entry = known && !known.used ? findById(known.userId) : undefined;
      if (!known || !entry) throw fail("session_expired", { status: 400 });
      known.used = true;
      return issue(entry.record);
    },

    async signOut(session, opts) {
      await wait(opts?.signal);
      if (session.refreshToken !== undefined) refreshTokens.delete(session.refreshToken);
    },

    async getUser(accessToken, opts) {
      await wait(opts?.signal);
      const claims = decodeJwt(accessToken);
      const entry = claims?.sub === undefined ? undefined : findById(claims.sub);
      if (!entry || claims?.exp === undefined || claims.exp * 1000 <= clock.now()) {
        throw fail("session_expired", { status: 401 });
      }
      return entry.record;
    },
  };
}
