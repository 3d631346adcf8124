import type { PlainAuthError } from "./types.js";

/** Every error code the kit produces: a closed list, so UIs can map each to words. */
export const AUTH_ERROR_CODES = [
  "invalid_credentials",
  "email_taken",
  "weak_password",
  "invalid_email",
  "email_not_confirmed",
  "user_disabled",
  "session_expired",
  "refresh_failed",
  "network",
  "timeout",
  "rate_limited",
  "not_supported",
  "invalid_response",
  "invalid_config",
  "provider_error",
  "superseded",
] as const;

/** One of {@link AUTH_ERROR_CODES}. */
export type AuthErrorCode = (typeof AUTH_ERROR_CODES)[number];

/** Default English text for each code; never includes tokens or server bodies. */
export const DEFAULT_ERROR_MESSAGES: Readonly<Record<AuthErrorCode, string>> = {
  invalid_credentials: "The email or password is incorrect.",
  email_taken: "An account with this email already exists.",
  weak_password: "This password is too weak.",
  invalid_email: "This email address is not valid.",
  email_not_confirmed: "Please confirm your email address before signing in.",
  user_disabled: "This account has been disabled.",
  session_expired: "Your session has expired. Please sign in again.",
  refresh_failed: "Your session could not be renewed. Please sign in again.",
  network: "Could not reach the sign-in service. Check your connection and try again.",
  timeout: "The sign-in service took too long to answer. Please try again.",
  rate_limited: "Too many attempts. Please wait a moment and try again.",
  not_supported: "This action is not supported by the sign-in service.",
  invalid_response: "The sign-in service sent a reply the kit could not read.",
  invalid_config: "The sign-in service is not configured correctly.",
  provider_error: "The sign-in service reported an error. Please try again.",
  // A call overtaken by a newer sign-in, sign-up or sign-out: forms show nothing for it.
  superseded: "A newer sign-in or sign-out replaced this one.",
};

const BRAND = Symbol.for("appsmith-auth-kit.AuthError");

/** Options for {@link AuthError}. */
export interface AuthErrorOptions {
  /** A safe, human-readable detail (never a token or a raw server body). */
  message?: string;
  status?: number;
  provider?: string;
  cause?: unknown;
  /** For `rate_limited`: how long the server asked to wait, in milliseconds. */
  retryAfterMs?: number;
  /** For `weak_password`: the provider's reasons, if any. */
  reasons?: readonly string[];
}

/** The one error type the kit throws and reports; check with {@link isAuthError}. */
export class AuthError extends Error {
  readonly code: AuthErrorCode;
  readonly status: number | undefined;
  readonly provider: string | undefined;
  readonly retryAfterMs: number | undefined;
  readonly reasons: readonly string[] | undefined;
  readonly [BRAND] = true;

  constructor(code: AuthErrorCode, options: AuthErrorOptions = {}) {
    super(
      options.message ?? DEFAULT_ERROR_MESSAGES[code],
      options.cause === undefined ? undefined : { cause: options.cause },
    );
    this.name = "AuthError";
    this.code = code;
    this.status = options.status;
    this.provider = options.provider;
    this.retryAfterMs = options.retryAfterMs;
    this.reasons = options.reasons;
  }

  /** Its safe fields as plain JSON, as events carry it: safe to log or post to a host page. */
  toJSON(): PlainAuthError {
    const { code, message, status, provider, retryAfterMs, reasons } = this;
    // The round trip leaves out the fields that are undefined.
    return JSON.parse(JSON.stringify({ code, message, status, provider, retryAfterMs, reasons }));
  }
}

/** True for an {@link AuthError}, even one made by another copy of the kit. */
export function isAuthError(value: unknown): value is AuthError {
  return (
    typeof value === "object" &&
    value !== null &&
    (value as Record<symbol, unknown>)[BRAND] === true
  );
}

const TRANSIENT_CODES: readonly AuthErrorCode[] = [
  "network",
  "timeout",
  "rate_limited",
  "invalid_response",
];

/**
 * True when a failed call may succeed if tried again later (network trouble, a timeout,
 * rate limiting, a server-side 5xx or an unreadable reply); false when the server rejected
 * the request itself.
 */
export function isTransientError(error: AuthError): boolean {
  const { code, status } = error;
  // invalid_response: the server took the request but its reply could not be read (a captive
  // portal, a proxy's HTML page): nothing was refused, so a later try may well succeed.
  return (
    TRANSIENT_CODES.includes(code) ||
    (code === "provider_error" && (status === undefined || status >= 500))
  );
}

/** Wraps anything thrown into an {@link AuthError}, keeping one that already is. */
export function toAuthError(value: unknown, fallback: AuthErrorCode = "provider_error"): AuthError {
  if (isAuthError(value)) return value;
  return new AuthError(fallback, { cause: value });
}
