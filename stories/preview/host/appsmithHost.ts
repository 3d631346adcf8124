// The fake Appsmith page the widget's browser tests use (test/browser/host/appsmith-host.js)
// is reused here as it is: it builds the srcdoc with Appsmith's frame-side script, speaks
// the message protocol, and records what the widget sends. It binds to `#widget` when
// loaded, so the view creates that element before importing it.

/** One event the widget triggered, as the host recorded it. */
export interface RecordedEvent {
  name: string;
  context: Record<string, unknown>;
}

/** What the host recorded, in arrival order per kind; `messages` keeps the overall order. */
export interface HostRecord {
  events: RecordedEvent[];
  ignoredEvents: RecordedEvent[];
  modelUpdates: Record<string, unknown>[];
  messages: string[];
  heights: number[];
  readyCount: number;
}

/** Options of the host's `load`: the author's code, the Default Model, theme and sandbox. */
export interface HostLoadOptions {
  variant: SandboxVariant;
  model: Record<string, unknown>;
  events: string[];
  theme: Record<string, string>;
  html: string;
  js: string;
  css: string;
}

/** The host page's API (`window.host` on the test page). */
export interface AppsmithHost {
  record: HostRecord;
  load(options: HostLoadOptions): void;
  getModel(): Record<string, unknown>;
  resetModel(model: Record<string, unknown>): void;
  setTheme(theme: Record<string, string>): void;
  frame(): HTMLIFrameElement | null;
}

/** The three sandbox attributes Appsmith has used (see docs/appsmith-custom-widget.md). */
export type SandboxVariant = "first-release" | "current" | "no-sandbox";

// A variable, so TypeScript does not resolve the plain-JS test file; Vite serves it as is.
const HOST_MODULE = "/test/browser/host/appsmith-host.js";
let container: HTMLElement | undefined;
let loading: Promise<AppsmithHost> | undefined;

/** The element the host renders the widget's iframe into (created once, kept across views). */
export function hostContainer(): HTMLElement {
  container ??= Object.assign(document.createElement("div"), { id: "widget" });
  return container;
}

/** Loads the shared host once `hostContainer()` is in the document. */
export function loadAppsmithHost(): Promise<AppsmithHost> {
  loading ??= import(/* @vite-ignore */ HOST_MODULE).then(() => {
    const host = (window as unknown as { host?: AppsmithHost }).host;
    if (!host) throw new Error(`${HOST_MODULE} did not define window.host`);
    return host;
  });
  return loading;
}
