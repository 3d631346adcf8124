import { AuthError, type AuthErrorCode } from "../core/AuthError.js";
import type { AuthAdapter, SignInInput, SignUpInput, SignUpResult } from "../core/adapter.js";
import { decodeJwt } from "../core/jwt.js";
import { type Clock, type FetchLike, systemClock } from "../core/ports.js";
import type { AuthUser, Session } from "../core/types.js";
import { checkOptions, cleanUrl, optional, text, url } from "./configCheck.js";
import { defineAdapter, type Flow } from "./defineAdapter.js";
import type { HttpRequest } from "./http.js";
import { ownCode, readPath, readTokens, userFromRecord } from "./shared.js";

/** Options for {@link oauth2}. */
export interface OAuth2Options {
  /** The token endpoint (RFC 6749 §3.2). */
  tokenUrl: string;
  clientId: string;
  /** Only for confidential clients; anything shipped to a browser is public. */
  clientSecret?: string;
  /** Space-separated; include `openid email` to get the user from an ID token. */
  scope?: string;
  /** Auth0's API identifier, sent as `audience`. */
  audience?: string;
  /** RFC 7009 revocation endpoint; sign-out revokes the refresh token when given. */
  revokeUrl?: string;
  /** Auth0-style `dbconnections/signup` URL; sign-up is unsupported without it. */
  signUpUrl?: string;
  /** Auth0 database connection name; default `Username-Password-Authentication`. */
  connection?: string;
  fetch?: FetchLike;
  timeoutMs?: number;
  clock?: Clock;
}

/** OAuth `error` values (and Auth0 sign-up `code`s) the adapter maps; others become `provider_error`. */
export const OAUTH2_ERROR_CODES: Readonly<Record<string, AuthErrorCode>> = {
  // A grant refused: the password at sign-in, the refresh token on refresh (see defineAdapter).
  invalid_grant: "invalid_credentials",
  invalid_client: "invalid_config",
  unauthorized_client: "invalid_config",
  unsupported_grant_type: "invalid_config",
  invalid_scope: "invalid_config",
  too_many_attempts: "rate_limited",
  user_exists: "email_taken",
  username_exists: "email_taken",
  invalid_password: "weak_password",
  password_strength_error: "weak_password",
  password_dictionary_error: "weak_password",
  password_no_user_info_error: "weak_password",
  PasswordStrengthError: "weak_password",
};

const DEFAULT_CONNECTION = "Username-Password-Authentication";
// Auth0 sign-up takes these profile fields at the top level; other extras go in user_metadata.
const PROFILE_FIELDS = ["username", "given_name", "family_name", "name", "nickname", "picture"];

function errorCodeOf(body: unknown): string | undefined {
  for (const path of ["error", "code", "name"]) {
    const value = readPath(body, path);
    if (typeof value === "string" && value !== "") return value;
  }
  return undefined;
}

// Auth0 describes a weak password as rules such as "At least %d characters in length".
function passwordRules(body: unknown): string[] | undefined {
  const rules = readPath(body, "description.rules");
  if (!Array.isArray(rules)) return undefined;
  const reasons = rules.flatMap((rule: unknown) => {
    if (typeof rule === "string") return [rule];
    const message = readPath(rule, "message");
    if (typeof message !== "string" || readPath(rule, "verified") === true) return [];
    const format = readPath(rule, "format");
    const values = Array.isArray(format) ? format.map(String) : [];
    return [message.replace(/%d|%s/g, () => values.shift() ?? "")];
  });
  return reasons.length > 0 ? reasons : undefined;
}

function mapOAuth2Error(status: number, body: unknown) {
  const code = errorCodeOf(body);
  const mapped = ownCode(OAUTH2_ERROR_CODES, code);
  if (mapped === undefined) return undefined;
  const reasons = mapped === "weak_password" ? passwordRules(body) : undefined;
  return new AuthError(mapped, { provider: "oauth2", status, ...(reasons ? { reasons } : {}) });
}

const maybeText = optional(text);

/** The check of {@link OAuth2Options}, run by `oauth2()` and `createAdapter` alike. */
export const oauth2Config = {
  tokenUrl: url,
  clientId: text,
  clientSecret: maybeText,
  scope: maybeText,
  audience: maybeText,
  revokeUrl: optional(url),
  signUpUrl: optional(url),
  connection: maybeText,
};

