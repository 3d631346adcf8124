import { createRoot } from "react-dom/client";
import { createAppsmithBridge, isAppsmith } from "../bridge/appsmithBridge.js";
import type { HostBridge, HostModel } from "../bridge/hostBridge.js";
import { toPlainJson } from "../bridge/toPlainJson.js";
import type { AuthEvent } from "../core/types.js";
import { applyTheme, inlineThemeValues } from "./applyTheme.js";
import type { WidgetConfigInput } from "./modelConfig.js";
import { WidgetApp } from "./WidgetApp.js";
import { createWidgetController } from "./widgetController.js";

/** Options for {@link mount}: settings that win over the model, and where the host is. */
export interface MountOptions extends WidgetConfigInput {
  /** The host to talk to; default `window.appsmith`, or none outside Appsmith. */
  bridge?: HostBridge;
  /** Called with every token event, the same {@link AuthEvent} `client.onEvent` delivers. */
  onEvent?: (event: AuthEvent) => void;
  /**
   * Also called with every event the widget triggers on the host (`onLogin`, `onNoSession`…)
   * and its context, as the host sees them (for pages without a host bridge).
   */
  onHostEvent?: (name: string, context: Record<string, unknown>) => void;
}

// Outside Appsmith with no bridge given: the options are the whole config and host events
// go only to `onHostEvent`.
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

function withEventTap(bridge: HostBridge, onHostEvent: MountOptions["onHostEvent"]): HostBridge {
  if (!onHostEvent) return bridge;
  return {
    ...bridge,
    triggerEvent(name, context) {
      bridge.triggerEvent(name, context);
      onHostEvent(name, toPlainJson(context));
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
  const { bridge: given, onEvent, onHostEvent, ...overrides } = options;
  const base = given ?? (isAppsmith() ? createAppsmithBridge() : standaloneBridge());
  const bridge = withEventTap(base, onHostEvent);
  const root = createRoot(element);
  // The page's own inline `--aak-*` values survive where the theme sets none, and unmount.
  const own = inlineThemeValues(element);
  const offTheme = bridge.onThemeChange((theme) => applyTheme(element, theme, own));
  const controller = createWidgetController({
    bridge,
    overrides,
    onEvent,
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
