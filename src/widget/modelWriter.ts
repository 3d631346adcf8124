import type { HostBridge, HostModel } from "../bridge/hostBridge.js";
import { MODEL_STATE_KEYS, type WidgetModelState } from "./hostSync.js";
import { stableJson } from "./modelConfig.js";

// Appsmith echoes every updateModel back; a burst of writes can have echoes still on the way.
const MAX_ECHOES = 8;
const MISSING = "\u0000missing";

function ownKeys(model: HostModel): string {
  const picked: Record<string, unknown> = {};
  for (const key of MODEL_STATE_KEYS)
    picked[key] = Object.hasOwn(model, key) ? model[key] : MISSING;
  return stableJson(picked);
}

/**
 * Writes the widget's own model keys with `updateModel`, and only when the model does not
 * already hold them. The host's echo of an earlier write is told apart from a reset to the
 * Default Model: an echo changes nothing, a reset (keys dropped or set to their defaults) is
 * written over again.
 */
export function createModelWriter(bridge: HostBridge) {
  // What the host model holds, as far as the widget knows.
  let held = "";
  const echoes: string[] = [];
  return {
    /** Writes `state` unless the model already holds it; `fromHost` after the host sent one. */
    write(state: WidgetModelState, fromHost: boolean): void {
      if (fromHost) {
        // The model as it is now: the one that came may already be behind this tab's writes.
        const seen = ownKeys(bridge.getModel());
        const echo = echoes.indexOf(seen);
        if (echo >= 0) echoes.splice(0, echo + 1);
        else held = seen;
      }
      const text = stableJson(state);
      if (text === held) return;
      held = text;
      echoes.push(text);
      if (echoes.length > MAX_ECHOES) echoes.shift();
      bridge.updateModel({ ...state });
    },
  };
}
