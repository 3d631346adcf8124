import { AuthError, type AuthErrorCode } from "../core/AuthError.js";
import type { AuthAdapter, SignUpResult } from "../core/adapter.js";
import { type Clock, type FetchLike, systemClock } from "../core/ports.js";
import type { AuthUser, Session } from "../core/types.js";
import { type Check, checkOptions, cleanUrl, isLoopback, optional, text } from "./configCheck.js";
import { defineAdapter } from "./defineAdapter.js";
import { ownCode, readPath, readTokens, userFromRecord } from "./shared.js";

/** Options for {@link firebase}. */
export interface FirebaseOptions {
  /** The project's Web API key (public by design; it identifies the project, not a user). */
  apiKey: string;
  /**
   * A Firebase Auth Emulator on this machine, as `127.0.0.1:9099` or `http://127.0.0.1:9099`
   * (the form Firebase's docs write); production when absent.
   */
  emulatorHost?: string;
  fetch?: FetchLike;
  timeoutMs?: number;
  clock?: Clock;
}

/** Identity Toolkit / Secure Token error codes the adapter maps; others become `provider_error`. */
export const FIREBASE_ERROR_CODES: Readonly<Record<string, AuthErrorCode>> = {
  EMAIL_EXISTS: "email_taken",
  WEAK_PASSWORD: "weak_password",
  INVALID_EMAIL: "invalid_email",
  MISSING_EMAIL: "invalid_email",
  MISSING_PASSWORD: "invalid_credentials",
  INVALID_PASSWORD: "invalid_credentials",
  EMAIL_NOT_FOUND: "invalid_credentials",
  INVALID_LOGIN_CREDENTIALS: "invalid_credentials",
  USER_DISABLED: "user_disabled",
  INVALID_REFRESH_TOKEN: "session_expired",
  MISSING_REFRESH_TOKEN: "session_expired",
  TOKEN_EXPIRED: "session_expired",
  USER_NOT_FOUND: "session_expired",
  INVALID_ID_TOKEN: "session_expired",
  TOO_MANY_ATTEMPTS_TRY_LATER: "rate_limited",
  INVALID_API_KEY: "invalid_config",
  API_KEY_INVALID: "invalid_config",
  OPERATION_NOT_ALLOWED: "invalid_config",
  PROJECT_NOT_FOUND: "invalid_config",
  CONFIGURATION_NOT_FOUND: "invalid_config",
};

/** The code before `" : "` in Firebase's `error.message` (e.g. `WEAK_PASSWORD : Password …`). */
export function firebaseErrorCode(body: unknown): string | undefined {
  const message = readPath(body, "error.message");
  if (typeof message !== "string") return undefined;
  const code = message.split(" : ")[0]?.trim();
  return code ? code : undefined;
}

function mapFirebaseError(status: number, body: unknown) {
  const code = firebaseErrorCode(body);
  // Google's API gateway words a bad key as free text with reason API_KEY_INVALID.
  const reason =
    readPath(body, "error.details.0.reason") ?? readPath(body, "error.errors.0.reason");
  let mapped = ownCode(FIREBASE_ERROR_CODES, code);
  if (mapped === undefined && reason === "API_KEY_INVALID") mapped = "invalid_config";
  if (mapped === undefined) return undefined;
  const reasons = mapped === "weak_password" ? weakPasswordReasons(body) : undefined;
  return new AuthError(mapped, { provider: "firebase", status, ...(reasons ? { reasons } : {}) });
}

// The detail after " : " is Firebase's own fixed wording (e.g. the minimum length).
function weakPasswordReasons(body: unknown): string[] | undefined {
  const message = readPath(body, "error.message");
  if (typeof message !== "string") return undefined;
  const detail = message.split(" : ").slice(1).join(" : ").trim();
  return detail ? [detail] : undefined;
}

