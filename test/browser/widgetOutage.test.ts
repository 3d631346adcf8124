// A page load of the built widget in the fake Appsmith host, restoring the session from the
// refresh token the app stored (the README's Default Model binding), while the Firebase Auth
// Emulator is unreachable behind a loopback proxy (connections dropped, then 503s), and again
// once the proxy passes through. And a guarded page opened with nothing to restore.
import type { Page } from "playwright-core";
import { inject } from "vitest";
import { type OutageProxy, startOutageProxy } from "../servers/outageProxy.js";
import { collectProblems, type LaunchedBrowser, launchBrowser } from "./browser.js";

const base = inject("staticBaseUrl");
const emulatorHost = inject("firebaseEmulatorHost");
const EVENTS = ["onSignup", "onLogin", "onTokenRefresh", "onLogout", "onAuthError", "onNoSession"];
const PASSWORD = "correct-horse-9";
const REFRESH_PATH = "/securetoken.googleapis.com/v1/token";
// A page load fetches and runs the 270 kB widget file: generous on 2 busy cores (a poll ends
// as soon as its condition holds).
const LOADED = { timeout: 15_000 };
const AUTHOR = {
  html: '<div id="root"></div>',
  js: `import { mount } from "${base}/cdn/appsmith-auth-kit.widget.js";

appsmith.onReady(() => {
  mount(document.getElementById("root"));
});`,
};

type Entry = { name: string; context: Record<string, unknown> };
type HostWindow = {
  host: {
    record: {
      events: Entry[];
      store: Record<string, unknown>;
      storeWrites: Array<{ key: string; value?: unknown }>;
      navigations: string[];
    };
    load(options: Record<string, unknown>): void;
    getModel(): Record<string, unknown>;
    resetModel(model: Record<string, unknown>): void;
  };
};

let browser: LaunchedBrowser;
let proxy: OutageProxy;
beforeAll(async () => {
  proxy = await startOutageProxy(emulatorHost);
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
  await proxy?.stop();
});

/** A user of the emulator and the refresh token an earlier sign-in left in appsmith.store. */
async function storedRefreshToken(email: string): Promise<string> {
  const url = `http://${emulatorHost}/identitytoolkit.googleapis.com/v1/accounts:signUp?key=demo-key`;
  const response = await fetch(url, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ email, password: PASSWORD, returnSecureToken: true }),
  });
  const body = (await response.json()) as { refreshToken?: string };
  if (!response.ok || typeof body.refreshToken !== "string") throw new Error("sign-up failed");
  return body.refreshToken;
}

async function openHost(expectedFailure: (url: string) => boolean = () => false) {
  const page = await browser.context.newPage();
  const problems = collectProblems(page, expectedFailure);
  await page.goto(`${base}/host/appsmith-host.html`);
  await page.waitForFunction(() => "host" in window);
  return { page, problems };
}

const record = (page: Page) => page.evaluate(() => (window as unknown as HostWindow).host.record);
const hostModel = (page: Page) =>
  page.evaluate(() => (window as unknown as HostWindow).host.getModel());
const named = async (page: Page, name: string) =>
  (await record(page)).events.filter((event) => event.name === name);
const refreshAttempts = (mode?: string) =>
  proxy.requests.filter(
    (r) =>
      r.method === "POST" && r.path === REFRESH_PATH && (mode === undefined || r.mode === mode),
  ).length;

/** A page load: the app's Default Model binds `refreshToken` to `appsmith.store.refreshToken`. */
function loadPage(page: Page, provider: Record<string, unknown>, store: Record<string, unknown>) {
  const model: Record<string, unknown> = { provider, view: "logout" };
  if (store.refreshToken !== undefined) model.refreshToken = store.refreshToken;
  return page.evaluate((options) => (window as unknown as HostWindow).host.load(options), {
    variant: "current",
    events: EVENTS,
    ...AUTHOR,
    model,
    app: { store, bindRefreshToken: true },
  });
}

