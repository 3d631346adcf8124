import { AuthError, type AuthErrorCode } from "../core/AuthError.js";
import type { AuthAdapter } from "../core/adapter.js";
import { type Clock, type FetchLike, systemClock } from "../core/ports.js";
import type { AuthUser, Session } from "../core/types.js";
import {
  above,
  checkOptions,
  cleanUrl,
  isObject,
  optional,
  text,
  url as urlCheck,
} from "./configCheck.js";
import { defineAdapter, type Flow, type Operation, type Send } from "./defineAdapter.js";
import { readPath, readTokens, userFromRecord } from "./shared.js";

/** Options for {@link xano}. */
export interface XanoOptions {
  /** The API group URL, e.g. `https://x8ki-letl-twmt.n7.xano.io/api:abc123`. */
  baseUrl: string;
  /** Endpoint paths under `baseUrl`; defaults `/auth/signup`, `/auth/login`, `/auth/me`. */
  paths?: { signUp?: string; signIn?: string; me?: string };
  /** How long an `authToken` lives, as set in Xano (its JWE cannot be read); default 86 400. */
  tokenTtlSeconds?: number;
  /** Fixed fields added to every sign-up body, e.g. `{ role: "member" }`. */
  extraSignUpFields?: Record<string, unknown>;
  fetch?: FetchLike;
  timeoutMs?: number;
  clock?: Clock;
}

function paramOf(body: unknown): string {
  const param = readPath(body, "payload.param");
  const message = readPath(body, "message");
  return `${typeof param === "string" ? param : ""} ${typeof message === "string" ? message : ""}`;
}

/** Maps a Xano `{ code: "ERROR_CODE_…", message }` reply for one operation to a kit code. */
export function mapXanoCode(
  operation: Operation,
  code: string,
  body: unknown,
): AuthErrorCode | undefined {
  switch (code) {
    case "ERROR_CODE_ACCESS_DENIED":
    case "ERROR_CODE_UNAUTHORIZED":
      // Xano's sign-up template rejects an address in use with a precondition (access denied).
      if (operation === "signUp") return "email_taken";
      return operation === "signIn" ? "invalid_credentials" : "session_expired";
    case "ERROR_CODE_INPUT_ERROR": {
      const where = paramOf(body);
      if (/email/i.test(where)) return "invalid_email";
      if (/password/i.test(where))
        return operation === "signUp" ? "weak_password" : "invalid_credentials";
      return undefined;
    }
    case "ERROR_CODE_TOO_MANY_REQUESTS":
      return "rate_limited";
    default:
      return undefined;
  }
}

const maybePath = optional(text);

/** The check of {@link XanoOptions}, run by `xano()` and `createAdapter` alike. */
export const xanoConfig = {
  baseUrl: urlCheck,
  paths: { signUp: maybePath, signIn: maybePath, me: maybePath },
  tokenTtlSeconds: optional(above(0)),
  extraSignUpFields: optional((value) => (isObject(value) ? undefined : "expected record")),
};

/**
 * An adapter for Xano's built-in auth endpoints: `{ authToken }` replies, the user from
 * `/auth/me`. Tokens cannot be refreshed; the session lasts `tokenTtlSeconds`.
 */
export function xano(options: XanoOptions): AuthAdapter {
  const config = checkOptions(xanoConfig, options, "xano");
  const base = cleanUrl(config.baseUrl).replace(/\/+$/, "");
  const paths = { signUp: "/auth/signup", signIn: "/auth/login", me: "/auth/me", ...config.paths };
  const ttlMs = (config.tokenTtlSeconds ?? 86_400) * 1000;
  const clock = options.clock ?? systemClock;
  const url = (path: string) => `${base}${path.startsWith("/") ? path : `/${path}`}`;

  const readUser = (body: unknown): AuthUser => userFromRecord(body, { provider: "xano" });
  const getUser: Flow<string, AuthUser> = {
    request: (accessToken) => ({
      url: url(paths.me),
      method: "GET",
      headers: { authorization: `Bearer ${accessToken}` },
    }),
    reply: readUser,
  };

  // Xano answers with the token alone: the user comes from /auth/me with it.
  const sessionFrom = async (body: unknown, send: Send): Promise<Session> => {
    // Take the clock first so the TTL never outlasts the server's own.
    const issuedAt = clock.now();
    const reply = { accessToken: readPath(body, "authToken"), expiresAtMs: issuedAt + ttlMs };
    const tokens = readTokens("xano", reply, issuedAt);
    const me = await send("getUser", getUser.request(tokens.accessToken));
    return { ...tokens, user: readUser(me), provider: "xano" };
  };

  // No refresh (Xano's tokens cannot be renewed) and no sign-out flow (Xano keeps no
  // server-side session to revoke; the engine forgets the token).
  return defineAdapter({
    name: "xano",
    transport: options,
    errors(status, body, _response, operation) {
      const code = readPath(body, "code");
      const mapped = typeof code === "string" ? mapXanoCode(operation, code, body) : undefined;
      return mapped === undefined ? undefined : new AuthError(mapped, { provider: "xano", status });
    },
    signUp: {
      request: (input) => ({
        url: url(paths.signUp),
        json: { ...config.extraSignUpFields, ...input },
      }),
      reply: async (body, _input, send) => ({
        kind: "session",
        session: await sessionFrom(body, send),
      }),
    },
    signIn: {
      request: ({ email, password }) => ({ url: url(paths.signIn), json: { email, password } }),
      reply: (body, _input, send) => sessionFrom(body, send),
    },
    getUser,
  });
}
