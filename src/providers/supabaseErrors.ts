import { AuthError, type AuthErrorCode } from "../core/AuthError.js";
import { ownCode, readPath } from "./shared.js";

/** Supabase `error_code` values the adapter maps; anything else becomes `provider_error`. */
export const SUPABASE_ERROR_CODES: Readonly<Record<string, AuthErrorCode>> = {
  invalid_credentials: "invalid_credentials",
  // Older GoTrue answers every refused grant with OAuth's `invalid_grant` (a refresh's too:
  // defineAdapter reads that one as session_expired).
  invalid_grant: "invalid_credentials",
  user_already_exists: "email_taken",
  email_exists: "email_taken",
  weak_password: "weak_password",
  email_not_confirmed: "email_not_confirmed",
  email_address_invalid: "invalid_email",
  refresh_token_not_found: "session_expired",
  refresh_token_already_used: "session_expired",
  session_expired: "session_expired",
  session_not_found: "session_expired",
  user_not_found: "session_expired",
  bad_jwt: "session_expired",
  no_authorization: "session_expired",
  over_request_rate_limit: "rate_limited",
  over_email_send_rate_limit: "rate_limited",
  user_banned: "user_disabled",
};

/** The calls the Supabase adapter makes. */
export type SupabaseOperation = "signUp" | "signIn" | "refresh" | "signOut" | "getUser";

function errorCodeOf(body: unknown, response: Response): string | undefined {
  const header = response.headers.get("x-sb-error-code");
  if (header) return header;
  const errorCode = readPath(body, "error_code");
  if (typeof errorCode === "string") return errorCode;
  // API version 2024-01-01 puts the string code in `code`; older replies put the HTTP status.
  const code = readPath(body, "code");
  if (typeof code === "string") return code;
  const oauth = readPath(body, "error");
  return typeof oauth === "string" ? oauth : undefined;
}

function messageOf(body: unknown): string {
  const text =
    readPath(body, "msg") ?? readPath(body, "message") ?? readPath(body, "error_description");
  return typeof text === "string" ? text : "";
}

/** Maps a GoTrue error reply (either body format, or the `x-sb-error-code` header) to an AuthError. */
export function mapSupabaseError(
  status: number,
  body: unknown,
  response: Response,
): AuthError | undefined {
  const code = errorCodeOf(body, response);
  let mapped = ownCode(SUPABASE_ERROR_CODES, code);
  if (code === "validation_failed" && /email/i.test(messageOf(body))) mapped = "invalid_email";
  if (mapped === undefined) return undefined;
  const base = { provider: "supabase", status };
  if (mapped === "weak_password") {
    const reasons = readPath(body, "weak_password.reasons");
    if (Array.isArray(reasons)) {
      return new AuthError(mapped, {
        ...base,
        reasons: reasons.filter((r) => typeof r === "string"),
      });
    }
  }
  return new AuthError(mapped, base);
}
