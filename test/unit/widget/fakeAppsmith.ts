import type { HostModel, HostTheme } from "../../../src/bridge/hostBridge.js";

type Listener<T> = (value: T, previous?: T) => void;

/**
 * A fake of Appsmith's frame-side `appsmith` global: updateModel merges locally and the host
 * echoes the whole model back a tick later, as Appsmith does; payloads must be cloneable.
 */
export function createFakeAppsmith(
  initial: { model?: HostModel; theme?: HostTheme; firstRelease?: boolean } = {},
) {
  const modelListeners: Listener<HostModel>[] = [];
  const themeListeners: Listener<HostTheme>[] = [];
  const events: Array<{ name: string; context: Record<string, unknown> }> = [];
  const updates: HostModel[] = [];
  let hostModel: HostModel = structuredClone(initial.model ?? {});

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
    },
    triggerEvent: (name: string, context: Record<string, unknown>) => {
      if (typeof context !== "object") throw new Error("contextObj should be an object");
      events.push({ name, context: structuredClone(context) });
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
