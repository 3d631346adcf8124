import { useEffect, useState, useSyncExternalStore } from "react";
import type { AuthClient } from "../../src/core/clientTypes.js";
import type { AuthState } from "../../src/core/types.js";
import { getEngineSnapshot, type LoggedEvent, subscribeEngine } from "../support/engineMonitor.js";
import { LogList } from "./LogList.js";

const noClient = () => () => {};

function useNow(intervalMs: number): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), intervalMs);
    return () => clearInterval(timer);
  }, [intervalMs]);
  return now;
}

function useClientState(client: AuthClient | null): AuthState | null {
  return useSyncExternalStore(client ? client.subscribe : noClient, () =>
    client ? client.getState() : null,
  );
}

function expiryText(state: AuthState | null, now: number): string {
  const expiresAt = state?.session?.expiresAt;
  if (expiresAt === undefined) return "—";
  const seconds = Math.round((expiresAt - now) / 1000);
  return seconds >= 0 ? `in ${seconds} s` : `${-seconds} s ago`;
}

function EventLog(props: { events: readonly LoggedEvent[] }) {
  return (
    <>
      <h3>Events</h3>
      <LogList
        lines={props.events.map((line) => ({ ...line, kind: line.type, text: line.detail }))}
      />
    </>
  );
}

/**
 * The engine behind the current story: status, who, when the access token expires (a live
 * countdown) and the event log. Tokens are never shown.
 */
export function LivePanel() {
  const { client, source, events } = useSyncExternalStore(subscribeEngine, getEngineSnapshot);
  const state = useClientState(client);
  const now = useNow(1000);
  if (!client) {
    if (source) {
      return (
        <div className="live-panel">
          <EventLog events={events} />
        </div>
      );
    }
    return <p className="muted">This story has no auth engine.</p>;
  }
  return (
    <div className="live-panel">
      <dl>
        <dt>status</dt>
        <dd data-testid="engine-status">{state?.status}</dd>
        <dt>user</dt>
        <dd>{state?.session?.user.email ?? "—"}</dd>
        <dt>access token expires</dt>
        <dd>{expiryText(state, now)}</dd>
        <dt>last error</dt>
        <dd>{state?.error?.code ?? "—"}</dd>
        <dt>persistence</dt>
        <dd>{state?.persistence}</dd>
      </dl>
      <button
        type="button"
        disabled={state?.status !== "signed_in" && state?.status !== "reconnecting"}
        onClick={() => {
          client.refresh().catch(() => {});
        }}
      >
        Refresh now
      </button>
      <EventLog events={events} />
    </div>
  );
}
