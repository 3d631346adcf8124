import { useEffect, useState } from "react";
import { describeModelUpdate, describeWidgetContext } from "../../support/inPageHost.js";
import type { AppsmithHost, HostRecord } from "./appsmithHost.js";

/** One line of the host view's log: what the widget sent, summarised without tokens. */
export interface HostLogLine {
  seq: number;
  at: number;
  kind: string;
  text: string;
}

/** Where reading the host's record left off. */
interface Cursor {
  messages: number;
  events: number;
  ignored: number;
  models: number;
  heights: number;
}

const PREFIX = "CUSTOM_WIDGET_";
let seq = 0;

function atEnd(record: HostRecord): Cursor {
  return {
    messages: record.messages.length,
    events: record.events.length,
    ignored: record.ignoredEvents.length,
    models: record.modelUpdates.length,
    heights: record.heights.length,
  };
}

// `messages` holds every message type in arrival order; the other arrays hold the payloads.
function readNew(record: HostRecord, cursor: Cursor, declared: Set<string>): HostLogLine[] {
  const lines: HostLogLine[] = [];
  const add = (kind: string, text: string) => {
    seq += 1;
    lines.push({ seq, at: Date.now(), kind, text });
  };
  for (; cursor.messages < record.messages.length; cursor.messages += 1) {
    const type = record.messages[cursor.messages]?.replace(PREFIX, "");
    if (type === "UPDATE_MODEL") {
      const update = record.modelUpdates[cursor.models++] ?? {};
      add("updateModel", describeModelUpdate(update));
    } else if (type === "TRIGGER_EVENT") {
      // The host files events by whether the app declared them; they arrive in order anyway.
      const next = record.events[cursor.events];
      const event =
        next && declared.has(next.name)
          ? record.events[cursor.events++]
          : record.ignoredEvents[cursor.ignored++];
      if (event) add(`event ${event.name}`, describeWidgetContext(event.context));
    } else if (type === "UPDATE_HEIGHT") {
      add("height", `${record.heights[cursor.heights++] ?? "?"} px`);
    } else if (type) {
      add(type.toLowerCase(), "");
    }
  }
  return lines;
}

/** Polls the host's record and returns the lines since the widget was last (re)loaded. */
export function useHostLog(
  host: AppsmithHost | null,
  generation: number,
  declared: string[],
): HostLogLine[] {
  const [lines, setLines] = useState<HostLogLine[]>([]);
  useEffect(() => {
    if (!host) return;
    // `generation` changes on every reload: start a fresh log from there.
    void generation;
    const cursor = atEnd(host.record);
    const names = new Set(declared);
    setLines([]);
    const timer = setInterval(() => {
      const fresh = readNew(host.record, cursor, names);
      if (fresh.length > 0) setLines((current) => [...current, ...fresh].slice(-200));
    }, 250);
    return () => clearInterval(timer);
  }, [host, generation, declared]);
  return lines;
}
