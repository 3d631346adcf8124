import { AuthError, type AuthErrorCode } from "../core/AuthError.js";
import type { Operation } from "./defineAdapter.js";
import type { RestConfig } from "./restConfig.js";
import { ownCode, readPath } from "./shared.js";

const DEFAULT_CODE_PATHS = [
  "error_code",
  "code",
  "error",
  "errors.0.extensions.code",
  "errors.0.code",
];
const DEFAULT_MESSAGE_PATHS = ["message", "msg", "detail", "error_description", "errors.0.message"];

// What a status means when the reply names no mapped code (a refused refresh is the shared
// rule of defineAdapter).
function statusFallback(operation: Operation, status: number): AuthErrorCode | undefined {
  if (operation === "getUser" && [401, 403].includes(status)) return "session_expired";
  if (operation === "signIn" && status === 401) return "invalid_credentials";
  if (operation === "signUp" && status === 409) return "email_taken";
  return undefined;
}

function firstString(body: unknown, paths: readonly string[]): string | undefined {
  for (const path of paths) {
    const value = readPath(body, path);
    if (typeof value === "string" || typeof value === "number") return String(value);
  }
  return undefined;
}

/** The configured expiry of a token reply in epoch ms, or undefined when it has none. */
export function expiryFrom(config: RestConfig, body: unknown, now: number): number | undefined {
  const spec = config.response?.expires;
  if (spec === undefined) return undefined;
  const raw = readPath(body, spec.path);
  const scale = spec.unit === "milliseconds" ? 1 : 1000;
  const numeric = typeof raw === "string" && raw.trim() !== "" ? Number(raw) : raw;
  if (typeof numeric === "number" && Number.isFinite(numeric)) {
    return spec.kind === "absolute" ? numeric * scale : now + numeric * scale;
  }
  const date = typeof raw === "string" && spec.kind === "absolute" ? Date.parse(raw) : Number.NaN;
  return Number.isNaN(date) ? undefined : date;
}

/** Maps a non-2xx reply by the configured code map, then by what the status means for the call. */
export function mapRestError(
  config: RestConfig,
  name: string,
  operation: Operation,
  status: number,
  body: unknown,
): AuthError | undefined {
  const codePaths = config.errors?.codePath ? [config.errors.codePath] : DEFAULT_CODE_PATHS;
  const msgPaths = config.errors?.messagePath ? [config.errors.messagePath] : DEFAULT_MESSAGE_PATHS;
  const map = config.errors?.codeMap ?? {};
  const code = firstString(body, codePaths);
  const message = firstString(body, msgPaths);
  const mapped = ownCode(map, code) ?? ownCode(map, message) ?? statusFallback(operation, status);
  return mapped === undefined ? undefined : new AuthError(mapped, { provider: name, status });
}
