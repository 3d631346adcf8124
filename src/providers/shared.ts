import { AuthError } from "../core/AuthError.js";
import type { AdapterCapabilities } from "../core/adapter.js";
import { decodeJwt, jwtExpiresAt } from "../core/jwt.js";
import type { AuthUser, Session } from "../core/types.js";

/** Reads a dotted path such as `"data.tokens.0.access"` from a parsed JSON value. */
export function readPath(value: unknown, path: string): unknown {
  if (path === "") return value;
  let current: unknown = value;
  for (const key of path.split(".")) {
    if (typeof current !== "object" || current === null) return undefined;
    // Arrays answer to indices only, so a path never reads `length` by accident.
    if (Array.isArray(current) && !/^\d+$/.test(key)) return undefined;
    if (!Object.hasOwn(current, key)) return undefined;
    current = (current as Record<string, unknown>)[key];
  }
  return current;
}

function toFiniteNumber(value: unknown): number | undefined {
  if (typeof value === "number") return Number.isFinite(value) ? value : undefined;
  if (typeof value === "string" && value.trim() !== "") {
    const parsed = Number(value);
    return Number.isFinite(parsed) ? parsed : undefined;
  }
  return undefined;
}

/** Inputs for {@link expiresAtFrom}. */
export interface ExpiresAtInput {
  /** Seconds from now (a number or a numeric string, as Firebase sends). */
  expiresIn?: unknown;
  /** Absolute expiry in epoch seconds (as Supabase's `expires_at`). */
  expiresAt?: unknown;
  accessToken: string;
  /** Current epoch milliseconds. */
  now: number;
}

/**
 * The access token's expiry in epoch milliseconds: from `expiresIn`, else `expiresAt`, else
 * the JWT's `exp` claim; undefined when none is known.
 */
export function expiresAtFrom(input: ExpiresAtInput): number | undefined {
  const relative = toFiniteNumber(input.expiresIn);
  if (relative !== undefined && relative >= 0) return plausible(input.now + relative * 1000);
  const absolute = toFiniteNumber(input.expiresAt);
  if (absolute !== undefined && absolute > 0) return plausible(absolute * 1000);
  return jwtExpiryFrom(input.accessToken, input.now);
}

/**
 * A JWT's expiry as its lifetime (`exp - iat`) counted from `now`, or its `exp` when it has no
 * `iat`: a device clock running ahead of the server's would otherwise see each new token as
 * already expired and refresh again at once, in a loop.
 */
export function jwtExpiryFrom(accessToken: string, now: number): number | undefined {
  const exp = jwtExpiresAt(accessToken);
  const iat = decodeJwt(accessToken)?.iat;
  if (exp === undefined || typeof iat !== "number" || !(iat * 1000 < exp)) return exp;
  return plausible(now + exp - iat * 1000);
}

// The largest time a Date can hold; a reply beyond it (or one that overflows to Infinity)
// is nonsense, and is treated as "no expiry given" rather than a session that never expires.
const MAX_TIME = 8.64e15;
const plausible = (ms: number) => (ms <= MAX_TIME ? ms : undefined);

