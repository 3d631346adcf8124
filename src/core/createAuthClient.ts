import { AuthError, toAuthError } from "./AuthError.js";
import type { AuthClient, AuthClientOptions } from "./clientTypes.js";
import { plainEvent } from "./events.js";
import { type EngineEvent, expired, initialState, statusOf, transition } from "./machine.js";
import { createPersistence } from "./persistence.js";
import { systemClock, systemTimers } from "./ports.js";
import { createRefresher } from "./refresher.js";
import { withExpiry } from "./session.js";
import { createSessionStore } from "./sessionStore.js";
import { isPromiseLike } from "./storage.js";
import { nextCheck } from "./timing.js";
import type { AuthAction, Session } from "./types.js";
import { onWake } from "./wakeSignals.js";

// setTimeout overflows above 2^31 - 1 ms and would fire at once.
const MAX_TIMER_MS = 2_147_483_647;

/**
 * Creates the framework-free session engine: it feeds the state machine (machine.ts) its
 * events, publishes the public state, runs the effects (storage, other tabs, events,
 * requests) and keeps the one timer the timing rule asks for. Creating it only checks which
 * storage works; nothing is read, scheduled or listened to until `start()` (or a first
 * `getAccessToken()` / `refresh()` / `restore()`, which load lazily).
 */
export function createAuthClient(options: AuthClientOptions): AuthClient {
  const { adapter } = options;
  const clock = options.clock ?? systemClock;
  const timers = options.timers ?? systemTimers;
  const marginMs = options.refreshMarginMs ?? 60_000;
  const retry = { baseMs: options.retry?.baseMs ?? 1_000, maxMs: options.retry?.maxMs ?? 30_000 };
  const now = () => clock.now();
  const place = createPersistence(
    options.storage ?? "local",
    options.storageKey,
    options.crossTab !== false,
    now,
    timers,
  );
  const obtain = createRefresher(adapter, place, now, marginMs);
  let machine = initialState(now());
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
  let starts = 0;
  let removeWake: (() => void) | undefined;

  function dispatch(event: EngineEvent): number {
    const step = transition(machine, event, { now: now(), retry });
    machine = step.state;
    publish();
    if (step.persist !== undefined) place.write(step.persist);
    if (step.tell) place.post(step.tell);
    for (const told of step.emit ?? []) store.emit(plainEvent(told));
    if (step.refresh) run(step.refresh.token, step.refresh.epoch, step.refresh.previous);
    if (step.revoke) adapter.signOut(step.revoke).catch(() => {});
    reconcile();
    return machine.epoch;
  }

  function publish(): void {
    const session = machine.loading ? null : machine.session;
    store.setState({ status: statusOf(machine, now()), session, error: machine.error });
  }

  function clearTimer(): void {
    if (timer !== undefined) timers.clearTimeout(timer);
    timer = undefined;
  }

  function reconcile(): void {
    clearTimer();
    const check = nextCheck(machine, now(), marginMs);
    if (check.kind === "refresh") dispatch({ type: "refresh_started" });
    else if (check.kind === "expire") dispatch({ type: "expired" });
    else if (check.kind === "wait" && starts > 0) {
      // The callback re-reads the clock: a timer that fired late (a laptop that slept) or
      // early (a capped delay) is judged by the time it is now.
      timer = timers.setTimeout(
        () => {
          timer = undefined;
          publish();
          reconcile();
        },
        Math.min(Math.max(0, check.at - now()), MAX_TIMER_MS),
      );
    }
  }

  function run(token: string, epoch: number, previous: Session | null): void {
    const promise = obtain(token, previous, () => epoch === machine.epoch)
      .then(
        (session) => dispatch({ type: "refreshed", epoch, session }),
        (thrown: unknown) => {
          const error = toAuthError(thrown, "refresh_failed");
          dispatch({
            type: "refresh_failed",
            epoch,
            error,
            jitter: (options.random ?? Math.random)(),
          });
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
      dispatch({ type: "loaded", epoch, raw, given: options });
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

  /** Waits for the load and any refresh in flight, then gives the current session. */
  async function settled(): Promise<Session | null> {
    await ensureLoaded();
    if (pending) await pending;
    return store.getState().session;
  }

  /**
   * Runs a user action: only the latest one is adopted. An overtaken reply changes nothing
   * and rejects with `superseded`, whether it was a session or a failure.
   */
  async function act<T>(action: AuthAction, call: () => Promise<T>) {
    const epoch = dispatch({ type: "action_started", action });
    try {
      return { epoch, value: await call() };
    } catch (thrown) {
      const error = toAuthError(thrown);
      const current = epoch === machine.epoch;
      dispatch({ type: "action_failed", epoch, action, error });
      throw current ? error : new AuthError("superseded");
    }
  }

  function signedIn(epoch: number, session: Session, signedUp: boolean): Session {
    const current = epoch === machine.epoch;
    dispatch({ type: "signed_in", epoch, session, signedUp });
    if (!current) throw new AuthError("superseded");
    return session;
  }

  function refreshWith(token?: string) {
    if (!pending) dispatch({ type: "refresh_started", token });
    return pending ?? store.getState().session;
  }

  return {
    // A getter: a lazily loaded adapter knows more once its code is in.
    get capabilities() {
      return adapter.capabilities;
    },
    getState: store.getState,
    subscribe: store.subscribe,
    onEvent: store.onEvent,
    start() {
      starts += 1;
      if (starts === 1) {
        removeWake = onWake(() => dispatch({ type: "woken" }));
        place.connect({
          onSession: (session, refreshed) => dispatch({ type: "tab_session", session, refreshed }),
          onSignedOut: (reason) => dispatch({ type: "tab_signed_out", reason }),
        });
      }
      if (!ensureLoaded()) reconcile();
      let stopped = false;
      return () => {
        if (stopped) return;
        stopped = true;
        starts -= 1;
        // An in-flight refresh is left to finish: a quick restart (StrictMode) joins it.
        if (starts > 0) return;
        clearTimer();
        removeWake?.();
        place.disconnect();
      };
    },
    async signUp(input) {
      const { epoch, value } = await act("sign_up", () => adapter.signUp(input));
      if (value.kind === "session") {
        return { kind: "session", session: signedIn(epoch, withExpiry(value.session), true) };
      }
      dispatch({ type: "confirmation_required", epoch, user: value.user });
      return value;
    },
    async signIn(input) {
      const { epoch, value } = await act("sign_in", () => adapter.signIn(input));
      return signedIn(epoch, withExpiry(value), false);
    },
    async signOut() {
      // Counted even while signed out: it still cancels a sign-in in flight.
      dispatch({ type: "action_started", action: "sign_out" });
      const { session } = store.getState();
      dispatch({ type: "signed_out" });
      // Revoking is best-effort: the session is already gone here.
      if (session) await adapter.signOut(session).catch(() => {});
    },
    async refresh() {
      await ensureLoaded();
      return refreshWith();
    },
    async getAccessToken() {
      await ensureLoaded();
      // Due, expired or in an outage: try now rather than at the next timer.
      dispatch({ type: "woken" });
      const session = await settled();
      return session && !expired(session, now()) ? session.accessToken : null;
    },
    async restore(refreshToken) {
      return (await settled()) ?? refreshWith(refreshToken);
    },
  };
}
