import type { AuthUser, Session } from "./types.js";

/**
 * What an adapter can do against its provider. Forms, the widget and the hooks offer only
 * what is `true`. The flows after `revoke` are declared for the adapters to come; no adapter
 * offers them yet.
 */
export interface AdapterCapabilities {
  signUp: boolean;
  /** Whether a session can be renewed (and restored from a refresh token). */
  refresh: boolean;
  /** Whether `signOut` revokes anything server-side. */
  revoke: boolean;
  /** Sign-in through the provider's own page: social or other redirect sign-in. */
  redirectSignIn: boolean;
  /** A "forgot password" email and the reset that follows it. */
  passwordRecovery: boolean;
  /** Sending (and re-sending) the email that confirms an address. */
  emailVerification: boolean;
  /** Sign-in through a link sent by email. */
  magicLink: boolean;
  /** Sign-in with a one-time code sent by email. */
  emailOtp: boolean;
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
