import { AuthError, isTransientError } from "./AuthError.js";
import type { AuthClient, AuthClientOptions } from "./clientTypes.js";
import { type CrossTabLink, type CrossTabMessage, connectCrossTab } from "./crossTab.js";
import { systemClock, systemTimers } from "./ports.js";
import { createRefreshController } from "./refreshController.js";
import { createSessionLoader } from "./sessionLoader.js";
import { createSessionStore } from "./sessionStore.js";
import { createSharedSession } from "./sharedSession.js";
import { resolveStorage, writeSession } from "./storage.js";
import type { Session, SignedOutReason } from "./types.js";
import { createUserActions } from "./userActions.js";
import { onWake } from "./wakeSignals.js";

const DEFAULT_STORAGE_KEY = "appsmith-auth-kit.session";

/**
 * A session that ended on its own leaves its reason in `state.error`, so a sign-in form mounted
 * afterwards can say so: a refusal keeps its own code, and an access token that expired
 * unrenewed (no refresh token, or the provider unreachable until then) reads `session_expired`,
 * with the last failure as its cause.
 */
function whyEnded(reason: SignedOutReason, error: AuthError | null): AuthError | null {
  if (reason === "user" || (error !== null && !isTransientError(error))) return error;
  return new AuthError("session_expired", error === null ? {} : { cause: error });
}

/**
 * Creates the framework-free session engine. Creating it only checks which storage works (a
 * probe write to Web Storage, so `persistence` is known at once); the session is not read,
 * and nothing is scheduled or listened to, until `start()` (or a first `getAccessToken()` /
 * `refresh()` / `restore()`, which load lazily).
 */
export function createAuthClient(options: AuthClientOptions): AuthClient {
  const { adapter } = options;
  const storageKey = options.storageKey ?? DEFAULT_STORAGE_KEY;
  const clock = options.clock ?? systemClock;
  const { storage, persistence } = resolveStorage(options.storage ?? "local");
  // Only localStorage is shared between tabs; a sandboxed frame fell back to memory.
  const sharesTabs = options.crossTab !== false && persistence === "local";
  const store = createSessionStore({
    status: "initializing",
    session: null,
    error: null,
    persistence,
  });
  const controller = createRefreshController({
    adapter,
    store,
    clock,
    timers: options.timers ?? systemTimers,
    marginMs: options.refreshMarginMs ?? 60_000,
    retry: { baseMs: options.retry?.baseMs ?? 1_000, maxMs: options.retry?.maxMs ?? 30_000 },
    random: options.random ?? Math.random,
    commit: (session) => {
      store.setState({ status: "signed_in", session, error: null });
      write(session);
      link?.post({ kind: "session", session, refreshed: true });
      store.emit({ type: "token_refreshed", session });
    },
    end: (reason, error) => endSession(reason, error, true),
    shared: sharesTabs ? createSharedSession(storage as Storage, storageKey) : undefined,
  });
  let starts = 0;
  let link: CrossTabLink | undefined;
  let removeWake: (() => void) | undefined;

  const write = (session: Session | null) => writeSession(storage, storageKey, session);
  const { ensureLoaded, settled } = createSessionLoader({
    storage,
    storageKey,
    initial: options,
    store,
    controller,
    now: () => clock.now(),
    write,
  });

  function endSession(reason: SignedOutReason, error: AuthError | null, tellOthers: boolean): void {
    controller.invalidate();
    store.setState({ status: "signed_out", session: null, error: whyEnded(reason, error) });
    if (tellOthers) {
      write(null);
      link?.post({ kind: "signed_out", reason });
    }
    store.emit({ type: "signed_out", reason });
  }

  function adopt(session: Session, message: CrossTabMessage | undefined): void {
    controller.invalidate();
    controller.noteFresh(session);
    store.setState({ status: "signed_in", session, error: null });
    if (message) {
      write(session);
      link?.post(message);
    }
    controller.reconcile();
  }

  const actions = createUserActions({
    adapter,
    store,
    adopt: (session) => adopt(session, { kind: "session", session, refreshed: false }),
    endByUser: () => endSession("user", null, true),
    clearStored: () => write(null),
  });

  function connect(): void {
    controller.setActive(true);
    removeWake = onWake(() => controller.reconcile());
    if (sharesTabs) {
      link = connectCrossTab(storageKey, storage as Storage, {
        onSession: (session, refreshed) => {
          if (store.getState().session?.accessToken === session.accessToken) return;
          const wasSignedIn = store.getState().session !== null;
          adopt(session, undefined);
          const type = refreshed && wasSignedIn ? "token_refreshed" : "signed_in";
          store.emit({ type, session });
        },
        onSignedOut: (reason) => {
          if (store.getState().status === "signed_out") return;
          endSession(reason, null, false);
        },
      });
    }
  }

  function disconnect(): void {
    controller.setActive(false);
    removeWake?.();
    link?.close();
    removeWake = undefined;
    link = undefined;
  }

  return {
    getState: store.getState,
    subscribe: store.subscribe,
    onEvent: store.onEvent,
    start() {
      starts += 1;
      if (starts === 1) connect();
      const loadingNow = ensureLoaded();
      if (loadingNow) loadingNow.then(() => starts > 0 && controller.reconcile());
      else controller.reconcile();
      let stopped = false;
      return () => {
        if (stopped) return;
        stopped = true;
        starts -= 1;
        // An in-flight refresh is left to finish: a quick restart (StrictMode) joins it.
        if (starts === 0) disconnect();
      };
    },
    ...actions,
    async refresh() {
      await ensureLoaded();
      return controller.refresh();
    },
    async getAccessToken() {
      let session = await settled();
      if (session === null || !controller.isDue(session)) return session?.accessToken ?? null;
      controller.reconcile();
      session = await settled();
      const expired = session?.expiresAt !== undefined && clock.now() >= session.expiresAt;
      return session && !expired ? session.accessToken : null;
    },
    async restore(refreshToken: string) {
      const session = await settled();
      if (session !== null) return session;
      return controller.refresh(refreshToken);
    },
  };
}
