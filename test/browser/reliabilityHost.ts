// Shared by hygiene.test.ts and sandbox-matrix.test.ts: drives the widget helper's fake
// Appsmith host (test/browser/host/appsmith-host.*) and records every console message of
// the page and its frames, and searches a page for secrets.
import type { Frame, FrameLocator, Page } from "playwright-core";
import type { LaunchedBrowser } from "./browser.js";

/** What the fake host records (see appsmith-host.js). */
export interface HostRecord {
  events: Array<{ name: string; context: Record<string, unknown> }>;
  ignoredEvents: Array<{ name: string; context: Record<string, unknown> }>;
  modelUpdates: Record<string, unknown>[];
  messages: string[];
  readyCount: number;
}
type HostWindow = {
  host: {
    record: HostRecord;
    load(options: Record<string, unknown>): void;
    getModel(): Record<string, unknown>;
  };
};

export const EVENTS = [
  "onSignup",
  "onLogin",
  "onTokenRefresh",
  "onLogout",
  "onAuthError",
  "onNoSession",
];
export const PASSWORD = "correct-horse-9";

/** Every console message (any type, any frame) and uncaught error of a page, as text. */
export function captureConsole(page: Page): string[] {
  const lines: string[] = [];
  page.on("console", (message) => lines.push(`console.${message.type()}: ${message.text()}`));
  page.on("pageerror", (error) => lines.push(`pageerror: ${error.name}: ${error.message}`));
  return lines;
}

/** Opens the fake Appsmith host in a new page. */
export async function openHost(browser: LaunchedBrowser, base: string) {
  const page = await browser.context.newPage();
  const consoleLines = captureConsole(page);
  await page.goto(`${base}/host/appsmith-host.html`);
  await page.waitForFunction(() => "host" in window);
  return { page, consoleLines };
}

/** Loads (or reloads) the widget with the given author code, model and sandbox variant. */
export function load(page: Page, options: Record<string, unknown>) {
  return page.evaluate((opts) => (window as unknown as HostWindow).host.load(opts), {
    events: EVENTS,
    css: "",
    ...options,
  });
}

export const record = (page: Page) =>
  page.evaluate(() => (window as unknown as HostWindow).host.record);
export const hostModel = (page: Page) =>
  page.evaluate(() => (window as unknown as HostWindow).host.getModel());
export const widget = (page: Page): FrameLocator => page.frameLocator('iframe[title="Custom1"]');

/** The widget's frame object (for evaluation inside it). */
export async function widgetFrame(page: Page): Promise<Frame> {
  const handle = await page.waitForSelector('iframe[title="Custom1"]', { state: "attached" });
  const frame = await handle.contentFrame();
  if (!frame) throw new Error("the widget frame has no content");
  return frame;
}

export async function fillAndSubmit(
  frame: FrameLocator,
  email: string,
  password: string,
  button: string,
) {
  await frame.getByLabel("Email").fill(email);
  await frame.getByLabel("Password", { exact: true }).fill(password);
  await frame.getByRole("button", { name: button, exact: true }).click();
}

/**
 * Everything a document shows or carries, for a secret search: its URL, the text and every
 * attribute of every element, and the live value of every form field. `skip` names elements
 * (by CSS selector) whose content the host, not the kit, writes.
 */
export function documentSurface(frame: Frame | Page, skip = ""): Promise<string> {
  return frame.evaluate((skipSelector) => {
    const parts: string[] = [location.href];
    for (const element of Array.from(document.querySelectorAll("*"))) {
      if (skipSelector && element.matches(skipSelector)) continue;
      for (const attribute of Array.from(element.attributes)) {
        parts.push(`${attribute.name}=${attribute.value}`);
      }
      for (const node of Array.from(element.childNodes)) {
        if (node.nodeType === Node.TEXT_NODE) parts.push(node.textContent ?? "");
      }
      if (element instanceof HTMLInputElement || element instanceof HTMLTextAreaElement) {
        parts.push(element.value);
      }
    }
    return parts.join("\n");
  }, skip);
}

/** The token strings issued during a run, from the host's event log and model writes. */
export function tokensIn(recorded: HostRecord): string[] {
  const tokens = new Set<string>();
  const add = (value: unknown) => {
    if (typeof value !== "string" || value.length < 16) return;
    tokens.add(value);
    // A JWT's payload alone identifies it too.
    const payload = value.split(".")[1];
    if (payload && payload.length >= 16) tokens.add(payload);
  };
  for (const entry of [...recorded.events, ...recorded.ignoredEvents]) {
    add(entry.context.accessToken);
    add(entry.context.refreshToken);
  }
  for (const update of recorded.modelUpdates) add(update.accessToken);
  return [...tokens];
}

/** The secrets of `secrets` found in `haystack`, shortened for a readable failure. */
export function found(haystack: string, secrets: readonly string[]): string[] {
  return secrets.filter((secret) => haystack.includes(secret)).map((s) => `${s.slice(0, 12)}…`);
}
