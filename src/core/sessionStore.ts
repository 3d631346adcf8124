import type { AuthEvent, AuthState } from "./types.js";

/** The engine's state container: immutable snapshots, change listeners and an event stream. */
export interface SessionStore {
  getState(): AuthState;
  /** Applies a patch; makes a new snapshot and notifies only when a field really changed. */
  setState(patch: Partial<AuthState>): void;
  subscribe(listener: () => void): () => void;
  onEvent(handler: (event: AuthEvent) => void): () => void;
  emit(event: AuthEvent): void;
}

function callEach<A extends unknown[]>(callbacks: Set<(...args: A) => void>, ...args: A): void {
  // A copy, so a callback that unsubscribes (or subscribes) does not disturb this round.
  for (const callback of [...callbacks]) {
    try {
      callback(...args);
    } catch (error) {
      // One faulty subscriber must not keep the others from hearing about the change.
      console.error("appsmith-auth-kit: a subscriber threw", error);
    }
  }
}

/** Creates a {@link SessionStore} holding `initial` until the first change. */
export function createSessionStore(initial: AuthState): SessionStore {
  let state: AuthState = Object.freeze({ ...initial });
  const listeners = new Set<() => void>();
  const handlers = new Set<(event: AuthEvent) => void>();

  return {
    getState: () => state,
    setState(patch) {
      const keys = Object.keys(patch) as (keyof AuthState)[];
      if (keys.every((key) => Object.is(state[key], patch[key]))) return;
      state = Object.freeze({ ...state, ...patch });
      callEach(listeners);
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => {
        listeners.delete(listener);
      };
    },
    onEvent(handler) {
      handlers.add(handler);
      return () => {
        handlers.delete(handler);
      };
    },
    emit(event) {
      callEach(handlers, event);
    },
  };
}
