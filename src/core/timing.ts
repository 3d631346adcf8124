import type { Session } from "./types.js";

/** What the timing rule needs to know about the engine: the session and its history. */
export interface TimingInput {
  session: Session | null;
  /** The refresh token held, also without a session (a restore from a refresh token alone). */
  refreshToken: string | undefined;
  /** When the session arrived from the provider; undefined for one read from storage. */
  receivedAt: number | undefined;
  /** When the engine took this session (read, signed in, refreshed, from another tab). */
  adoptedAt: number;
  /** While backing off after a transient failure: when the next try is due. */
  retryAt: number | undefined;
  /** A refresh is in flight: nothing else is due until it settles. */
  inflight: boolean;
}

/** What the engine should do now, or when to look again. */
export type NextCheck =
  | { kind: "idle" }
  | { kind: "refresh" }
  | { kind: "expire" }
  | { kind: "wait"; at: number };

/** However short the lifetimes a provider hands out, a refresh follows the last by this much. */
export const MIN_REFRESH_INTERVAL_MS = 10_000;
/** A token whose lifetime is unknown (opaque, or an absurd expiry) is renewed this often. */
export const UNKNOWN_LIFETIME_REFRESH_MS = 3_600_000;

const IDLE: NextCheck = { kind: "idle" };
const REFRESH: NextCheck = { kind: "refresh" };

/** When the session's token should be renewed: the margin before expiry, within the bounds. */
export function refreshDueAt(input: TimingInput, session: Session, marginMs: number): number {
  const { expiresAt } = session;
  const { receivedAt } = input;
  if (expiresAt === undefined) return input.adoptedAt + UNKNOWN_LIFETIME_REFRESH_MS;
  if (receivedAt === undefined) return expiresAt - marginMs;
  // A token that lives shorter than the margin would otherwise be refreshed in a loop.
  const due = expiresAt - Math.min(marginMs, (expiresAt - receivedAt) / 2);
  return Math.max(due, receivedAt + MIN_REFRESH_INTERVAL_MS);
}

/**
 * The timing rule: given the session, the clock, the margin and the backoff, what is due now
 * (refresh, or end a session that cannot be renewed), or when to look again. A check is also
 * due at the access token's expiry, because the public status changes there.
 */
export function nextCheck(input: TimingInput, now: number, marginMs: number): NextCheck {
  const { session, refreshToken, retryAt } = input;
  if (input.inflight) return IDLE;
  const expiresAt = session?.expiresAt;
  const atExpiry = (at: number): NextCheck => ({
    kind: "wait",
    at: expiresAt !== undefined && expiresAt > now ? Math.min(at, expiresAt) : at,
  });
  if (refreshToken === undefined) {
    if (expiresAt === undefined) return IDLE;
    return now >= expiresAt ? { kind: "expire" } : { kind: "wait", at: expiresAt };
  }
  if (retryAt !== undefined) return now >= retryAt ? REFRESH : atExpiry(retryAt);
  if (session === null) return REFRESH;
  const due = refreshDueAt(input, session, marginMs);
  return now >= due ? REFRESH : atExpiry(due);
}
