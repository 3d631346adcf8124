import type {
  AdapterCapabilities,
  AuthAdapter,
  SignInInput,
  SignUpInput,
  SignUpResult,
} from "./adapter.js";
import type { Clock, Timers } from "./ports.js";
import type { AuthEvent, AuthState, KeyValueStorage, Session } from "./types.js";

/** Options for `createAuthClient`. Nothing starts until `start()` is called. */
export interface AuthClientOptions {
  adapter: AuthAdapter;
  /**
   * Where the session is kept: `"memory"`, `"local"` / `"session"` (Web Storage, falling back
   * to memory where it throws, as in a sandboxed iframe), or a custom store. Default `"local"`.
   */
  storage?: "memory" | "local" | "session" | KeyValueStorage;
  /** Storage key; default `"appsmith-auth-kit.session"`. */
  storageKey?: string;
  /** Refresh this long before the access token expires; default 60 000 ms. */
  refreshMarginMs?: number;
  /** A session to start with (e.g. handed over by a host page). */
  initialSession?: Session;
  /** A refresh token to restore a session from on start. */
  initialRefreshToken?: string;
  /** Share refreshes and sign-outs with other tabs of the same origin; default true. */
  crossTab?: boolean;
  /**
   * Backoff for transient refresh failures (the session is kept meanwhile); defaults 1 000 ms
   * base, 30 000 ms cap, never sooner than a server's Retry-After.
   */
  retry?: { baseMs?: number; maxMs?: number };
  clock?: Clock;
  timers?: Timers;
  /** Random source for backoff jitter, in [0, 1). */
  random?: () => number;
}

/** The framework-free session engine: state, events, actions and the refresh controller. */
export interface AuthClient {
  /** What the adapter can do, so a UI offers only that. */
  readonly capabilities: AdapterCapabilities;
  getState(): AuthState;
  /** Calls `listener` after every state change; returns its remover. */
  subscribe(listener: () => void): () => void;
  /** Calls `handler` with every event; returns its remover. */
  onEvent(handler: (event: AuthEvent) => void): () => void;
  /**
   * Loads the stored or initial session, refreshes it when needed, and starts timers and
   * listeners. Returns a stop function. Safe to call again after stopping (StrictMode):
   * a refresh already in flight is joined, never repeated.
   */
  start(): () => void;
  /**
   * Signs up; rejects with the adapter's `AuthError`, or with code `superseded` when a newer
   * sign-in, sign-up or sign-out in this tab started before the reply came (the reply is then
   * dropped: no state change, no event).
   */
  signUp(input: SignUpInput): Promise<SignUpResult>;
  /** Signs in; rejects like {@link AuthClient.signUp}, including `superseded`. */
  signIn(input: SignInInput): Promise<Session>;
  /** Ends the session locally at once, then revokes it server-side on a best-effort basis. */
  signOut(): Promise<void>;
  /**
   * Refreshes now (single-flight); resolves to the session afterwards (the kept one when the
   * provider is unreachable), or null when there is none.
   */
  refresh(): Promise<Session | null>;
  /**
   * A valid access token, refreshing first when it is due or expired (at once, also in an
   * outage); never an expired one: null when signed out or while reconnecting.
   */
  getAccessToken(): Promise<string | null>;
  /** Restores a session from a refresh token while signed out (e.g. a host handed one over). */
  restore(refreshToken: string): Promise<Session | null>;
}