// `host:port`, or Firebase's own `http://host:port`, on a loopback host: its origin.
function emulatorOrigin(value: string): string | undefined {
  try {
    const given = cleanUrl(value);
    const { protocol, hostname, port, pathname, search, hash, origin } = new URL(
      given.includes("//") ? given : `http://${given}`,
    );
    const bare = pathname === "/" && !search && !hash;
    return protocol === "http:" && isLoopback(hostname) && port && bare ? origin : undefined;
  } catch {
    return undefined;
  }
}

const emulatorHost: Check = (value) =>
  typeof value !== "string"
    ? "expected string"
    : emulatorOrigin(value)
      ? undefined
      : 'must look like "127.0.0.1:9099"';

/** The check of {@link FirebaseOptions}, run by `firebase()` and `createAdapter` alike. */
export const firebaseConfig = { apiKey: text, emulatorHost: optional(emulatorHost) };

/** An adapter for Firebase Authentication's REST API (email + password) over plain `fetch`. */
export function firebase(options: FirebaseOptions): AuthAdapter {
  const config = checkOptions(firebaseConfig, options, "firebase");
  const clock = options.clock ?? systemClock;
  const root = config.emulatorHost ? `${emulatorOrigin(config.emulatorHost)}/` : "https://";
  const identity = `${root}identitytoolkit.googleapis.com/v1`;
  const secureToken = `${root}securetoken.googleapis.com/v1`;
  const key = `key=${encodeURIComponent(config.apiKey)}`;

  const toSession = (
    fields: { idToken: unknown; refreshToken: unknown; expiresIn: unknown },
    record: unknown,
  ): Session => {
    const tokens = readTokens(
      "firebase",
      {
        accessToken: fields.idToken,
        refreshToken: fields.refreshToken,
        expiresIn: fields.expiresIn,
      },
      clock.now(),
      { required: true },
    );
    const user = userFromRecord(record, { provider: "firebase", accessToken: tokens.accessToken });
    return { ...tokens, user, provider: "firebase" };
  };

  // signUp and signInWithPassword answer in camelCase with the user's fields beside the tokens.
  const passwordSession = (body: unknown): Session =>
    toSession(
      {
        idToken: readPath(body, "idToken"),
        refreshToken: readPath(body, "refreshToken"),
        expiresIn: readPath(body, "expiresIn"),
      },
      { localId: readPath(body, "localId"), email: readPath(body, "email") },
    );
  const password = (endpoint: string) => (input: { email: string; password: string }) => ({
    url: `${identity}/accounts:${endpoint}?${key}`,
    json: { email: input.email, password: input.password, returnSecureToken: true },
  });

  // No sign-out flow: Firebase has no client-side revoke endpoint; the engine forgets the
  // tokens locally.
  return defineAdapter({
    name: "firebase",
    transport: options,
    errors: mapFirebaseError,
    signUp: {
      request: password("signUp"),
      reply: (body): SignUpResult => ({ kind: "session", session: passwordSession(body) }),
    },
    signIn: { request: password("signInWithPassword"), reply: passwordSession },
    refresh: {
      request: (refreshToken) => ({
        url: `${secureToken}/token?${key}`,
        form: { grant_type: "refresh_token", refresh_token: refreshToken },
      }),
      // The Secure Token API answers in snake_case and never rotates on the emulator.
      reply: (body, refreshToken) =>
        toSession(
          {
            idToken: readPath(body, "id_token"),
            refreshToken: readPath(body, "refresh_token") ?? refreshToken,
            expiresIn: readPath(body, "expires_in"),
          },
          { localId: readPath(body, "user_id") },
        ),
    },
    getUser: {
      request: (idToken) => ({ url: `${identity}/accounts:lookup?${key}`, json: { idToken } }),
      reply(body, accessToken): AuthUser {
        const record = readPath(body, "users.0");
        if (record === undefined) {
          throw new AuthError("session_expired", { provider: "firebase" });
        }
        return userFromRecord(record, { provider: "firebase", accessToken });
      },
    },
  });
}
