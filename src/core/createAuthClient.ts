import { AuthError, toAuthError } from "./AuthError.js";
import type { SignInInput, SignUpInput, SignUpResult } from "./adapter.js";
import type { AuthClient, AuthClientOptions } from "./clientTypes.js";
import { createEngine } from "./engine.js";
import { expired } from "./machine.js";
import { createPersistence } from "./persistence.js";
import { systemClock, systemTimers } from "./ports.js";
import { withExpiry } from "./session.js";
import type { AuthAction, Session } from "./types.js";
import { onWake } from "./wakeSignals.js";

/**
 * Creates the framework-free session engine. Creating it only checks which storage works (a
 * probe write to Web Storage, so `persistence` is known at once); the session is not read,
 * and nothing is scheduled or listened to, until `start()` (or a first `getAccessToken()` /
 * `refresh()` / `restore()`, which load lazily).
 */
export function createAuthClient(options: AuthClientOptions): AuthClient {
  const { adapter } = options;
  const clock = options.clock ?? systemClock;
  const place = createPersistence(
    options.storage ?? "local",
    options.storageKey,
    options.crossTab !== false,
  );
  const engine = createEngine({
    adapter,
    persistence: place,
    initial: options,
    clock,
    timers: options.timers ?? systemTimers,
    marginMs: options.refreshMarginMs ?? 60_000,
    retry: { baseMs: options.retry?.baseMs ?? 1_000, maxMs: options.retry?.maxMs ?? 30_000 },
    random: options.random ?? Math.random,
  });
  const { store, dispatch } = engine;
  let starts = 0;
  let removeWake: (() => void) | undefined;

  /**
   * Runs a user action: only the latest one is adopted. An overtaken reply changes nothing
   * and rejects with `superseded`, whether it was a session or a failure.
   */
  async function act<T>(action: AuthAction, call: () => Promise<T>) {
    const { epoch } = dispatch({ type: "action_started", action });
    try {
      return { epoch, value: await call() };
    } catch (thrown) {
      const error = toAuthError(thrown);
      const current = epoch === engine.state().epoch;
      dispatch({ type: "action_failed", epoch, action, error });
      throw current ? error : new AuthError("superseded");
    }
  }

  function signedIn(epoch: number, session: Session, signedUp: boolean): Session {
    const current = epoch === engine.state().epoch;
    dispatch({ type: "signed_in", epoch, session, signedUp });
    if (!current) throw new AuthError("superseded");
    return session;
  }

  function connect(): void {
    engine.setActive(true);
    removeWake = onWake(() => dispatch({ type: "woken" }));
    place.connect({
      onSession: (session, refreshed) => dispatch({ type: "tab_session", session, refreshed }),
      onSignedOut: (reason) => dispatch({ type: "tab_signed_out", reason }),
    });
  }

  function disconnect(): void {
    engine.setActive(false);
    removeWake?.();
    removeWake = undefined;
    place.disconnect();
  }

  return {
    getState: store.getState,
    subscribe: store.subscribe,
    onEvent: store.onEvent,
    start() {
      starts += 1;
      if (starts === 1) connect();
      engine.ensureLoaded();
      let stopped = false;
      return () => {
        if (stopped) return;
        stopped = true;
        starts -= 1;
        // An in-flight refresh is left to finish: a quick restart (StrictMode) joins it.
        if (starts === 0) disconnect();
      };
    },
    async signUp(input: SignUpInput): Promise<SignUpResult> {
      const { epoch, value } = await act("sign_up", () => adapter.signUp(input));
      if (value.kind === "session") {
        return { kind: "session", session: signedIn(epoch, withExpiry(value.session), true) };
      }
      dispatch({ type: "confirmation_required", epoch, user: value.user });
      return value;
    },
    async signIn(input: SignInInput): Promise<Session> {
      const { epoch, value } = await act("sign_in", () => adapter.signIn(input));
      return signedIn(epoch, withExpiry(value), false);
    },
    async signOut(): Promise<void> {
      // Counted even while signed out: it still cancels a sign-in in flight.
      dispatch({ type: "action_started", action: "sign_out" });
      const { session } = store.getState();
      dispatch({ type: "signed_out" });
      // Revoking is best-effort: the session is already gone here.
      if (session) await adapter.signOut(session).catch(() => {});
    },
    async refresh() {
      await engine.ensureLoaded();
      if (!engine.pending()) dispatch({ type: "refresh_started" });
      return engine.pending() ?? store.getState().session;
    },
    async getAccessToken() {
      await engine.ensureLoaded();
      // Due, expired or in an outage: try now rather than at the next timer.
      dispatch({ type: "woken" });
      const session = await engine.settled();
      return session && !expired(session, clock.now()) ? session.accessToken : null;
    },
    async restore(refreshToken: string) {
      const session = await engine.settled();
      if (session !== null) return session;
      if (!engine.pending()) dispatch({ type: "refresh_started", token: refreshToken });
      return engine.pending() ?? store.getState().session;
    },
  };
}
