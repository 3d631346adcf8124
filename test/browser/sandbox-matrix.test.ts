// The built widget under each Appsmith sandbox variant (and with Web Storage blocked): storage
// falls back to memory without an error, and nothing the kit sends can stall the host's
// message queue. The flows themselves run per variant in appsmithWidget.test.ts.
import { inject } from "vitest";
import { type LaunchedBrowser, launchBrowser } from "./browser.js";
import {
  fillAndSubmit,
  found,
  load,
  openHost,
  PASSWORD,
  record,
  tokensIn,
  widget,
  widgetFrame,
} from "./reliabilityHost.js";

const base = inject("staticBaseUrl");
const provider = {
  type: "firebase",
  apiKey: "demo-key",
  emulatorHost: inject("firebaseEmulatorHost"),
};
const CDN = `${base}/cdn/appsmith-auth-kit.widget.js`;

// The author's JS tab: counts every payload handed to Appsmith (and whether structured
// cloning would refuse it), probes storage, sends one deliberately non-JSON payload through
// the kit's bridge, then mounts the widget.
const authorJs = (blockStorage: boolean) => `
import { mount, createAuthClient, createAdapter, createAppsmithBridge } from "${CDN}";
${
  blockStorage
    ? `for (const name of ["localStorage", "sessionStorage"]) {
  Object.defineProperty(window, name, { get() { throw new DOMException("blocked", "SecurityError"); } });
}`
    : ""
}
window.sent = { calls: 0, uncloneable: 0 };
for (const name of ["updateModel", "triggerEvent"]) {
  const original = appsmith[name];
  appsmith[name] = (...args) => {
    window.sent.calls += 1;
    try { structuredClone(args); } catch { window.sent.uncloneable += 1; }
    return original(...args);
  };
}
let storageThrows = false;
try { localStorage.getItem("probe"); } catch { storageThrows = true; }
window.probe = {
  origin: self.origin,
  storageThrows,
  persistence: createAuthClient({ adapter: createAdapter({ type: "demo" }) }).getState().persistence,
};
class Counter { constructor() { this.count = 1; } increment() { this.count += 1; } }
const hostile = { fn: () => 1, counter: new Counter(), when: new Date(0), big: 10n, nested: { gone: undefined, kept: "yes" } };
appsmith.onReady(() => {
  const bridge = createAppsmithBridge();
  bridge.updateModel({ probe: hostile });
  bridge.triggerEvent("onProbe", hostile);
  mount(document.getElementById("root"));
});`;

const PLAIN = {
  counter: { count: 1 },
  when: "1970-01-01T00:00:00.000Z",
  big: "10",
  nested: { kept: "yes" },
};

const rows = [
  { variant: "first-release", api: "first", sandboxed: true, blockStorage: false },
  { variant: "current", api: "current", sandboxed: true, blockStorage: false },
  { variant: "no-sandbox", api: "current", sandboxed: false, blockStorage: false },
  { variant: "no-sandbox", api: "current", sandboxed: false, blockStorage: true },
] as const;

let browser: LaunchedBrowser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

describe.each(rows)("sandbox $variant, storage blocked: $blockStorage", (row) => {
  it("falls back to memory quietly, and every payload reaches the host as plain JSON", async () => {
    const { page, consoleLines } = await openHost(browser, base);
    const frame = widget(page);
    await load(page, {
      variant: row.variant,
      api: row.api,
      html: '<div id="root"></div>',
      js: authorJs(row.blockStorage),
      model: { provider, view: "auto" },
    });
    const email = `matrix-${row.variant}-${row.blockStorage}-${Date.now()}@example.com`;
    await frame.getByRole("button", { name: /Create one/ }).click();
    await fillAndSubmit(frame, email, PASSWORD, "Create account");
    await expect.poll(() => frame.getByText(`Signed in as ${email}`).isVisible()).toBe(true);
    await frame.getByRole("button", { name: "Sign out" }).click();
    await fillAndSubmit(frame, email, "wrong-password-1", "Sign in");
    await expect.poll(async () => (await record(page)).events.at(-1)?.name).toBe("onAuthError");

    const inFrame = await widgetFrame(page);
    const probe = await inFrame.evaluate(() => (window as unknown as { probe: unknown }).probe);
    const storageGone = row.sandboxed || row.blockStorage;
    expect(probe).toEqual({
      origin: row.sandboxed ? "null" : new URL(base).origin,
      storageThrows: storageGone,
      persistence: storageGone ? "memory" : "local",
    });

    // Every call reached the host, which acknowledged it (the queue moves on only after an
    // acknowledgement): a payload that failed to clone would have stalled all later ones.
    const sent = () =>
      inFrame.evaluate(() => (window as unknown as { sent: { calls: number } }).sent);
    const delivered = async () => {
      const types = (await record(page)).messages;
      return types.filter((t) => /UPDATE_MODEL|TRIGGER_EVENT/.test(t)).length;
    };
    await expect.poll(async () => (await sent()).calls - (await delivered())).toBe(0);
    expect(await sent()).toMatchObject({ uncloneable: 0 });
    const recorded = await record(page);
    expect(recorded.modelUpdates[0]).toEqual({ probe: PLAIN });
    expect(recorded.ignoredEvents).toContainEqual({ name: "onProbe", context: PLAIN });

    // The widget never wrote the session into any storage it could reach.
    const tokens = tokensIn(recorded);
    expect(tokens.length).toBeGreaterThan(0);
    if (!row.blockStorage) {
      const stored = await inFrame.evaluate(() => {
        try {
          return JSON.stringify({ ...localStorage, ...sessionStorage });
        } catch {
          return "";
        }
      });
      expect(found(stored, tokens)).toEqual([]);
    }
    // Chromium's own network log of the refused sign-in is not the kit speaking.
    const problems = consoleLines.filter(
      (line) =>
        /^(pageerror|console\.(error|warning))/.test(line) &&
        !line.includes("Failed to load resource: the server responded with a status of 400"),
    );
    expect(problems).toEqual([]);
    await page.close();
  });
});
