import { decideStart } from "./decideStart.js";
import type { RefreshController } from "./refreshController.js";
import type { SessionStore } from "./sessionStore.js";
import { isPromiseLike, readSession } from "./storage.js";
import type { KeyValueStorage, Session } from "./types.js";

/** What the loader needs: where the session is kept and what the host handed over. */
export interface SessionLoaderOptions {
  storage: KeyValueStorage;
  storageKey: string;
  initial: { initialSession?: Session; initialRefreshToken?: string };
  store: SessionStore;
  controller: RefreshController;
  now(): number;
  write(session: Session | null): void;
}

/** Reads the stored session once, on first need, and settles the engine's first state. */
export interface SessionLoader {
  /** Loads if not yet loaded; returns a promise only while an async store is being read. */
  ensureLoaded(): Promise<void> | undefined;
  /** Waits for the load and any refresh in flight, then gives the current session. */
  settled(): Promise<Session | null>;
}

/** Creates the {@link SessionLoader} for one client. */
export function createSessionLoader(options: SessionLoaderOptions): SessionLoader {
  const { store, controller, write } = options;
  let loaded = false;
  let loading: Promise<void> | undefined;

  function apply(raw: string | null, generation: number): void {
    loaded = true;
    loading = undefined;
    // A sign-in or sign-out that happened while storage was being read wins.
    if (generation !== controller.generation() || store.getState().status !== "initializing") {
      return;
    }
    const start = decideStart(raw, options.initial, options.now());
    if (start.rewrite === "clear") write(null);
    if (start.kind === "signed_in") {
      if (start.rewrite === "write") write(start.session);
      store.setState({ status: "signed_in", session: start.session });
    } else if (start.kind === "signed_out") {
      store.setState({ status: "signed_out" });
    } else {
      // Stays "initializing" until the refresh decides.
      void controller.refresh(start.refreshToken, start.session);
    }
  }

  function ensureLoaded(): Promise<void> | undefined {
    if (loaded) return undefined;
    if (loading) return loading;
    const generation = controller.generation();
    const raw = readSession(options.storage, options.storageKey);
    if (!isPromiseLike(raw)) {
      apply(raw, generation);
      return undefined;
    }
    loading = Promise.resolve(raw)
      .catch(() => null)
      .then((value) => apply(value, generation));
    return loading;
  }

  return {
    ensureLoaded,
    async settled() {
      await ensureLoaded();
      const pending = controller.pending();
      if (pending) await pending;
      return store.getState().session;
    },
  };
}
