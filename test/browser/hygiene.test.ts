// Token hygiene of the built files: run every flow, then look for each token issued during
// the run in the console (page and frame), the DOM (text, attributes, field values), the
// URLs and every error message. None may be found.
import type { Page } from "playwright-core";
import { inject } from "vitest";
import { type LaunchedBrowser, launchBrowser } from "./browser.js";
import {
  captureConsole,
  documentSurface,
  fillAndSubmit,
  found,
  hostModel,
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
const AUTHOR = {
  html: '<div id="root"></div>',
  js: `import { mount } from "${CDN}";\nappsmith.onReady(() => mount(document.getElementById("root")));`,
};
// Appsmith itself copies string model fields into CSS variables in the frame (see SECURITY.md).
const HOST_WRITTEN = "#appsmith-model-css-tokens";

let browser: LaunchedBrowser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

async function waitFor(check: () => Promise<boolean>, step = "") {
  await expect.poll(check, { timeout: 15_000, message: step }).toBe(true);
}

async function runWidgetFlows(page: Page, email: string, bogusToken: string) {
  const frame = widget(page);
  // The form shows the session before the host has the event (one message per acknowledgement).
  const eventNamed = async (name: string) => {
    await waitFor(
      async () => (await record(page)).events.some((event) => event.name === name),
      `${name} delivered`,
    );
    return (await record(page)).events.find((event) => event.name === name);
  };
  const signedIn = () => frame.getByText(`Signed in as ${email}`).isVisible();
  const signInButton = () =>
    frame.getByRole("button", { name: "Sign in", exact: true }).isVisible();
  await load(page, { ...AUTHOR, variant: "current", model: { provider, view: "auto" } });
  await waitFor(signInButton, "step 1");
  await frame.getByRole("button", { name: /Create one/ }).click();
  await fillAndSubmit(frame, email, PASSWORD, "Create account");
  await waitFor(signedIn, "step 2");
  // Appsmith's own frame script copies string model fields, the access token included, into
  // CSS variables of the frame document: the host's doing, excluded from the search below.
  const signup = await eventNamed("onSignup");
  await waitFor(async () => {
    const variables = await widgetFrame(page).then((f) => f.locator(HOST_WRITTEN).textContent());
    return variables?.includes(String(signup?.context.accessToken)) ?? false;
  }, "host copies the model into CSS variables");
  await frame.getByRole("button", { name: "Sign out" }).click();
  await waitFor(signInButton, "step 3");
  await fillAndSubmit(frame, email, "wrong-password-1", "Sign in");
  await waitFor(
    async () => /incorrect/.test((await frame.getByRole("alert").first().textContent()) ?? ""),
    "wrong password shown",
  );
  await frame.getByRole("button", { name: /Create one/ }).click();
  await fillAndSubmit(frame, email, PASSWORD, "Create account");
  await waitFor(
    async () => (await frame.getByLabel("Email").getAttribute("aria-invalid")) === "true",
    "email taken shown on its field",
  );
  await frame.getByRole("button", { name: /Sign in$/ }).click();
  await fillAndSubmit(frame, email, PASSWORD, "Sign in");
  await waitFor(signedIn, "step 4");
  const login = await eventNamed("onLogin");
  // Remount with the stored refresh token: the session is restored by a refresh.
  const refreshToken = login?.context.refreshToken as string;
  await load(page, {
    ...AUTHOR,
    variant: "current",
    model: { provider, view: "auto", refreshToken },
  });
  await waitFor(signedIn, "step 5");
  await frame.getByRole("button", { name: "Sign out" }).click();
  await waitFor(signInButton, "step 6");
  // A refresh token the provider refuses: the restore fails with an error.
  await load(page, {
    ...AUTHOR,
    variant: "current",
    model: { provider, view: "auto", refreshToken: bogusToken },
  });
  await waitFor(
    async () => (await record(page)).events.some((e) => e.context.action === "refresh"),
    "refused restore reported",
  );
}

describe("token hygiene of the built widget in the Appsmith host", () => {
  it("leaves no token in the console, the DOM, a URL or an error message", async () => {
    const email = `hygiene-${Date.now()}@example.com`;
    const bogus = `bogus-refresh-token-${Date.now()}`;
    const { page, consoleLines } = await openHost(browser, base);
    await runWidgetFlows(page, email, bogus);
    const recorded = await record(page);
    const names = recorded.events.map((event) => event.name);
    for (const name of ["onSignup", "onLogin", "onTokenRefresh", "onLogout", "onAuthError"]) {
      expect(names).toContain(name);
    }
    const issued = tokensIn(recorded);
    // Access token, its payload and a refresh token at least (the emulator may issue equal
    // tokens within one second).
    expect(issued.length).toBeGreaterThanOrEqual(3);
    const tokens = [...issued, bogus, PASSWORD];
    const frame = await widgetFrame(page);
    const errors = [
      ...recorded.events
        .filter((e) => e.name === "onAuthError")
        .map((e) => String(e.context.message)),
      ...recorded.modelUpdates.map((update) => JSON.stringify(update.error ?? null)),
    ];
    expect(errors.length).toBeGreaterThan(3);
    const surfaces = {
      console: consoleLines.join("\n"),
      page: await documentSurface(page),
      frame: await documentSurface(frame, HOST_WRITTEN),
      urls: `${page.url()}\n${frame.url()}`,
      errors: errors.join("\n"),
    };
    for (const [where, text] of Object.entries(surfaces)) {
      expect({ where, leaked: found(text, tokens) }).toEqual({ where, leaked: [] });
    }
    expect((await hostModel(page)).status).toBe("signed_out");
    await page.close();
  });
});

describe("token hygiene of the React package in a plain page", () => {
  it("mounted outside Appsmith, it leaves no token in the console, DOM or URL", async () => {
    const page = await browser.context.newPage();
    const consoleLines = captureConsole(page);
    const email = `plain-${Date.now()}@example.com`;
    const html = `<!doctype html><html lang="en"><body><div id="root"></div><script type="module">
import { mount } from "${CDN}";
window.kitEvents = [];
mount(document.getElementById("root"), {
  provider: ${JSON.stringify(provider)}, view: "auto",
  onHostEvent: (name, context) => window.kitEvents.push({ name, context }),
});
</script></body></html>`;
    // A page of the static server's origin (a route-fulfilled one would count as public
    // address space, and Chromium would block its calls to the loopback emulator).
    await page.goto(`${base}/plain/`);
    await page.setContent(html);
    const root = page.locator("body");
    await root.getByRole("button", { name: /Create one/ }).click();
    await root.getByLabel("Email").fill(email);
    await root.getByLabel("Password", { exact: true }).fill(PASSWORD);
    await root.getByRole("button", { name: "Create account", exact: true }).click();
    await expect.poll(() => root.getByText(`Signed in as ${email}`).isVisible()).toBe(true);
    await root.getByRole("button", { name: "Sign out" }).click();
    await root.getByLabel("Email").fill(email);
    await root.getByLabel("Password", { exact: true }).fill("wrong-password-1");
    await root.getByRole("button", { name: "Sign in", exact: true }).click();
    await expect
      .poll(async () => (await root.getByRole("alert").first().textContent()) ?? "")
      .toMatch(/incorrect/);
    const events = await page.evaluate(
      () => (window as unknown as { kitEvents: HostEvents }).kitEvents,
    );
    const tokens = [
      ...tokensIn({ events, ignoredEvents: [], modelUpdates: [], messages: [], readyCount: 0 }),
      PASSWORD,
    ];
    expect(tokens.length).toBeGreaterThan(2);
    const text = `${consoleLines.join("\n")}\n${await documentSurface(page)}\n${page.url()}`;
    expect(found(text, tokens)).toEqual([]);
    // Outside a sandbox Web Storage works, yet the widget keeps its session in memory only.
    const stored = await page.evaluate(() =>
      JSON.stringify({ ...localStorage, ...sessionStorage }),
    );
    expect(found(stored, tokens)).toEqual([]);
    await page.close();
  });
});

type HostEvents = Array<{ name: string; context: Record<string, unknown> }>;
