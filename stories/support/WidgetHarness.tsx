import { useEffect, useRef, useState } from "react";
import type { HostTheme } from "../../src/bridge/hostBridge.js";
import type { WidgetView } from "../../src/widget/modelConfig.js";
import { mount } from "../../src/widget/mount.js";
import { publishLog } from "./engineMonitor.js";
import { createInPageHost } from "./inPageHost.js";
import { previewProviderConfig } from "./previewProviderConfig.js";

/** The widget story's args: the Default Model's `view` and the Appsmith app theme. */
export interface WidgetHarnessProps {
  view: WidgetView;
  primaryColor: string;
  backgroundColor: string;
  borderRadius: string;
  boxShadow: string;
  /** Replaces the preview's provider config (e.g. an invalid one, to show the error view). */
  provider?: Record<string, unknown>;
}

function themeOf(props: WidgetHarnessProps): HostTheme {
  const { primaryColor, backgroundColor, borderRadius, boxShadow } = props;
  return { primaryColor, backgroundColor, borderRadius, boxShadow };
}

/**
 * The widget's own `mount()` (from source) in a plain element, with an in-page host
 * standing in for Appsmith: args change the model and theme as the app would.
 */
export function WidgetHarness(props: WidgetHarnessProps) {
  const element = useRef<HTMLDivElement>(null);
  const latest = useRef(props);
  latest.current = props;
  const [host, setHost] = useState<ReturnType<typeof createInPageHost> | null>(null);

  useEffect(() => {
    const container = element.current;
    if (!container) return;
    // A fresh element per mount: StrictMode's remount must not reuse a root that is
    // still being unmounted, and React cannot unmount a root synchronously mid-commit.
    const target = container.appendChild(document.createElement("div"));
    const { log, stop } = publishLog("widget");
    const initial = latest.current;
    const model = { provider: initial.provider ?? previewProviderConfig(), view: initial.view };
    const inPage = createInPageHost(model, themeOf(initial), log);
    const unmount = mount(target, { bridge: inPage.bridge });
    setHost(inPage);
    return () => {
      stop();
      setTimeout(() => {
        unmount();
        target.remove();
      }, 0);
    };
  }, []);

  const { view, primaryColor, backgroundColor, borderRadius, boxShadow } = props;
  useEffect(() => {
    if (!host) return;
    host.setModel({ ...host.bridge.getModel(), view });
  }, [host, view]);
  useEffect(() => {
    host?.setTheme({ primaryColor, backgroundColor, borderRadius, boxShadow });
  }, [host, primaryColor, backgroundColor, borderRadius, boxShadow]);

  return <div ref={element} className="widget-harness" />;
}
