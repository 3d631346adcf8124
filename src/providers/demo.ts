import { AuthError } from "../core/AuthError.js";
import type { AuthAdapter, RequestOptions } from "../core/adapter.js";
import { decodeJwt } from "../core/jwt.js";
import { type Clock, systemClock, systemTimers, type Timers } from "../core/ports.js";
import { resolveStorage } from "../core/storage.js";
import type { AuthUser, Session } from "../core/types.js";
import { above, checkOptions, isObject, oneOf, optional, text } from "./configCheck.js";
import { passwordCapabilities } from "./shared.js";

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
  /**
   * Where the demo "server" keeps its users and refresh tokens, so that, like a real
   * provider, it still knows a stored session after a reload: `"local"` (default,
   * `localStorage` under {@link DEMO_STORAGE_KEY}), `"session"`, `"memory"` (forgets on
   * reload), or a synchronous store of your own. Falls back to memory where Web Storage is
   * missing or throws, as in a sandboxed iframe.
   */
  storage?: "local" | "session" | "memory" | DemoStorage;
  clock?: Clock;
  timers?: Timers;
}

/** A synchronous key-value store for the demo's tables (Web Storage has this shape). */
export interface DemoStorage {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
}

/** The key under which the demo keeps its tables in Web Storage. */
export const DEMO_STORAGE_KEY = "appsmith-auth-kit.demo-server";

interface DemoAccount {
  id: string;
  password: string;
  record: AuthUser;
}

// The demo server's state: what a real provider keeps in its database.
interface DemoTables {
  counter: number;
  users: Record<string, DemoAccount>;
  refreshTokens: Record<string, { userId: string; used: boolean }>;
}

/** The check of {@link DemoOptions}, run by `demo()` and `createAdapter` alike. */
export const demoConfig = {
  accessTokenTtlSeconds: optional(above(0)),
  latencyMs: optional(above(0, true)),
  users: [{ email: text, password: text }] as const,
  // A store of your own (an object) is not JSON: only the factory takes one.
  storage: optional((value) =>
    isObject(value) ? undefined : oneOf(["local", "session", "memory"])(value),
  ),
};

const PROVIDER = "demo";
const DEFAULT_USERS: DemoUser[] = [{ email: "demo@example.com", password: "password123" }];

