import { createRoot } from "react-dom/client";
import { createAppsmithBridge, isAppsmith } from "../bridge/appsmithBridge.js";
import type { HostBridge, HostModel } from "../bridge/hostBridge.js";
import { toPlainJson } from "../bridge/toPlainJson.js";
import { applyTheme, inlineThemeValues } from "./applyTheme.js";
import type { WidgetConfigInput } from "./modelConfig.js";
import { WidgetApp } from "./WidgetApp.js";
import { createWidgetController } from "./widgetController.js";

/** Options for {@link mount}: settings that win over the model, and where the host is. */
export interface MountOptions extends WidgetConfigInput {
  /** The host to talk to; default `window.appsmith`, or none outside Appsmith. */
  bridge?: HostBridge;
  /** Also called with every event the widget triggers (for pages without a host bridge). */
  onEvent?: (name: string, context: Record<string, unknown>) => void;
}

// Outside Appsmith with no bridge given: the options are the whole config and events go
// only to `onEvent`.
function standaloneBridge(): HostBridge {
  let model: HostModel = {};
  return {
    getModel: () => model,
    onModelChange: (listener) => {
      listener(model);
      return () => {};
    },
    updateModel: (partial) => {
      model = { ...model, ...toPlainJson(partial) };
    },
    triggerEvent: () => {},
    getTheme: () => undefined,
    supportsThemeChange: () => false,
    onThemeChange: (listener) => {
      listener(undefined);
      return () => {};
    },
  };
}

function withEventTap(bridge: HostBridge, onEvent: MountOptions["onEvent"]): HostBridge {
  if (!onEvent) return bridge;
  return {
    ...bridge,
    triggerEvent(name, context) {
      bridge.triggerEvent(name, context);
      onEvent(name, toPlainJson(context));
    },
  };
}

/**
 * Renders the auth widget into `element`, configured from the Appsmith model (Default Model)
 * and `options`; call it inside `appsmith.onReady`. Returns a function that unmounts it.
 * @example
 * appsmith.onReady(() => mount(document.getElementById("root")));
 */
export function mount(element: HTMLElement, options: MountOptions = {}): () => void {
  if (!(element instanceof Element)) {
    // Usually document.getElementById found nothing: say so instead of React's generic error.
    throw new TypeError(
      'mount(element): element is not a DOM element (is the HTML tab\'s <div id="root"> there?)',
    );
  }
  const { bridge: given, onEvent, ...overrides } = options;
  const base = given ?? (isAppsmith() ? createAppsmithBridge() : standaloneBridge());
  const bridge = withEventTap(base, onEvent);
  const root = createRoot(element);
  // The page's own inline `--aak-*` values survive where the theme sets none, and unmount.
  const own = inlineThemeValues(element);
  const offTheme = bridge.onThemeChange((theme) => applyTheme(element, theme, own));
  const controller = createWidgetController({
    bridge,
    overrides,
    render: (state) => root.render(<WidgetApp state={state} />),
  });
  const stop = controller.start();
  let mounted = true;
  return () => {
    if (!mounted) return;
    mounted = false;
    stop();
    offTheme();
    root.unmount();
    applyTheme(element, undefined, own);
  };
}
