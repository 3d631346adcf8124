import type { HostBridge, HostModel, HostTheme } from "../../src/bridge/hostBridge.js";

/** A safe summary of a widget event's context: who and which error, never a token. */
export function describeWidgetContext(context: Record<string, unknown>): string {
  const user = context.user as { email?: unknown } | null | undefined;
  const error = context.error as { code?: unknown } | null | undefined;
  const parts: string[] = [];
  if (typeof user?.email === "string") parts.push(user.email);
  if (context.needsConfirmation === true) parts.push("confirmation needed");
  if (typeof error?.code === "string") parts.push(error.code);
  if (typeof context.code === "string") parts.push(context.code);
  return parts.join(", ");
}

/** What the widget wrote with `updateModel`: the keys, plus status and error code (no tokens). */
export function describeModelUpdate(partial: Record<string, unknown>): string {
  const error = partial.error as { code?: unknown } | null | undefined;
  const status = typeof partial.status === "string" ? `status=${partial.status} ` : "";
  const code = typeof error?.code === "string" ? `error=${error.code} ` : "";
  return `${status}${code}(${Object.keys(partial).join(", ")})`;
}

/** A host bridge living in the page, for stories that mount the widget without an iframe. */
export interface InPageHost {
  bridge: HostBridge;
  setModel(next: HostModel): void;
  setTheme(next: HostTheme): void;
}

/**
 * Behaves as Appsmith does for the widget (model echoed back after `updateModel`, theme
 * changes reported live) and reports what the widget sends to `log`.
 */
export function createInPageHost(
  model: HostModel,
  theme: HostTheme,
  log: (type: string, detail: string) => void,
): InPageHost {
  let currentModel = model;
  let currentTheme = theme;
  const modelListeners = new Set<(model: HostModel) => void>();
  const themeListeners = new Set<(theme: HostTheme | undefined) => void>();
  const listen = <T>(set: Set<(value: T) => void>, listener: (value: T) => void, now: T) => {
    set.add(listener);
    listener(now);
    return () => {
      set.delete(listener);
    };
  };
  const notifyModel = () => {
    for (const listener of [...modelListeners]) listener(currentModel);
  };
  const setModel = (next: HostModel) => {
    currentModel = next;
    notifyModel();
  };
  return {
    bridge: {
      getModel: () => currentModel,
      onModelChange: (listener) => listen(modelListeners, listener, currentModel),
      updateModel: (partial) => {
        log("model", describeModelUpdate(partial));
        // Merged at once inside the frame; Appsmith echoes the whole model back a moment later.
        currentModel = { ...currentModel, ...partial };
        setTimeout(notifyModel, 0);
      },
      triggerEvent: (name, context) => log(name, describeWidgetContext(context)),
      getTheme: () => currentTheme,
      supportsThemeChange: () => true,
      onThemeChange: (listener) => listen(themeListeners, listener, currentTheme),
    },
    setModel,
    setTheme: (next) => {
      currentTheme = next;
      for (const listener of [...themeListeners]) listener(currentTheme);
    },
  };
}
