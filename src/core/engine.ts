import { AuthError, toAuthError } from "./AuthError.js";
import type { AuthAdapter } from "./adapter.js";
import {
  type EngineEvent,
  type EngineState,
  initialState,
  type StartOptions,
  statusOf,
  transition,
} from "./machine.js";
import type { SessionPersistence } from "./persistence.js";
import type { Clock, Timers } from "./ports.js";
import { mergeSession } from "./session.js";
import { createSessionStore } from "./sessionStore.js";
import { isPromiseLike, isSession } from "./storage.js";
import { nextCheck } from "./timing.js";
import type { Session } from "./types.js";

/** What the engine runs on. */
export interface EngineOptions {
  adapter: AuthAdapter;
  persistence: SessionPersistence;
  initial: StartOptions;
  clock: Clock;
  timers: Timers;
  marginMs: number;
  retry: { baseMs: number; maxMs: number };
  random: () => number;
}

// setTimeout overflows above 2^31 - 1 ms and would fire at once.
const MAX_TIMER_MS = 2_147_483_647;

/**
 * Runs the state machine: feeds it events, publishes the public state, runs its effects
 * (storage, other tabs, events, requests) and keeps the one timer the timing rule asks for.
 */
export function createEngine(options: EngineOptions) {
  const { adapter, persistence: place, clock, timers } = options;
  let machine: EngineState = initialState(clock.now());
  const store = createSessionStore({
    status: "initializing",
    session: null,
    error: null,
    persistence: place.kind,
  });
  let pending: Promise<Session | null> | undefined;
  let loading: Promise<void> | undefined;
  let loaded = false;
  let timer: unknown;
  let active = false;

  function dispatch(event: EngineEvent): EngineState {
    const step = transition(machine, event, { now: clock.now(), retry: options.retry });
    machine = step.state;
    publish();
    if (step.persist !== undefined) place.write(step.persist);
    if (step.tell) place.post(step.tell);
    for (const told of step.emit ?? []) store.emit(told);
    if (step.refresh) runRefresh(step.refresh.token, step.refresh.epoch, step.refresh.previous);
    if (step.revoke) adapter.signOut(step.revoke).catch(() => {});
    reconcile();
    return machine;
  }

  function publish(): void {
    const status = statusOf(machine, clock.now());
    const session = machine.loading ? null : machine.session;
    store.setState({ status, session, error: machine.error });
  }

  function clearTimer(): void {
    if (timer !== undefined) timers.clearTimeout(timer);
    timer = undefined;
  }

  function reconcile(): void {
    clearTimer();
    const now = clock.now();
    const check = nextCheck(machine, now, options.marginMs);
    if (check.kind === "refresh") dispatch({ type: "refresh_started" });
    else if (check.kind === "expire") dispatch({ type: "expired" });
    else if (check.kind === "wait" && active) {
      // The callback re-reads the clock: a timer that fired late (a laptop that slept) or
      // early (a capped delay) is judged by the time it is now.
      const delay = Math.min(Math.max(0, check.at - now), MAX_TIMER_MS);
      timer = timers.setTimeout(() => {
        timer = undefined;
        publish();
        reconcile();
      }, delay);
    }
  }

  function accept(reply: unknown, token: string, previous: Session | null): Session {
    if (!isSession(reply)) throw new AuthError("invalid_response");
    const session = mergeSession(previous ?? undefined, reply, token);
    // A token already expired on arrival is no session: retried like an unreadable reply.
    const { expiresAt } = session;
    if (expiresAt !== undefined && expiresAt <= clock.now())
      throw new AuthError("invalid_response");
    return session;
  }

  /** Another tab's session, when it already spent `token` or holds a fresher token. */
  function takenElsewhere(token: string, previous: Session | null): Session | undefined {
    const stored = place.shared();
    if (!stored) return undefined;
    // Refresh tokens, not access tokens: two access tokens issued in the same second for
    // the same user can be identical, while a rotated refresh token never is.
    if (stored.refreshToken !== token) return stored;
    const fresh =
      stored.expiresAt === undefined || clock.now() < stored.expiresAt - options.marginMs;
    return stored.accessToken !== previous?.accessToken && fresh ? stored : undefined;
  }

  // Tabs whose timers fire together would both spend the same (rotating) refresh token: one
  // tab at a time, and a tab that finds a newer session already stored takes it instead.
  function obtain(token: string, epoch: number, previous: Session | null): Promise<Session> {
    return place.exclusive(async () => {
      const elsewhere = takenElsewhere(token, previous);
      if (elsewhere) return accept(elsewhere, token, previous);
      let reply: unknown;
      try {
        reply = await adapter.refresh(token);
      } catch (thrown) {
        // Without a lock another tab may have spent the token first: its session is stored.
        const rotated = place.shared();
        if (rotated && rotated.refreshToken !== token) return accept(rotated, token, previous);
        throw thrown;
      }
      const session = accept(reply, token, previous);
      // Stored before the lock is released, so the next tab to hold it reads the new token.
      if (epoch === machine.epoch) place.write(session);
      return session;
    });
  }

  function runRefresh(token: string, epoch: number, previous: Session | null): void {
    const promise = obtain(token, epoch, previous)
      .then(
        (session) => dispatch({ type: "refreshed", epoch, session }),
        (thrown: unknown) => {
          const error = toAuthError(thrown, "refresh_failed");
          dispatch({ type: "refresh_failed", epoch, error, jitter: options.random() });
        },
      )
      .then(() => {
        if (pending === promise) pending = undefined;
        return store.getState().session;
      });
    pending = promise;
  }

  function ensureLoaded(): Promise<void> | undefined {
    if (loaded) return undefined;
    if (loading) return loading;
    const { epoch } = machine;
    const apply = (raw: string | null) => {
      loaded = true;
      loading = undefined;
      dispatch({ type: "loaded", epoch, raw, given: options.initial });
    };
    const raw = place.read();
    if (!isPromiseLike(raw)) {
      apply(raw);
      return undefined;
    }
    loading = Promise.resolve(raw)
      .then(null, () => null)
      .then(apply);
    return loading;
  }

  return {
    store,
    dispatch,
    ensureLoaded,
    state: () => machine,
    /** Waits for the load and any refresh in flight, then gives the current session. */
    async settled(): Promise<Session | null> {
      await ensureLoaded();
      if (pending) await pending;
      return store.getState().session;
    },
    pending: () => pending,
    setActive(next: boolean): void {
      active = next;
      if (active) reconcile();
      else clearTimer();
    },
  };
}

/** The engine's handle, as the client uses it. */
export type Engine = ReturnType<typeof createEngine>;
