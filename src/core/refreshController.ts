import { type AuthError, isTransientError, toAuthError } from "./AuthError.js";
import type { AuthAdapter } from "./adapter.js";
import { backoffDelay } from "./backoff.js";
import type { Clock, Timers } from "./ports.js";
import { mergeSession } from "./session.js";
import type { SessionStore } from "./sessionStore.js";
import type { SharedSession } from "./sharedSession.js";
import { isSession } from "./storage.js";
import type { Session, SignedOutReason } from "./types.js";

/** What the refresh controller needs from the client around it. */
export interface RefreshControllerOptions {
  adapter: AuthAdapter;
  store: SessionStore;
  clock: Clock;
  timers: Timers;
  marginMs: number;
  retry: { baseMs: number; maxMs: number };
  random: () => number;
  /** Takes a refreshed session: set state, persist, tell other tabs, emit. */
  commit(session: Session): void;
  /** Storage shared with other tabs: refreshes run under its lock and adopt a newer session. */
  shared?: SharedSession | undefined;
  /** Ends the session (calls back into {@link RefreshController.invalidate}). */
  end(reason: SignedOutReason, error: AuthError | null): void;
}

/** Keeps one session fresh: single-flight refreshes, scheduling, backoff and expiry. */
export interface RefreshController {
  /** Refreshes now, or joins the refresh in flight; resolves to the session afterwards. */
  refresh(refreshToken?: string, previous?: Session): Promise<Session | null>;
  /** The refresh in flight, if any. */
  pending(): Promise<Session | null> | undefined;
  /** Looks at the clock and refreshes, ends, or (when active) schedules the next check. */
  reconcile(): void;
  /** Timers run only while active; an in-flight refresh survives deactivation. */
  setActive(active: boolean): void;
  /** Drops the refresh in flight, the timer and the backoff: a newer session has won. */
  invalidate(): void;
  /** True when the session should be refreshed (or has expired) by now. */
  isDue(session: Session): boolean;
  /** Records that a session just arrived fresh, so a lifetime shorter than the margin is honoured. */
  noteFresh(session: Session): void;
  /** Bumped by {@link invalidate}; results started under an older one are dropped. */
  generation(): number;
}

// How long a session that arrived already due waits before the next refresh.
const ARRIVED_DUE_GAP_MS = 5_000;
// setTimeout overflows above 2^31 - 1 ms and would fire at once.
const MAX_TIMER_MS = 2_147_483_647;

