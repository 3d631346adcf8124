import { AuthError, isTransientError } from "./AuthError.js";
import { backoffDelay } from "./backoff.js";
import type { CrossTabMessage } from "./crossTab.js";
import type { StartDecision } from "./decideStart.js";
import type { TimingInput } from "./timing.js";
import type {
  AuthAction,
  AuthEvent,
  AuthStatus,
  AuthUser,
  Session,
  SignedOutReason,
} from "./types.js";

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
  | { type: "loaded"; epoch: number; start: StartDecision }
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

/** Work for the engine to do after a transition, in order. */
export type Effect =
  | { type: "persist"; session: Session | null }
  | { type: "broadcast"; message: CrossTabMessage }
  | { type: "emit"; event: AuthEvent }
  | { type: "refresh"; token: string; epoch: number; previous: Session | null }
  | { type: "revoke"; session: Session };

/** The result of {@link transition}. */
export interface Step {
  state: EngineState;
  effects: Effect[];
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

/** The public status: what the app may rely on at `now`. */
export function statusOf(state: EngineState, now: number): AuthStatus {
  const { session } = state;
  if (state.loading) return "initializing";
  if (session === null && state.refreshToken === undefined) return "signed_out";
  if (session && (session.expiresAt === undefined || now < session.expiresAt)) {
    return state.inflight ? "refreshing" : "signed_in";
  }
  return "reconnecting";
}

const emit = (event: AuthEvent): Effect => ({ type: "emit", event });
const persist = (session: Session | null): Effect => ({ type: "persist", session });

/**
 * A session that ended on its own leaves its reason in `error`, so a sign-in form mounted
 * afterwards can say so: a refusal keeps its own code; an access token that ran out without a
 * way to renew it reads `session_expired`.
 */
function whyEnded(reason: SignedOutReason, error: AuthError | null): AuthError | null {
  if (reason === "user" || (error !== null && !isTransientError(error))) return error;
  return new AuthError("session_expired", error === null ? {} : { cause: error });
}

function ended(s: EngineState, reason: SignedOutReason, error: AuthError | null, own: boolean) {
  const state = { ...s, ...CLEARED, epoch: s.epoch + 1, error: whyEnded(reason, error) };
  const told: Effect[] = own
    ? [persist(null), { type: "broadcast", message: { kind: "signed_out", reason } }]
    : [];
  return { state, effects: [...told, emit({ type: "signed_out", reason })] };
}

function adopted(s: EngineState, session: Session, now: number): EngineState {
  const { refreshToken } = session;
  return { ...s, ...CLEARED, session, refreshToken, receivedAt: now, adoptedAt: now, error: null };
}

function announce(session: Session, refreshed: boolean, event: AuthEvent): Effect[] {
  const message: CrossTabMessage = { kind: "session", session, refreshed };
  return [persist(session), { type: "broadcast", message }, emit(event)];
}

function refreshFailed(s: EngineState, error: AuthError, jitter: number, ctx: TransitionContext) {
  const report = emit({ type: "error", action: "refresh", error });
  // Only the provider's refusal ends a session: any other failure keeps it and retries.
  if (!isTransientError(error)) {
    const end = ended(s, "revoked", error, true);
    return { state: end.state, effects: [report, ...end.effects] };
  }
  const retryAt = ctx.now + backoffDelay(s.failures, error, ctx.retry, jitter);
  const state = { ...s, loading: false, inflight: false, error, failedAt: ctx.now, retryAt };
  // Told once per outage, not once per retry.
  return { state: { ...state, failures: s.failures + 1 }, effects: s.failures ? [] : [report] };
}

function loaded(s: EngineState, start: StartDecision, now: number): Step {
  const session = start.session ?? null;
  const effects = start.rewrite ? [persist(start.rewrite === "write" ? session : null)] : [];
  const refreshToken = start.kind === "refresh" ? start.refreshToken : session?.refreshToken;
  // A refresh at start keeps "initializing" until its first answer.
  const loading = start.kind === "refresh";
  return { state: { ...s, loading, session, refreshToken, adoptedAt: now }, effects };
}

/** The one place the engine's state changes: state + event → next state + effects to run. */
export function transition(s: EngineState, event: EngineEvent, ctx: TransitionContext): Step {
  const { now } = ctx;
  const keep = { state: s, effects: [] };
  const stale = "epoch" in event && event.epoch !== s.epoch;
  switch (event.type) {
    case "loaded":
      return stale || !s.loading ? keep : loaded(s, event.start, now);
    case "refresh_started": {
      const token = event.token ?? s.refreshToken;
      if (s.inflight || token === undefined) return keep;
      const restoring = s.loading || (event.token !== undefined && s.session === null);
      const state = { ...s, inflight: true, refreshToken: token, loading: restoring };
      return { state, effects: [{ type: "refresh", token, epoch: s.epoch, previous: s.session }] };
    }
    case "refreshed": {
      if (stale) return keep;
      const { session } = event;
      const event_: AuthEvent = { type: "token_refreshed", session };
      return { state: adopted(s, session, now), effects: announce(session, true, event_) };
    }
    case "refresh_failed":
      return stale ? keep : refreshFailed(s, event.error, event.jitter, ctx);
    case "action_started":
      return { state: { ...s, epoch: s.epoch + 1, lastAction: event.action }, effects: [] };
    case "signed_in": {
      // After a sign-out the user wants the overtaken reply's server session gone; after a
      // newer sign-in it is left to expire (a global revoke would end the newer one too).
      if (stale) return { state: s, effects: s.lastAction === "sign_out" ? [revoke(event)] : [] };
      const { session } = event;
      const type = event.signedUp ? "signed_up" : "signed_in";
      const told: AuthEvent = event.signedUp
        ? { type, session, needsConfirmation: false, user: session.user }
        : { type: "signed_in", session };
      return { state: adopted(s, session, now), effects: announce(session, false, told) };
    }
    case "confirmation_required": {
      // The account exists whatever happened meanwhile: the user must still hear about it.
      const { user } = event;
      const told = emit({ type: "signed_up", session: null, needsConfirmation: true, user });
      return { state: stale ? s : { ...s, error: null }, effects: [told] };
    }
    case "action_failed": {
      if (stale) return keep;
      const { action, error } = event;
      return { state: { ...s, error }, effects: [emit({ type: "error", action, error })] };
    }
    case "signed_out": {
      if (!s.loading && s.session === null && s.refreshToken === undefined) {
        return { state: s, effects: [persist(null)] };
      }
      return ended(s, "user", null, true);
    }
    case "tab_session": {
      const { session, refreshed } = event;
      if (s.session?.accessToken === session.accessToken) return keep;
      const type = refreshed && s.session !== null ? "token_refreshed" : "signed_in";
      const state = { ...adopted(s, session, now), epoch: s.epoch + 1 };
      return { state, effects: [emit({ type, session })] };
    }
    case "tab_signed_out": {
      if (statusOf(s, now) === "signed_out") return keep;
      const end = ended(s, event.reason, null, false);
      // Another tab's sign-out is the newest user action: an overtaken sign-in here is revoked.
      const lastAction = event.reason === "user" ? "sign_out" : s.lastAction;
      return { state: { ...end.state, lastAction }, effects: end.effects };
    }
    case "expired":
      return ended(s, "expired", s.error, true);
    case "woken": {
      // Online, visible again, or a caller waiting for a token: retry now, not after the
      // backoff, but never sooner than the base delay after the last failure.
      if (s.retryAt === undefined || s.failedAt === undefined) return keep;
      const retryAt = Math.min(s.retryAt, s.failedAt + ctx.retry.baseMs);
      return { state: { ...s, retryAt }, effects: [] };
    }
  }
}

function revoke(event: { session: Session }): Effect {
  return { type: "revoke", session: event.session };
}