function signUpBody(input: SignUpInput, clientId: string, connection: string) {
  const { email, password, ...extra } = input;
  const body: Record<string, unknown> = { client_id: clientId, email, password, connection };
  const metadata: Record<string, string> = {};
  for (const [name, value] of Object.entries(extra)) {
    if (typeof value !== "string") continue;
    if (PROFILE_FIELDS.includes(name)) body[name] = value;
    else metadata[name] = value;
  }
  if (Object.keys(metadata).length > 0) body.user_metadata = metadata;
  return body;
}

/**
 * An adapter for any OAuth 2.0 server with the password and refresh grants (Auth0, Keycloak,
 * Okta…): RFC 6749 §4.3 sign-in, §6 refresh, RFC 7009 revoke, Auth0-style sign-up.
 */
export function oauth2(options: OAuth2Options): AuthAdapter {
  const checked = checkOptions(oauth2Config, options, "oauth2");
  // The URLs as checked: trimmed, without tabs or newlines.
  const config = {
    ...checked,
    tokenUrl: cleanUrl(checked.tokenUrl),
    ...(checked.revokeUrl === undefined ? {} : { revokeUrl: cleanUrl(checked.revokeUrl) }),
    ...(checked.signUpUrl === undefined ? {} : { signUpUrl: cleanUrl(checked.signUpUrl) }),
  };
  const clock = options.clock ?? systemClock;
  const client: Record<string, string> = { client_id: config.clientId };
  if (config.clientSecret) client.client_secret = config.clientSecret;

  const toSession = (body: unknown, fallback: { email?: string; refreshToken?: string }) => {
    const tokens = readTokens(
      "oauth2",
      {
        accessToken: readPath(body, "access_token"),
        refreshToken: readPath(body, "refresh_token"),
        expiresIn: readPath(body, "expires_in"),
        tokenType: readPath(body, "token_type"),
      },
      clock.now(),
      { keep: fallback.refreshToken },
    );
    const user = userOf(readPath(body, "id_token"), tokens.accessToken, fallback.email);
    return { ...tokens, user, provider: "oauth2" } satisfies Session;
  };

  const grant = (form: Record<string, string>): HttpRequest => {
    const full: Record<string, string> = { ...form, ...client };
    if (config.scope) full.scope = config.scope;
    if (config.audience) full.audience = config.audience;
    return { url: config.tokenUrl, form: full };
  };

  const signIn: Flow<SignInInput, Session> = {
    request: ({ email, password }) => grant({ grant_type: "password", username: email, password }),
    reply: (body, { email }) => toSession(body, { email }),
  };
  const { signUpUrl, revokeUrl } = config;

  // Sign-up only with an Auth0-style signUpUrl, and a server-side sign-out only with a
  // revokeUrl (RFC 7009); without them the adapter cannot, and says so in its capabilities.
  return defineAdapter({
    name: "oauth2",
    transport: options,
    errors: mapOAuth2Error,
    signUp: signUpUrl
      ? {
          request: (input) => ({
            url: signUpUrl,
            json: signUpBody(input, config.clientId, config.connection ?? DEFAULT_CONNECTION),
          }),
          // The sign-up endpoint makes the account; the password grant then signs it in.
          async reply(_body, input, send): Promise<SignUpResult> {
            const reply = await send("signIn", signIn.request(input));
            return { kind: "session", session: toSession(reply, { email: input.email }) };
          },
        }
      : undefined,
    signIn,
    refresh: {
      request: (refreshToken) =>
        grant({ grant_type: "refresh_token", refresh_token: refreshToken }),
      reply: (body, refreshToken) => toSession(body, { refreshToken }),
    },
    signOut: revokeUrl
      ? {
          request(session) {
            const token = session.refreshToken ?? session.accessToken;
            const hint = session.refreshToken === undefined ? "access_token" : "refresh_token";
            const form = { token, token_type_hint: hint, ...client };
            return { url: revokeUrl, form, allowEmpty: true };
          },
          reply: () => {},
        }
      : undefined,
  });
}

// The ID token names the user; failing that a JWT access token may. An opaque-token refresh
// yields an empty id, which the engine treats as "keep the user you had".
function userOf(idToken: unknown, accessToken: string, email: string | undefined): AuthUser {
  const token = typeof idToken === "string" && decodeJwt(idToken) ? idToken : accessToken;
  const claims = decodeJwt(token);
  if (claims?.sub === undefined && email === undefined) return { id: "" };
  const record = claims?.sub === undefined ? {} : { id: claims.sub };
  return userFromRecord(record, {
    provider: "oauth2",
    accessToken: token,
    ...(email === undefined ? {} : { email }),
  });
}
