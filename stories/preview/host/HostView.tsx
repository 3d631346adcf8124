import { useCallback, useEffect, useId, useRef, useState } from "react";
import { previewProviderConfig } from "../../support/previewProviderConfig.js";
import { LogList } from "../LogList.js";
import { WIDGET_BUILD_PATH } from "../widgetBuildPath.js";
import {
  type AppsmithHost,
  hostContainer,
  loadAppsmithHost,
  type SandboxVariant,
} from "./appsmithHost.js";
import { HostModelSummary } from "./HostModelSummary.js";
import { ModelEditor } from "./ModelEditor.js";
import { type AppTheme, THEME_PRESETS, ThemeSwitcher } from "./ThemeSwitcher.js";
import { useHostLog } from "./useHostLog.js";

const WIDGET_FILE = `${WIDGET_BUILD_PATH}appsmith-auth-kit.widget.js`;
const EVENTS = ["onSignup", "onLogin", "onTokenRefresh", "onLogout", "onAuthError"];
const VARIANTS: Record<SandboxVariant, string> = {
  current: "current: allow-forms allow-modals … allow-scripts",
  "first-release": "first release: allow-scripts allow-downloads (forms never submit)",
  "no-sandbox": "sandbox disabled (self-hosted)",
};
const DEFAULT_THEME = THEME_PRESETS["Appsmith default"] as AppTheme;

// What a builder pastes into the Custom Widget's tabs, pointed at the local build.
function authorCode() {
  return {
    html: '<div id="root"></div>',
    js: `import { mount } from "${window.location.origin}${WIDGET_FILE}";\n\nappsmith.onReady(() => {\n  mount(document.getElementById("root"));\n});`,
    css: "#root { padding: 4px; }",
  };
}

function useBuildStatus(): "checking" | "ok" | "missing" {
  const [status, setStatus] = useState<"checking" | "ok" | "missing">("checking");
  useEffect(() => {
    fetch(WIDGET_FILE, { method: "HEAD" }).then(
      (response) => setStatus(response.ok ? "ok" : "missing"),
      () => setStatus("missing"),
    );
  }, []);
  return status;
}

function useHost(slot: React.RefObject<HTMLDivElement | null>): AppsmithHost | null {
  const [host, setHost] = useState<AppsmithHost | null>(null);
  useEffect(() => {
    slot.current?.appendChild(hostContainer());
    let live = true;
    loadAppsmithHost().then((loaded) => live && setHost(loaded));
    return () => {
      live = false;
    };
  }, [slot]);
  return host;
}

/**
 * The built widget in a real srcdoc iframe with one of Appsmith's sandbox variants, spoken
 * to with Appsmith's message protocol by the same fake host the browser tests use.
 */
export function HostView() {
  const build = useBuildStatus();
  const slot = useRef<HTMLDivElement>(null);
  const host = useHost(slot);
  const variantId = useId();
  const [variant, setVariant] = useState<SandboxVariant>("current");
  const [theme, setTheme] = useState<AppTheme>(DEFAULT_THEME);
  const [generation, setGeneration] = useState(0);
  const initialModel = useRef({
    provider: previewProviderConfig(),
    view: "auto",
    refreshToken: "",
  });
  const model = useRef<Record<string, unknown>>(initialModel.current);
  const themeRef = useRef(theme);
  themeRef.current = theme;
  const log = useHostLog(host, generation, EVENTS);

  const reload = useCallback(() => {
    if (!host) return;
    const options = { model: model.current, events: EVENTS, theme: themeRef.current };
    host.load({ variant, ...options, ...authorCode() });
    setGeneration((g) => g + 1);
  }, [host, variant]);
  useEffect(() => {
    if (build === "ok") reload();
  }, [build, reload]);

  return (
    <div className="host-view">
      <h1>Appsmith host</h1>
      {build === "missing" ? (
        <p role="alert" className="preview-error">
          The built widget ({WIDGET_FILE} from dist/cdn) is missing: run <code>npm run build</code>{" "}
          first, then reload this page.
        </p>
      ) : null}
      <div className="host-grid">
        <section aria-label="Widget">
          <label htmlFor={variantId}>Sandbox </label>
          <select
            id={variantId}
            value={variant}
            onChange={(e) => setVariant(e.currentTarget.value as SandboxVariant)}
          >
            {Object.entries(VARIANTS).map(([value, label]) => (
              <option key={value} value={value}>
                {label}
              </option>
            ))}
          </select>
          <div ref={slot} className="host-slot" />
        </section>
        <section aria-labelledby="host-model-heading">
          <h2 id="host-model-heading">Model</h2>
          <ModelEditor
            initial={JSON.stringify(initialModel.current, null, 2)}
            onReset={(next) => {
              model.current = next;
              host?.resetModel(next);
            }}
            onReload={(next) => {
              model.current = next;
              reload();
            }}
          />
          <h2>Custom1.model (widget keys)</h2>
          <HostModelSummary host={host} />
        </section>
        <section aria-labelledby="host-theme-heading">
          <h2 id="host-theme-heading">App theme</h2>
          <ThemeSwitcher
            theme={theme}
            onChange={(next) => {
              setTheme(next);
              host?.setTheme(next);
            }}
          />
          {variant === "first-release" ? (
            <p className="muted">
              The first release never reports theme changes: reload the widget.
            </p>
          ) : null}
          <h2>Messages from the widget</h2>
          <LogList lines={log} />
        </section>
      </div>
    </div>
  );
}
