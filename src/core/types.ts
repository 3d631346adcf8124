import type { AuthError, AuthErrorCode } from "./AuthError.js";

/** A signed-in user as the provider described them; `id` and `email` are normalised. */
export interface AuthUser {
  id: string;
  email?: string;
  [key: string]: unknown;
}

/** One signed-in session: the tokens, when the access token expires, and who it is for. */
export interface Session {
  accessToken: string;
  refreshToken?: string;
  /** Epoch milliseconds when the access token expires; absent when the provider gave no expiry. */
  expiresAt?: number;
  /** Usually `"bearer"`. */
  tokenType: string;
  user: AuthUser;
  /** The adapter's name, e.g. `"supabase"`. */
  provider: string;
}

/**
 * Where the engine is in a session's life: `initializing` while restoring at start;
 * `signed_in` with a usable access token; `refreshing` while that token is renewed in the
 * background (still usable); `reconnecting` while the session and its refresh token are kept
 * but no valid access token is at hand (the provider unreachable, retrying); `signed_out`.
 */
export type AuthStatus =
  | "initializing"
  | "signed_in"
  | "refreshing"
  | "reconnecting"
  | "signed_out";

/** Why a session ended. */
export type SignedOutReason = "user" | "expired" | "revoked";

/** The engine action an error came from. */
export type AuthAction = "sign_up" | "sign_in" | "refresh" | "sign_out";

/** Which persistence is in effect for the session. */
export type Persistence = "memory" | "local" | "session" | "custom";

/** A snapshot of the engine, stable between changes (safe for `useSyncExternalStore`). */
export interface AuthState {
  status: AuthStatus;
  session: Session | null;
  /** The last error, cleared by the next successful action. */
  error: AuthError | null;
  persistence: Persistence;
}

/**
 * An {@link AuthError} as plain JSON (what its `toJSON()` gives): the safe fields only, never
 * its `cause` (which may hold a server's raw body).
 */
export interface PlainAuthError {
  code: AuthErrorCode;
  message: string;
  status?: number;
  /** The adapter's name, e.g. `"supabase"`. */
  provider?: string;
  /** For `rate_limited`: how long the server asked to wait, in milliseconds. */
  retryAfterMs?: number;
  /** For `weak_password`: the provider's reasons, if any. */
  reasons?: string[];
}

/**
 * Every token event the engine emits, in the order they happen: plain JSON, safe to post or
 * structured-clone. `client.onEvent`, `<AuthProvider onEvent>` and `mount(el, { onEvent })`
 * all deliver this same event.
 */
export type AuthEvent =
  | {
      type: "signed_up";
      session: Session | null;
      needsConfirmation: boolean;
      user: AuthUser | null;
    }
  | { type: "signed_in"; session: Session }
  | { type: "token_refreshed"; session: Session }
  | { type: "signed_out"; reason: SignedOutReason }
  | { type: "error"; action: AuthAction; error: PlainAuthError };

/** A string key-value store, sync or async (Web Storage fits as it is). */
export interface KeyValueStorage {
  getItem(key: string): string | null | Promise<string | null>;
  setItem(key: string, value: string): void | Promise<void>;
  removeItem(key: string): void | Promise<void>;
}
