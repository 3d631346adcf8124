import { AuthError, isTransientError } from "./AuthError.js";
import { backoffDelay } from "./backoff.js";
import type { CrossTabMessage } from "./crossTab.js";
import type { RawAuthEvent } from "./events.js";
import { withExpiry } from "./session.js";
import { isSession, parseStoredSession } from "./storage.js";
import type { TimingInput } from "./timing.js";
import type { AuthAction, AuthStatus, AuthUser, Session, SignedOutReason } from "./types.js";

/** Everything the engine knows; the public state is derived from it ({@link statusOf}). */
export interface EngineState extends TimingInput {
  /** Until the start decides: storage being read, or a restore's first answer awaited. */
  loading: boolean;
  error: AuthError | null;
  /** Bumped by every user action and every session that changes hands: older results drop. */
  epoch: number;
  /** Transient refresh failures in a row: more than 0 means an outage. */
  failures: number;
  failedAt: number | undefined;
  lastAction: AuthAction | undefined;
}

/** What happened, in the past tense; results of async work carry the epoch they began in. */
export type EngineEvent =
  | { type: "loaded"; epoch: number; raw: string | null; given: StartOptions }
  | { type: "refresh_started"; token?: string | undefined }
  | { type: "refreshed"; epoch: number; session: Session }
  | { type: "refresh_failed"; epoch: number; error: AuthError; jitter: number }
  | { type: "action_started"; action: AuthAction }
  | { type: "signed_in"; epoch: number; session: Session; signedUp: boolean }
  | { type: "confirmation_required"; epoch: number; user: AuthUser | null }
  | { type: "action_failed"; epoch: number; action: AuthAction; error: AuthError }
  | { type: "signed_out" }
  | { type: "tab_session"; session: Session; refreshed: boolean }
  | { type: "tab_signed_out"; reason: SignedOutReason }
  | { type: "expired" }
  | { type: "woken" };

/** Work for the engine to do after a transition, run in this order. */
export interface Effects {
  /** Store this session, or forget it for `null`. */
  persist?: Session | null;
  /** Tell the other tabs. */
  tell?: CrossTabMessage;
  /** Events for the app, in order (the engine emits their plain copies). */
  emit?: RawAuthEvent[];
  /** Spend this refresh token (of the session `previous`); its result belongs to `epoch`. */
  refresh?: { token: string; epoch: number; previous: Session | null };
  /** Revoke this (overtaken) session server-side, best-effort. */
  revoke?: Session;
}

/** The result of {@link transition}: the next state and the effects to run. */
export interface Step extends Effects {
  state: EngineState;
}

/** What a transition reads besides the state and the event. */
export interface TransitionContext {
  now: number;
  retry: { baseMs: number; maxMs: number };
}

/** The state before anything was read. */
export function initialState(now: number): EngineState {
  return {
    ...CLEARED,
    loading: true,
    adoptedAt: now,
    error: null,
    epoch: 0,
    lastAction: undefined,
  };
}

const CLEARED = {
  loading: false,
  session: null,
  refreshToken: undefined,
  receivedAt: undefined,
  retryAt: undefined,
  inflight: false,
  failures: 0,
  failedAt: undefined,
} as const;

/** True once the access token has expired (never for one without an expiry). */
export function expired(session: Session, now: number): boolean {
  return session.expiresAt !== undefined && now >= session.expiresAt;
}

/** The public status: what the app may rely on at `now`. */
export function statusOf(state: EngineState, now: number): AuthStatus {
  const { session } = state;
  if (state.loading) return "initializing";
  if (session === null && state.refreshToken === undefined) return "signed_out";
  if (session && !expired(session, now)) {
    return state.inflight ? "refreshing" : "signed_in";
  }
  return "reconnecting";
}

/**
 * A session that ended on its own leaves its reason in `error`, so a sign-in form mounted
 * afterwards can say so: a refusal keeps its own code; an access token that ran out without a
 * way to renew it reads `session_expired`.
 */
function whyEnded(reason: SignedOutReason, error: AuthError | null): AuthError | null {
  if (reason === "user" || (error !== null && !isTransientError(error))) return error;
  return new AuthError("session_expired", error === null ? {} : { cause: error });
}

/** Ends the session; `own` when it ended here (else another tab already stored and said so). */
function ended(s: EngineState, reason: SignedOutReason, error: AuthError | null, own: boolean) {
  const state = { ...s, ...CLEARED, epoch: s.epoch + 1, error: whyEnded(reason, error) };
  const emit: RawAuthEvent[] = [{ type: "signed_out", reason }];
  if (!own) return { state, emit };
  return { state, emit, persist: null, tell: { kind: "signed_out", reason } } satisfies Step;
}

function adopted(s: EngineState, session: Session, now: number): EngineState {
  const { refreshToken } = session;
  return { ...s, ...CLEARED, session, refreshToken, receivedAt: now, adoptedAt: now, error: null };
}

/** A session obtained here: taken, stored, told to the other tabs and to the app. */
function obtained(s: EngineState, session: Session, event: RawAuthEvent, now: number): Step {
  const refreshed = event.type === "token_refreshed";
  const tell: CrossTabMessage = { kind: "session", session, refreshed };
  return { state: adopted(s, session, now), persist: session, tell, emit: [event] };
}