// Visible ASCII without quotes, backslash or angle brackets: a token that can go in an
// Authorization header as it is, and that no page would read as markup.
const TOKEN = /^[!#-&(-;=?-[\]-_a-~]+$/;

/** What a provider's token reply holds, before it is checked. */
export interface TokenReply {
  accessToken: unknown;
  refreshToken?: unknown;
  /** Seconds from now (a number or a numeric string). */
  expiresIn?: unknown;
  /** Epoch seconds. */
  expiresAt?: unknown;
  /** An expiry the adapter worked out itself, in epoch milliseconds. */
  expiresAtMs?: number | undefined;
  tokenType?: unknown;
}

/** How {@link readTokens} treats a reply without a refresh token. */
export interface ReadTokensOptions {
  /** The refresh token to keep (the provider did not rotate it). */
  keep?: string | undefined;
  /** The provider always sends one: a reply without it is unreadable. */
  required?: boolean;
}

/**
 * The session fields of a token reply, checked once for every adapter: the tokens are
 * non-empty and fit in a header (else `invalid_response`), the expiry comes from the reply or
 * the JWT, and the token type defaults to `bearer`.
 */
export function readTokens(
  provider: string,
  reply: TokenReply,
  now: number,
  options: ReadTokensOptions = {},
): Omit<Session, "user" | "provider"> {
  const token = (value: unknown, field: string) => {
    if (typeof value === "string" && TOKEN.test(value)) return value;
    return invalidResponse(`The sign-in service reply had no usable ${field}.`, provider);
  };
  const accessToken = token(reply.accessToken, "access token");
  const given = reply.refreshToken;
  const refreshToken =
    (given === undefined || given === null || given === "") && !options.required
      ? options.keep
      : token(given, "refresh token");
  const expiresAt =
    reply.expiresAtMs ??
    expiresAtFrom({ expiresIn: reply.expiresIn, expiresAt: reply.expiresAt, accessToken, now });
  const { tokenType } = reply;
  return {
    accessToken,
    ...(refreshToken === undefined ? {} : { refreshToken }),
    ...(expiresAt === undefined ? {} : { expiresAt }),
    tokenType: typeof tokenType === "string" && tokenType !== "" ? tokenType : "bearer",
  };
}

function invalidResponse(message: string, provider: string | undefined): never {
  throw new AuthError("invalid_response", {
    message,
    ...(provider === undefined ? {} : { provider }),
  });
}

/** Where {@link userFromRecord} may look besides the record itself. */
export interface UserFromRecordOptions {
  provider?: string;
  /** Claims `sub` and `email` are used when the record lacks them. */
  accessToken?: string;
  /** Last resort for the email (and the id), e.g. the address the user signed in with. */
  email?: string;
  /** Field names tried for the id, in order; default `id`, `localId`, `user_id`, `uid`, `sub`. */
  idKeys?: readonly string[];
}

const ID_KEYS = ["id", "localId", "user_id", "uid", "sub"] as const;
// Fields that look like credentials never ride along on the user object.
const SECRET_KEYS = /token|password|secret/i;

/** Normalises a provider's user record into an {@link AuthUser} (`id` a string, `email` if known). */
export function userFromRecord(record: unknown, options: UserFromRecordOptions = {}): AuthUser {
  const fields: Record<string, unknown> =
    typeof record === "object" && record !== null && !Array.isArray(record)
      ? Object.fromEntries(Object.entries(record).filter(([key]) => !SECRET_KEYS.test(key)))
      : {};
  const claims = options.accessToken === undefined ? undefined : decodeJwt(options.accessToken);
  let id: string | undefined;
  for (const key of options.idKeys ?? ID_KEYS) {
    const candidate = fields[key];
    if ((typeof candidate === "string" && candidate !== "") || typeof candidate === "number") {
      id = String(candidate);
      break;
    }
  }
  const emailField = fields.email;
  const email =
    (typeof emailField === "string" && emailField !== "" ? emailField : undefined) ??
    claims?.email ??
    options.email;
  id ??= claims?.sub ?? email;
  if (id === undefined) {
    return invalidResponse("The sign-in service reply had no user id.", options.provider);
  }
  const user: AuthUser = { ...fields, id };
  if (email === undefined) delete user.email;
  else user.email = email;
  return user;
}

/**
 * `table[code]` when `code` is one of the table's own keys: a server's code such as
 * `constructor` or `__proto__` must not reach `Object.prototype`.
 */
export function ownCode<T>(table: Readonly<Record<string, T>>, code: unknown): T | undefined {
  return typeof code === "string" && Object.hasOwn(table, code) ? table[code] : undefined;
}

/** The capabilities of an adapter that signs in with a password and offers no other flow. */
export const passwordCapabilities = (
  signUp: boolean,
  refresh: boolean,
  revoke: boolean,
): AdapterCapabilities => ({
  signUp,
  refresh,
  revoke,
  redirectSignIn: false,
  passwordRecovery: false,
  emailVerification: false,
  magicLink: false,
  emailOtp: false,
});
