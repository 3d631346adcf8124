import type { AuthError } from "./AuthError.js";

/**
 * How long to wait before retry number `attempt` (0-based): exponential from `baseMs`, capped
 * at `maxMs`, with jitter (a random number in [0, 1)) so many clients do not retry in step; never less than a server's
 * `retryAfterMs`.
 */
export function backoffDelay(
  attempt: number,
  error: AuthError,
  retry: { baseMs: number; maxMs: number },
  jitter: number,
): number {
  const ceiling = Math.min(retry.maxMs, retry.baseMs * 2 ** attempt);
  const jittered = ceiling * (0.5 + 0.5 * jitter);
  return Math.max(jittered, error.retryAfterMs ?? 0);
}
