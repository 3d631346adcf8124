import { AuthError } from "../core/AuthError.js";
import type { HostBridge, HostModel, HostTheme } from "./hostBridge.js";
import { toPlainJson } from "./toPlainJson.js";

/** The `source` tag on every message the kit posts or accepts. */
export const MESSAGE_SOURCE = "appsmith-auth-kit";

/** A message the kit posts to the parent page. */
export interface OutgoingMessage {
  source: typeof MESSAGE_SOURCE;
  /** `"ready"` once listening, `"model"` for model updates, `"event"` for named events. */
  type: "ready" | "model" | "event";
  name: string;
  payload: Record<string, unknown>;
}

/** Options for {@link createPostMessageBridge}. */
export interface PostMessageBridgeOptions {
  /** The parent page's exact origin, e.g. `"https://app.example.com"`. */
  targetOrigin: string;
  /** Permit `targetOrigin: "*"` (posts tokens to whatever page embeds the frame). */
  allowAnyOrigin?: boolean;
  /** The frame's own window; default `globalThis.window`, looked up when listening starts. */
  window?: Window;
}

type Incoming = { type: "config" | "model" | "theme"; payload: Record<string, unknown> };

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function readIncoming(data: unknown): Incoming | undefined {
  if (!isPlainObject(data) || data.source !== MESSAGE_SOURCE) return undefined;
  const { type, payload } = data;
  if (type !== "config" && type !== "model" && type !== "theme") return undefined;
  if (!isPlainObject(payload)) return undefined;
  return { type, payload: toPlainJson(payload) };
}

function normalizeOrigin(target: string): string {
  if (target === "*" || target === "/") return target;
  try {
    const { origin } = new URL(target);
    if (origin !== "null") return origin;
  } catch {}
  throw new AuthError("invalid_config", {
    message: 'postMessage bridge targetOrigin must be an origin, like "https://app.example.com".',
  });
}

/**
 * A {@link HostBridge} for a page that embeds the kit in an iframe outside Appsmith: posts
 * `{ source, type, name, payload }` to `window.parent` at an explicit origin, and accepts
 * config, model and theme messages only from that window at that origin.
 */
export function createPostMessageBridge(options: PostMessageBridgeOptions): HostBridge {
  const { allowAnyOrigin = false } = options;
  if (typeof options.targetOrigin !== "string" || options.targetOrigin === "") {
    throw new AuthError("invalid_config", { message: "postMessage bridge needs a targetOrigin." });
  }
  if (options.targetOrigin === "*" && !allowAnyOrigin) {
    throw new AuthError("invalid_config", {
      message:
        'targetOrigin "*" would hand tokens to any page; pass allowAnyOrigin: true to accept that.',
    });
  }
  // postMessage takes a URL and posts to its origin, but event.origin is a bare origin: compare
  // against that, or "https://app.example.com/" would send fine and drop every reply.
  const targetOrigin = normalizeOrigin(options.targetOrigin);

  let model: HostModel = {};
  let theme: HostTheme | undefined;
  const modelListeners = new Set<(model: HostModel) => void>();
  const themeListeners = new Set<(theme: HostTheme | undefined) => void>();
  let detach: (() => void) | undefined;

  const self = () => options.window ?? globalThis.window;
  const post = (message: OutgoingMessage) => self().parent.postMessage(message, targetOrigin);

  const onMessage = (event: MessageEvent) => {
    // Drop anything from another window or origin before reading its data.
    if (event.source !== self().parent) return;
    if (targetOrigin !== "*" && event.origin !== targetOrigin) return;
    const message = readIncoming(event.data);
    if (message === undefined) return;
    if (message.type === "theme") {
      theme = message.payload as HostTheme;
      for (const listener of [...themeListeners]) listener(theme);
      return;
    }
    model = message.type === "config" ? message.payload : { ...model, ...message.payload };
    for (const listener of [...modelListeners]) listener(model);
  };

  const subscribe = <T>(set: Set<T>, listener: T) => {
    set.add(listener);
    if (detach === undefined) {
      const win = self();
      win.addEventListener("message", onMessage);
      detach = () => win.removeEventListener("message", onMessage);
      post({ source: MESSAGE_SOURCE, type: "ready", name: "ready", payload: {} });
    }
    return () => {
      set.delete(listener);
      if (modelListeners.size === 0 && themeListeners.size === 0) {
        detach?.();
        detach = undefined;
      }
    };
  };

  return {
    getModel: () => model,
    onModelChange(listener) {
      const remove = subscribe(modelListeners, listener);
      listener(model);
      return remove;
    },
    updateModel(partial) {
      const payload = toPlainJson(partial);
      model = { ...model, ...payload };
      post({ source: MESSAGE_SOURCE, type: "model", name: "update", payload });
    },
    triggerEvent(name, context) {
      post({ source: MESSAGE_SOURCE, type: "event", name, payload: toPlainJson(context) });
    },
    getTheme: () => theme,
    supportsThemeChange: () => true,
    onThemeChange(listener) {
      const remove = subscribe(themeListeners, listener);
      listener(theme);
      return remove;
    },
  };
}