function base64Url(value: unknown): string {
  const bytes = new TextEncoder().encode(JSON.stringify(value));
  let binary = "";
  for (const byte of bytes) binary += String.fromCharCode(byte);
  return btoa(binary).replace(/\+/g, "-").replace(/\//g, "_").replace(/=+$/, "");
}

function isTables(value: unknown): value is DemoTables {
  if (typeof value !== "object" || value === null) return false;
  const tables = value as Partial<DemoTables>;
  return (
    typeof tables.counter === "number" &&
    typeof tables.users === "object" &&
    tables.users !== null &&
    typeof tables.refreshTokens === "object" &&
    tables.refreshTokens !== null
  );
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
  const config = checkOptions(demoConfig, options, PROVIDER);
  const ttlMs = (config.accessTokenTtlSeconds ?? 30) * 1000;
  const latencyMs = config.latencyMs ?? 300;
  const clock = options.clock ?? systemClock;
  const timers = options.timers ?? systemTimers;
  const store: DemoStorage | undefined =
    typeof options.storage === "object"
      ? options.storage
      : options.storage === "memory"
        ? undefined
        : (resolveStorage(options.storage ?? "local").storage as DemoStorage);
  const seeds = options.users ?? DEFAULT_USERS;
  let memory: DemoTables = { counter: 0, users: {}, refreshTokens: {} };

  const nextId = (tables: DemoTables, prefix: string) => {
    tables.counter += 1;
    const random = Math.random().toString(36).slice(2, 10);
    return `${prefix}-${tables.counter}-${random}`;
  };
  const addUser = (tables: DemoTables, { email, password, ...fields }: DemoUser): AuthUser => {
    const id = nextId(tables, "user");
    const record: AuthUser = { ...fields, id, email };
    tables.users[email.toLowerCase()] = { id, password, record };
    return record;
  };

  // Each call reads the tables afresh and writes them back, so that every demo adapter on
  // the page (and every tab) sees one server; corrupt or missing data starts a fresh one.
  const read = (): DemoTables => {
    let tables = memory;
    try {
      const raw = store?.getItem(DEMO_STORAGE_KEY);
      const parsed: unknown = raw ? JSON.parse(raw) : undefined;
      if (isTables(parsed)) tables = parsed;
    } catch {
      // Unreadable: the in-memory tables stand in.
    }
    for (const seed of seeds) {
      if (!Object.hasOwn(tables.users, seed.email.toLowerCase())) addUser(tables, seed);
    }
    return tables;
  };
  const write = (tables: DemoTables) => {
    memory = tables;
    try {
      store?.setItem(DEMO_STORAGE_KEY, JSON.stringify(tables));
    } catch {
      // Full or blocked storage: the tables live on in memory for this page.
    }
  };
  write(read());

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

  const issue = (tables: DemoTables, user: AuthUser): Session => {
    const now = clock.now();
    const expiresAt = now + ttlMs;
    const claims = {
      sub: user.id,
      email: user.email,
      iat: Math.floor(now / 1000),
      exp: Math.floor(expiresAt / 1000),
    };
    const accessToken = `${base64Url({ alg: "none", typ: "JWT" })}.${base64Url(claims)}.`;
    const refreshToken = nextId(tables, "demo-refresh");
    tables.refreshTokens[refreshToken] = { userId: user.id, used: false };
    return {
      accessToken,
      refreshToken,
      expiresAt: claims.exp * 1000,
      tokenType: "bearer",
      user,
      provider: PROVIDER,
    };
  };

  const findById = (tables: DemoTables, id: string) =>
    Object.values(tables.users).find((entry) => entry.id === id);

  return {
    name: PROVIDER,
    capabilities: passwordCapabilities(true, true, true),

    async signUp({ email, password, ...fields }, opts?: RequestOptions) {
      await wait(opts?.signal);
      const magic = magicFailure(email);
      if (magic) throw magic;
      if (!/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(email)) throw fail("invalid_email", { status: 422 });
      if (password.length < 8) throw fail("weak_password", { status: 422 });
      const tables = read();
      if (Object.hasOwn(tables.users, email.toLowerCase())) {
        throw fail("email_taken", { status: 422 });
      }
      const user = addUser(tables, { ...fields, email, password });
      const confirm = email.includes("+confirm");
      const session = confirm ? undefined : issue(tables, user);
      write(tables);
      return session ? { kind: "session", session } : { kind: "confirmation_required", user };
    },

    async signIn({ email, password }, opts) {
      await wait(opts?.signal);
      const magic = magicFailure(email);
      if (magic) throw magic;
      const tables = read();
      const entry = Object.hasOwn(tables.users, email.toLowerCase())
        ? tables.users[email.toLowerCase()]
        : undefined;
      if (!entry || password === "wrongpass" || entry.password !== password) {
        throw fail("invalid_credentials", { status: 400 });
      }
      const session = issue(tables, entry.record);
      write(tables);
      return session;
    },

    async refresh(refreshToken, opts) {
      await wait(opts?.signal);
      const tables = read();
      const known = Object.hasOwn(tables.refreshTokens, refreshToken)
        ? tables.refreshTokens[refreshToken]
        : undefined;
      const entry = known && !known.used ? findById(tables, known.userId) : undefined;
      if (!known || !entry) throw fail("session_expired", { status: 400 });
      known.used = true;
      const session = issue(tables, entry.record);
      write(tables);
      return session;
    },

    async signOut(session, opts) {
      await wait(opts?.signal);
      if (session.refreshToken === undefined) return;
      const tables = read();
      delete tables.refreshTokens[session.refreshToken];
      write(tables);
    },

    async getUser(accessToken, opts) {
      await wait(opts?.signal);
      const claims = decodeJwt(accessToken);
      const entry = claims?.sub === undefined ? undefined : findById(read(), claims.sub);
      if (!entry || claims?.exp === undefined || claims.exp * 1000 <= clock.now()) {
        throw fail("session_expired", { status: 401 });
      }
      return entry.record;
    },
  };
}
