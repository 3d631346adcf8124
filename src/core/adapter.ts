import type { AuthUser, Session } from "./types.js";

/** What an adapter can do against its provider. */
export interface AdapterCapabilities {
  signUp: boolean;
  refresh: boolean;
  /** Whether `signOut` revokes anything server-side. */
  revoke: boolean;
}

/** Per-call options every adapter method accepts. */
export interface RequestOptions {
  signal?: AbortSignal;
}

/** Input for sign-up: email, password, plus any extra fields the provider takes. */
export interface SignUpInput {
  email: string;
  password: string;
  [extra: string]: unknown;
}

/** Input for sign-in. */
export interface SignInInput {
  email: string;
  password: string;
}

/** Sign-up either starts a session or needs the user to confirm their email first. */
export type SignUpResult =
  | { kind: "session"; session: Session }
  | { kind: "confirmation_required"; user: AuthUser | null };

/**
 * The contract between the engine and a provider. Every method rejects only with an
 * `AuthError`. A rejected refresh token (revoked, reused, unknown, user disabled) must
 * reject with code `session_expired`; transient failures with `network`, `timeout`,
 * `rate_limited` or a 5xx `provider_error`. `refresh` returns the refresh token it was
 * given when the provider does not rotate it.
 */
export interface AuthAdapter {
  readonly name: string;
  readonly capabilities: AdapterCapabilities;
  signUp(input: SignUpInput, options?: RequestOptions): Promise<SignUpResult>;
  signIn(input: SignInInput, options?: RequestOptions): Promise<Session>;
  refresh(refreshToken: string, options?: RequestOptions): Promise<Session>;
  /** Best-effort server-side revoke; the engine signs out locally whatever it does. */
  signOut(session: Session, options?: RequestOptions): Promise<void>;
  getUser?(accessToken: string, options?: RequestOptions): Promise<AuthUser>;
}
