import type { HostModel, HostTheme } from "../../../src/bridge/hostBridge.js";

type Listener<T> = (value: T, previous?: T) => void;

/** A message as the host page received it, and when (see `onDelivered`). */
export interface Delivered {
  type: "UPDATE_MODEL" | "TRIGGER_EVENT";
  data: HostModel;
}

/**
 * A fake of Appsmith's frame-side `appsmith` global: updateModel merges locally and the host
 * echoes the whole model back a tick later, as Appsmith does; payloads must be cloneable.
 * Like Appsmith's frame script it sends one message at a time: the next after the host's
 * MESSAGE_RECEIVED_ACK, which comes back as a window message a task later (in a DOM test).
 */
export function createFakeAppsmith(
  initial: { model?: HostModel; theme?: HostTheme; firstRelease?: boolean } = {},
) {
  const modelListeners: Listener<HostModel>[] = [];
  const themeListeners: Listener<HostTheme>[] = [];
  const events: Array<{ name: string; context: Record<string, unknown> }> = [];
  const updates: HostModel[] = [];
  let hostModel: HostModel = structuredClone(initial.model ?? {});
  const delivered: Delivered[] = [];
  const outbox: Delivered[] = [];
  let sending = false;
  let onDelivered: ((message: Delivered) => void) | undefined;
  const sendNext = () => {
    const message = outbox.shift();
    sending = message !== undefined;
    if (!message) return;
    delivered.push(message);
    onDelivered?.(message);
    setTimeout(() => {
      const data = { type: "CUSTOM_WIDGET_MESSAGE_RECEIVED_ACK", success: true };
      window.dispatchEvent(new MessageEvent("message", { data, source: window }));
      sendNext();
    }, 0);
  };
  const post = (message: Delivered) => {
    if (typeof window === "undefined") return;
    outbox.push(message);
    if (!sending) {
      sending = true;
      queueMicrotask(sendNext);
    }
  };

  const emitModel = (model: HostModel) => {
    const previous = appsmith.model;
    appsmith.model = model;
    for (const fn of [...modelListeners]) fn(model, previous);
  };
  const appsmith: Record<string, unknown> & { model: HostModel; theme?: HostTheme } = {
    model: structuredClone(hostModel),
    mode: "DEPLOYED",
    onReady: (fn: () => void) => fn(),
    onModelChange: (fn: Listener<HostModel>) => {
      modelListeners.push(fn);
      fn(appsmith.model);
      return () => {
        const index = modelListeners.indexOf(fn);
        if (index > -1) modelListeners.splice(index, 1);
      };
    },
    updateModel: (partial: HostModel) => {
      if (!partial || typeof partial !== "object") throw new Error("updateModel expects an object");
      const copy = structuredClone(partial);
      updates.push(copy);
      appsmith.model = { ...appsmith.model, ...copy };
      hostModel = { ...hostModel, ...copy };
      setTimeout(() => emitModel(structuredClone(hostModel)), 0);
      post({ type: "UPDATE_MODEL", data: copy });
    },
    triggerEvent: (name: string, context: Record<string, unknown>) => {
      if (typeof context !== "object") throw new Error("contextObj should be an object");
      events.push({ name, context: structuredClone(context) });
      post({
        type: "TRIGGER_EVENT",
        data: { eventName: name, contextObj: structuredClone(context) },
      });
    },
  };
  if (!initial.firstRelease) {
    appsmith.theme = initial.theme ?? {};
    appsmith.onThemeChange = (fn: Listener<HostTheme>) => {
      themeListeners.push(fn);
      fn(appsmith.theme as HostTheme);
      return () => {
        const index = themeListeners.indexOf(fn);
        if (index > -1) themeListeners.splice(index, 1);
      };
    };
  }
  return {
    appsmith,
    events,
    updates,
    /** The messages in the order the host page received them. */
    delivered,
    /** Calls `listener` as each message reaches the host page. */
    onDelivered(listener: (message: Delivered) => void) {
      onDelivered = listener;
    },
    hostModel: () => hostModel,
    /** Resets the model to a new Default Model: the widget's own keys are gone. */
    resetModel(next: HostModel) {
      hostModel = structuredClone(next);
      emitModel(structuredClone(hostModel));
    },
    setTheme(theme: HostTheme) {
      const previous = appsmith.theme as HostTheme;
      appsmith.theme = theme;
      for (const fn of [...themeListeners]) fn(theme, previous);
    },
    install() {
      (globalThis as { appsmith?: unknown }).appsmith = appsmith;
      return () => {
        delete (globalThis as { appsmith?: unknown }).appsmith;
      };
    },
  };
}
