import type { AuthClient } from "../../src/core/clientTypes.js";
import type { AuthEvent } from "../../src/core/types.js";

// A side channel from the story's auth decorator to the preview's live panel. It keeps
// the event log itself, so events fired before the panel re-renders are not lost. It
// records event names and safe details only: never a token.

/** One line of the live event log. */
export interface LoggedEvent {
  seq: number;
  at: number;
  type: string;
  detail: string;
}

/** What the live panel shows: an engine and its events, or just a log (a mounted widget). */
export interface EngineSnapshot {
  client: AuthClient | null;
  /** Who writes the log when there is no engine to show, e.g. "widget". */
  source: string | null;
  events: readonly LoggedEvent[];
}

const MAX_EVENTS = 50;
let seq = 0;
let logs = 0;
let snapshot: EngineSnapshot = { client: null, source: null, events: [] };
const listeners = new Set<() => void>();

function emit(next: EngineSnapshot): void {
  snapshot = next;
  for (const listener of listeners) listener();
}

/** A safe one-line description of an event: who, why, which error code. */
export function describeEvent(event: AuthEvent): string {
  switch (event.type) {
    case "signed_up":
      return event.needsConfirmation ? "confirmation needed" : (event.user?.email ?? "");
    case "signed_in":
    case "token_refreshed":
      return event.session.user.email ?? event.session.user.id;
    case "signed_out":
      return `reason: ${event.reason}`;
    case "error":
      return `${event.action}: ${event.error.code}`;
  }
}

function append(type: string, detail: string): void {
  seq += 1;
  const line = { seq, at: Date.now(), type, detail };
  emit({ ...snapshot, events: [...snapshot.events, line].slice(-MAX_EVENTS) });
}

/** Shows `client` in the live panel until the returned function is called. */
export function publishEngine(client: AuthClient): () => void {
  const stopEvents = client.onEvent((event) => {
    if (snapshot.client === client) append(event.type, describeEvent(event));
  });
  emit({ client, source: null, events: [] });
  return () => {
    stopEvents();
    if (snapshot.client === client) emit({ client: null, source: null, events: [] });
  };
}

/** Starts a log without an engine (a widget keeps its own); `log` adds safe lines to it. */
export function publishLog(source: string): {
  log: (type: string, detail: string) => void;
  stop: () => void;
} {
  logs += 1;
  const marker = `${source}#${logs}`;
  emit({ client: null, source: marker, events: [] });
  return {
    log: (type, detail) => {
      if (snapshot.source === marker) append(type, detail);
    },
    stop: () => {
      if (snapshot.source === marker) emit({ client: null, source: null, events: [] });
    },
  };
}

/** The current snapshot (stable between changes, for `useSyncExternalStore`). */
export function getEngineSnapshot(): EngineSnapshot {
  return snapshot;
}

/** Calls `listener` whenever the published engine or its log changes; returns its remover. */
export function subscribeEngine(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}