/** Creates the {@link RefreshController} for one client. */
export function createRefreshController(options: RefreshControllerOptions): RefreshController {
  const { adapter, store, clock, timers, marginMs, retry, random } = options;
  let generation = 0;
  let active = false;
  let inflight: Promise<Session | null> | undefined;
  let timer: unknown;
  let backoff: { attempt: number; retryAt: number } | undefined;
  const receivedAt = new WeakMap<Session, number>();

  function noteFresh(session: Session): void {
    receivedAt.set(session, clock.now());
  }

  function marginFor(session: Session, expiresAt: number): number {
    const received = receivedAt.get(session);
    // A token that lives shorter than the margin would otherwise be refreshed in a loop.
    return received === undefined ? marginMs : Math.min(marginMs, (expiresAt - received) / 2);
  }

  function clearTimer(): void {
    if (timer === undefined) return;
    timers.clearTimeout(timer);
    timer = undefined;
  }

  function scheduleAt(dueAt: number): void {
    clearTimer();
    if (!active) return;
    const delay = Math.min(Math.max(0, dueAt - clock.now()), MAX_TIMER_MS);
    // The callback re-reads the clock: a timer that fired late (a laptop that slept) or
    // early (a capped delay) is judged by the time it is now, not the time it was due.
    timer = timers.setTimeout(() => {
      timer = undefined;
      reconcile();
    }, delay);
  }

  function fail(error: AuthError, previous: Session | null): void {
    const state = store.getState();
    // A start-up refresh has a previous session but none adopted yet: "signed_in" with a null
    // session would reach subscribers (the host model) before the session ends.
    store.setState({ error, status: previous && state.session ? "signed_in" : state.status });
    store.emit({ type: "error", action: "refresh", error });
    const now = clock.now();
    const expiresAt = previous?.expiresAt;
    if (!isTransientError(error)) {
      options.end("revoked", error);
      return;
    }
    if (!previous || (expiresAt !== undefined && now >= expiresAt)) {
      options.end("expired", error);
      return;
    }
    const attempt = backoff ? backoff.attempt + 1 : 0;
    backoff = { attempt, retryAt: now + backoffDelay(attempt, error, retry, random) };
    if (expiresAt !== undefined) scheduleAt(Math.min(backoff.retryAt, expiresAt));
  }

  function isDue(session: Session): boolean {
    const { expiresAt } = session;
    return expiresAt !== undefined && clock.now() >= expiresAt - marginFor(session, expiresAt);
  }

  /** The session another tab stored after spending `token`: a newer one to take instead. */
  function rotatedElsewhere(token: string): Session | undefined {
    const stored = options.shared?.read();
    // Refresh tokens, not access tokens: two access tokens issued in the same second for
    // the same user can be identical, while a rotated refresh token never is.
    return stored && stored.refreshToken !== token ? stored : undefined;
  }

  function obtain(token: string, previous: Session | null): Promise<Session> {
    const { shared } = options;
    if (!shared) return adapter.refresh(token);
    // Tabs whose timers fire together would both spend the same (rotating) refresh token,
    // and the provider may treat the second use as theft: one tab at a time, and a tab
    // that finds a newer session already stored takes it instead, however soon it is due.
    return shared.lock(async () => {
      const rotated = rotatedElsewhere(token);
      if (rotated) return rotated;
      const stored = shared.read();
      if (stored && stored.accessToken !== previous?.accessToken && !isDue(stored)) return stored;
      return adapter.refresh(token);
    });
  }

  async function attempt(token: string, started: number, previous: Session | null) {
    let next: Session | undefined;
    try {
      const reply: unknown = await obtain(token, previous);
      if (!isSession(reply)) throw toAuthError(undefined, "invalid_response");
      next = reply;
    } catch (thrown) {
      // Without Web Locks another tab may have spent the same token first: the provider's
      // refusal then means "already rotated", and that tab's session is in storage.
      next = started === generation ? rotatedElsewhere(token) : undefined;
      if (next === undefined) {
        if (started === generation) fail(toAuthError(thrown, "refresh_failed"), previous);
        return store.getState().session;
      }
    }
    // A sign-out, sign-in or another tab's session arrived meanwhile: it wins.
    if (started !== generation) return store.getState().session;
    backoff = undefined;
    inflight = undefined;
    const session = mergeSession(previous ?? undefined, next, token);
    noteFresh(session);
    options.commit(session);
    reconcile();
    return session;
  }

  function refresh(refreshToken?: string, previous?: Session): Promise<Session | null> {
    if (inflight) return inflight;
    const state = store.getState();
    const base = previous ?? state.session;
    const token = refreshToken ?? base?.refreshToken;
    if (token === undefined) {
      reconcile();
      return Promise.resolve(store.getState().session);
    }
    clearTimer();
    store.setState({ status: state.status === "initializing" ? "initializing" : "refreshing" });
    const promise = attempt(token, generation, base).finally(() => {
      if (inflight === promise) inflight = undefined;
    });
    inflight = promise;
    return promise;
  }

  function reconcile(): void {
    if (inflight) return;
    const { session, error } = store.getState();
    if (!session || session.expiresAt === undefined) {
      clearTimer();
      return;
    }
    const { expiresAt, refreshToken } = session;
    const now = clock.now();
    if (backoff && now < backoff.retryAt) {
      // Waiting out a transient failure: the session lives only as long as its access token.
      if (now >= expiresAt) options.end("expired", error);
      else scheduleAt(Math.min(backoff.retryAt, expiresAt));
    } else if (refreshToken === undefined) {
      if (now >= expiresAt) options.end("expired", null);
      else scheduleAt(expiresAt);
    } else {
      let dueAt = expiresAt - marginFor(session, expiresAt);
      const received = receivedAt.get(session);
      // A reply that arrived already due (expires_in 0, or a clock far ahead of the server)
      // would be refreshed again at once, in a loop against the provider: wait a little.
      if (received !== undefined && dueAt <= received) dueAt = received + ARRIVED_DUE_GAP_MS;
      if (now >= dueAt) void refresh();
      else scheduleAt(dueAt);
    }
  }

  return {
    refresh,
    pending: () => inflight,
    reconcile,
    setActive(next) {
      active = next;
      if (!active) clearTimer();
    },
    invalidate() {
      generation += 1;
      inflight = undefined;
      backoff = undefined;
      clearTimer();
    },
    noteFresh,
    isDue,
    generation: () => generation,
  };
}