function refreshFailed(s: EngineState, error: AuthError, jitter: number, ctx: TransitionContext) {
  const report: RawAuthEvent = { type: "error", action: "refresh", error };
  // Only the provider's refusal ends a session: any other failure keeps it and retries.
  if (!isTransientError(error)) {
    const end = ended(s, "revoked", error, true);
    return { ...end, emit: [report, ...end.emit] };
  }
  const retryAt = ctx.now + backoffDelay(s.failures, error, ctx.retry, jitter);
  const state = { ...s, loading: false, inflight: false, error, failedAt: ctx.now, retryAt };
  // Told once per outage, not once per retry.
  return { state: { ...state, failures: s.failures + 1 }, emit: s.failures ? [] : [report] };
}

/** What the host handed over for the start. */
export interface StartOptions {
  initialSession?: Session | undefined;
  initialRefreshToken?: string | undefined;
}

/**
 * The start: the stored session, else `initialSession`, else `initialRefreshToken`. A session
 * whose access token expired is refreshed, or dropped when it has no refresh token; storage
 * is fixed up (a corrupted or dead entry cleared, a session from the host written).
 */
function loaded(s: EngineState, raw: string | null, given: StartOptions, now: number): Step {
  const parsed = parseStoredSession(raw);
  const host = isSession(given.initialSession) ? withExpiry(given.initialSession) : undefined;
  const usable = (x: Session | undefined) =>
    x && (x.refreshToken || !expired(x, now)) ? x : undefined;
  const session = usable(parsed) ?? usable(host) ?? null;
  const refreshToken = session ? session.refreshToken : given.initialRefreshToken;
  // A refresh at start keeps "initializing" until its first answer.
  const loading = refreshToken !== undefined && (session === null || expired(session, now));
  const state = { ...s, loading, session, refreshToken, adoptedAt: now };
  if (session && session === host) return { state, persist: host };
  return raw !== null && session !== parsed ? { state, persist: null } : { state };
}

function refreshStarted(s: EngineState, given: string | undefined): Step {
  const token = given ?? s.refreshToken;
  if (s.inflight || token === undefined) return { state: s };
  // A token handed over while signed out is a restore, like the one at start.
  const loading = s.loading || (given !== undefined && s.session === null);
  const state = { ...s, inflight: true, refreshToken: token, loading };
  return { state, refresh: { token, epoch: s.epoch, previous: s.session } };
}

/** The one place the engine's state changes: state + event → next state + effects to run. */
export function transition(s: EngineState, event: EngineEvent, ctx: TransitionContext): Step {
  const { now } = ctx;
  const keep = { state: s };
  const stale = "epoch" in event && event.epoch !== s.epoch;
  switch (event.type) {
    case "loaded":
      return stale || !s.loading ? keep : loaded(s, event.raw, event.given, now);
    case "refresh_started":
      return refreshStarted(s, event.token);
    case "refreshed":
      if (stale) return keep;
      return obtained(s, event.session, { type: "token_refreshed", session: event.session }, now);
    case "refresh_failed":
      return stale ? keep : refreshFailed(s, event.error, event.jitter, ctx);
    case "action_started":
      return { state: { ...s, epoch: s.epoch + 1, lastAction: event.action } };
    case "signed_in": {
      const { session } = event;
      // After a sign-out the user wants the overtaken reply's server session gone; after a
      // newer sign-in it is left to expire (a global revoke would end the newer one too).
      if (stale) return s.lastAction === "sign_out" ? { state: s, revoke: session } : keep;
      const told: RawAuthEvent = event.signedUp
        ? { type: "signed_up", session, needsConfirmation: false, user: session.user }
        : { type: "signed_in", session };
      return obtained(s, session, told, now);
    }
    case "confirmation_required": {
      // The account exists whatever happened meanwhile: the user must still hear about it.
      const told: RawAuthEvent = {
        type: "signed_up",
        session: null,
        needsConfirmation: true,
        user: event.user,
      };
      return { state: stale ? s : { ...s, error: null }, emit: [told] };
    }
    case "action_failed": {
      if (stale) return keep;
      const { action, error } = event;
      return { state: { ...s, error }, emit: [{ type: "error", action, error }] };
    }
    case "signed_out":
      // Signing out while signed out still forgets whatever storage holds.
      if (statusOf(s, now) === "signed_out") return { state: s, persist: null };
      return ended(s, "user", null, true);
    case "tab_session": {
      const { session } = event;
      if (s.session?.accessToken === session.accessToken) return keep;
      const type = event.refreshed && s.session ? "token_refreshed" : "signed_in";
      return {
        state: { ...adopted(s, session, now), epoch: s.epoch + 1 },
        emit: [{ type, session }],
      };
    }
    case "tab_signed_out": {
      if (statusOf(s, now) === "signed_out") return keep;
      const end = ended(s, event.reason, null, false);
      // Another tab's sign-out is the newest user action: an overtaken sign-in here is revoked.
      const lastAction = event.reason === "user" ? "sign_out" : s.lastAction;
      return { ...end, state: { ...end.state, lastAction } };
    }
    case "expired":
      return ended(s, "expired", s.error, true);
    case "woken": {
      // Online, visible again, or a caller waiting for a token: retry now rather than after
      // the backoff, but never sooner than the base delay (or a server's Retry-After) after
      // the last failure.
      if (s.retryAt === undefined || s.failedAt === undefined) return keep;
      const wait = Math.max(ctx.retry.baseMs, s.error?.retryAfterMs ?? 0);
      return { state: { ...s, retryAt: Math.min(s.retryAt, s.failedAt + wait) } };
    }
  }
}
