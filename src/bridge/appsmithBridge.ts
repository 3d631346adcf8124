import type { HostBridge, HostModel, HostTheme } from "./hostBridge.js";
import { toPlainJson } from "./toPlainJson.js";

/** The `appsmith` global a Custom Widget's frame defines (members differ across releases). */
export interface AppsmithGlobal {
  model?: HostModel;
  ui?: { width?: number; height?: number };
  theme?: HostTheme;
  mode?: string;
  onReady(handler: () => void): void;
  onModelChange(handler: (model: HostModel, previous?: HostModel) => void): () => void;
  updateModel(partial: Record<string, unknown>): void;
  triggerEvent(name: string, context?: Record<string, unknown>): void;
  /** Absent in the first release of the Custom Widget. */
  onThemeChange?(handler: (theme: HostTheme, previous?: HostTheme) => void): () => void;
}

/** Options for {@link createAppsmithBridge}. */
export interface AppsmithBridgeOptions {
  /** Where to find the global; default `globalThis.appsmith`, looked up at each call. */
  getGlobal?: () => unknown;
}

/** An Appsmith bridge: the {@link HostBridge} plus Appsmith's ready handshake. */
export interface AppsmithBridge extends HostBridge {
  /** True when the Appsmith global is present. */
  isAppsmith(): boolean;
  /** Runs `handler` once the host has sent the model (at once if it already has). */
  onReady(handler: () => void): void;
}

const REQUIRED = ["onReady", "onModelChange", "updateModel", "triggerEvent"] as const;

/** True when `value` looks like Appsmith's frame-side global. */
export function isAppsmithGlobal(value: unknown): value is AppsmithGlobal {
  if (typeof value !== "object" || value === null) return false;
  const record = value as Record<string, unknown>;
  return REQUIRED.every((name) => typeof record[name] === "function");
}

/** True when this code runs inside an Appsmith Custom Widget frame. */
export function isAppsmith(): boolean {
  return isAppsmithGlobal((globalThis as { appsmith?: unknown }).appsmith);
}

function asModel(value: unknown): HostModel {
  return typeof value === "object" && value !== null && !Array.isArray(value)
    ? (value as HostModel)
    : {};
}

function asTheme(value: unknown): HostTheme | undefined {
  return typeof value === "object" && value !== null ? (value as HostTheme) : undefined;
}

const noop = () => {};

const ACK = "CUSTOM_WIDGET_MESSAGE_RECEIVED_ACK";
// Past this, a host that never acknowledges (a stalled queue) no longer holds the view back.
const ACK_WAIT_MS = 100;

/**
 * Counts the messages the frame script still has to send: it sends them one at a time, each
 * after the host's acknowledgement of the last, so the host has them all once as many
 * acknowledgements came back. (One for a height update counts too: at worst a little early.)
 */
function createAckCounter() {
  let unacked = 0;
  const waiting: (() => void)[] = [];
  let timer: ReturnType<typeof setTimeout> | undefined;
  const release = () => {
    unacked = 0;
    clearTimeout(timer);
    timer = undefined;
    removeEventListener("message", onMessage);
    for (const callback of waiting.splice(0)) callback();
  };
  function onMessage(event: MessageEvent) {
    if (event.source === parent && event.data?.type === ACK && --unacked < 1) release();
  }
  return {
    sent() {
      // Outside a browser (server rendering, tests in Node) nothing is counted.
      if (typeof addEventListener !== "function") return;
      if (unacked++ === 0) addEventListener("message", onMessage);
    },
    afterSent(callback: () => void) {
      if (unacked === 0) return callback();
      waiting.push(callback);
      timer ??= setTimeout(release, ACK_WAIT_MS);
    },
  };
}

/**
 * Wraps `window.appsmith`, looked up lazily and feature-detected, so every payload leaves as
 * plain JSON and every subscription returns a remover even where the host gives none.
 */
export function createAppsmithBridge(options: AppsmithBridgeOptions = {}): AppsmithBridge {
  const lookup = options.getGlobal ?? (() => (globalThis as { appsmith?: unknown }).appsmith);
  const host = (): AppsmithGlobal | undefined => {
    const value = lookup();
    return isAppsmithGlobal(value) ? value : undefined;
  };
  const remover = (result: unknown) => (typeof result === "function" ? () => result() : noop);
  const acks = createAckCounter();

  return {
    isAppsmith: () => host() !== undefined,
    onReady: (handler) => host()?.onReady(handler),
    getModel: () => asModel(host()?.model),
    onModelChange(listener) {
      const appsmith = host();
      if (appsmith === undefined) return noop;
      return remover(appsmith.onModelChange((model) => listener(asModel(model))));
    },
    updateModel(partial) {
      const appsmith = host();
      if (!appsmith) return;
      appsmith.updateModel(toPlainJson(partial));
      acks.sent();
    },
    triggerEvent(name, context) {
      const appsmith = host();
      if (!appsmith) return;
      // The first release throws without a context object: always pass one.
      appsmith.triggerEvent(name, toPlainJson(context));
      acks.sent();
    },
    afterSent: acks.afterSent,
    getTheme: () => asTheme(host()?.theme),
    supportsThemeChange: () => typeof host()?.onThemeChange === "function",
    onThemeChange(listener) {
      const appsmith = host();
      if (typeof appsmith?.onThemeChange !== "function") {
        listener(asTheme(appsmith?.theme));
        return noop;
      }
      return remover(appsmith.onThemeChange((theme) => listener(asTheme(theme))));
    },
  };
}