describe("the widget in the Appsmith host when the auth server is unreachable", () => {
  it("restores through the outage: no onLogout, the stored token kept, onTokenRefresh once the server is back", async () => {
    const email = `outage-${Date.now()}@example.com`;
    const refreshToken = await storedRefreshToken(email);
    const provider = { type: "firebase", apiKey: "demo-key", emulatorHost: proxy.host };
    // Chromium logs every dropped or refused request as a console error: those are the outage.
    const { page, problems } = await openHost((url) => url.includes(proxy.host));
    proxy.mode = "drop";
    const before = refreshAttempts();
    await loadPage(page, provider, { refreshToken });

    await expect
      .poll(() => refreshAttempts("drop") > 0, { ...LOADED, message: "restore tried" })
      .toBe(true);
    proxy.mode = "unavailable";
    // The restore failed: the widget keeps the session and tries again (today it ends it).
    await expect
      .poll(
        async () =>
          refreshAttempts("unavailable") > 0 || (await named(page, "onLogout")).length > 0,
        { timeout: 20_000, message: "a retry, or the session ended" },
      )
      .toBe(true);
    expect(await named(page, "onLogout")).toEqual([]);
    await expect
      .poll(() => hostModel(page), LOADED)
      .toMatchObject({ status: "reconnecting", accessToken: null, user: null });
    // One onAuthError for the outage, with the transient code of its first failure, however
    // many retries fail.
    await expect.poll(() => named(page, "onAuthError"), LOADED).toHaveLength(1);
    expect((await named(page, "onAuthError"))[0]?.context).toEqual({
      action: "refresh",
      code: "network",
      message: expect.any(String),
    });
    const retries = refreshAttempts("unavailable");
    await expect
      .poll(() => refreshAttempts("unavailable"), { timeout: 20_000, message: "retries go on" })
      .toBeGreaterThan(retries);
    expect(await named(page, "onAuthError")).toHaveLength(1);

    proxy.mode = "pass";
    await expect
      .poll(() => named(page, "onTokenRefresh"), { timeout: 30_000, message: "restored" })
      .toHaveLength(1);
    const [restored] = await named(page, "onTokenRefresh");
    expect(restored?.context).toEqual({
      accessToken: expect.any(String),
      refreshToken,
      expiresAt: expect.any(Number),
      user: { id: expect.any(String), email },
    });
    await expect
      .poll(() => hostModel(page), LOADED)
      .toMatchObject({ status: "signed_in", accessToken: restored?.context.accessToken });
    const { events, store, storeWrites } = await record(page);
    expect(events.map((event) => event.name)).toEqual(["onAuthError", "onTokenRefresh"]);
    // The app's action never ran removeValue: the stored token is the one the page loaded with.
    expect(storeWrites.filter((write) => !("value" in write))).toEqual([]);
    expect(store.refreshToken).toBe(refreshToken);
    expect(refreshAttempts() - before).toBeGreaterThanOrEqual(3);
    expect(problems.filter((p) => !p.includes("Failed to load resource"))).toEqual([]);
    await page.close();
  });

  it("a guarded page opened with nothing to restore sends onNoSession once, and nothing else", async () => {
    const provider = { type: "firebase", apiKey: "demo-key", emulatorHost };
    const { page, problems } = await openHost();
    // The store never held a token (the binding gives ""), or the key is not in the model at all.
    for (const store of [{ refreshToken: "" }, {}]) {
      const before = (await record(page)).events.length;
      await loadPage(page, provider, store);
      await expect
        .poll(async () => (await record(page)).events.slice(before), {
          ...LOADED,
          message: "onNoSession",
        })
        .toEqual([{ name: "onNoSession", context: { reason: "no_session" } }]);
      await expect
        .poll(() => hostModel(page), LOADED)
        .toMatchObject({ status: "signed_out", accessToken: null, user: null });
      // Appsmith re-evaluating the Default Model (a reset to the same values) starts nothing.
      const model = await hostModel(page);
      await page.evaluate((m) => (window as unknown as HostWindow).host.resetModel(m), model);
      await page.waitForTimeout(300);
      expect((await record(page)).events.slice(before)).toHaveLength(1);
    }
    expect((await record(page)).navigations).toEqual(["Login", "Login"]);
    expect(problems).toEqual([]);
    await page.close();
  });
});
