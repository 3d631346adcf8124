// The built CDN file inside a fake Appsmith host that speaks the Custom Widget protocol,
// under each sandbox variant, against the Firebase Auth Emulator.
import type { FrameLocator, Page } from "playwright-core";
import { inject } from "vitest";
import { collectProblems, type LaunchedBrowser, launchBrowser } from "./browser.js";
import { expectFieldError, typeAndEnter } from "./keyboard.js";

const base = inject("staticBaseUrl");
const provider = {
  type: "firebase",
  apiKey: "demo-key",
  emulatorHost: inject("firebaseEmulatorHost"),
};
const EVENTS = ["onSignup", "onLogin", "onTokenRefresh", "onLogout", "onAuthError", "onNoSession"];
const THEME = {
  primaryColor: "#0b6e4f",
  backgroundColor: "#ffffff",
  borderRadius: "4px",
  boxShadow: "none",
};
const PASSWORD = "correct-horse-9";

// What the README tells users to paste, with the jsDelivr URL pointed at the local build.
const AUTHOR = {
  html: '<div id="root"></div>',
  js: `import { mount } from "${base}/cdn/appsmith-auth-kit.widget.js";

appsmith.onReady(() => {
  mount(document.getElementById("root"));
});`,
  css: "#root { padding: 4px; }",
};

type Recorded = {
  heights: number[];
  events: Array<{ name: string; context: Record<string, unknown> }>;
  ignoredEvents: unknown[];
  modelUpdates: Record<string, unknown>[];
  readyCount: number;
};
type HostWindow = {
  host: {
    record: Recorded;
    load(options: Record<string, unknown>): void;
    getModel(): Record<string, unknown>;
    setTheme(theme: Record<string, string>): void;
    resetModel(model: Record<string, unknown>): void;
  };
};

let browser: LaunchedBrowser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

async function openHost(): Promise<{ page: Page; problems: string[]; frameRequests: string[] }> {
  const page = await browser.context.newPage();
  const frameRequests: string[] = [];
  page.on("request", (request) => {
    if (request.frame() !== page.mainFrame()) frameRequests.push(request.url());
  });
  // Only the calls refused on purpose may fail: a wrong password (400
  // INVALID_LOGIN_CREDENTIALS) and a sign-up with a taken email or a weak password.
  const problems = collectProblems(page, (url) =>
    /^\/identitytoolkit\.googleapis\.com\/v1\/accounts:(signInWithPassword|signUp)\b/.test(
      url.slice(`http://${provider.emulatorHost}`.length),
    ),
  );
  await page.goto(`${base}/host/appsmith-host.html`);
  await page.waitForFunction(() => "host" in window);
  return { page, problems, frameRequests };
}

const record = (page: Page) => page.evaluate(() => (window as unknown as HostWindow).host.record);
const hostModel = (page: Page) =>
  page.evaluate(() => (window as unknown as HostWindow).host.getModel());
const events = async (page: Page, name: string) =>
  (await record(page)).events.filter((event) => event.name === name);

function load(page: Page, options: Record<string, unknown>) {
  return page.evaluate((opts) => (window as unknown as HostWindow).host.load(opts), {
    events: EVENTS,
    theme: THEME,
    ...AUTHOR,
    ...options,
  });
}

function widgetFrame(page: Page): FrameLocator {
  return page.frameLocator('iframe[title="Custom1"]');
}

async function fillAndSubmit(frame: FrameLocator, email: string, password: string, button: string) {
  await frame.getByLabel("Email").fill(email);
  await frame.getByLabel("Password", { exact: true }).fill(password);
  await frame.getByRole("button", { name: button, exact: true }).click();
}

const sessionContext = (email: string) => ({
  accessToken: expect.any(String),
  refreshToken: expect.any(String),
  expiresAt: expect.any(Number),
  user: { id: expect.any(String), email },
});

const variants = [
  { variant: "first-release", api: "first", liveTheme: false },
  { variant: "first-release", api: "current", liveTheme: true },
  { variant: "current", api: "current", liveTheme: true },
  { variant: "no-sandbox", api: "current", liveTheme: true },
] as const;

describe.each(variants)("sandbox $variant, $api API", ({ variant, api, liveTheme }) => {
  const email = `e2e-${variant}-${api}-${Date.now()}@example.com`;
  let page: Page;
  let problems: string[];
  let frameRequests: string[];
  let frame: FrameLocator;
  let refreshToken: string;

  beforeAll(async () => {
    ({ page, problems, frameRequests } = await openHost());
    frame = widgetFrame(page);
    await load(page, { variant, api, model: { provider, view: "auto" } });
  });
  afterAll(async () => {
    await page?.close();
  });

  it("loads the built file in the frame and writes the signed-out state", async () => {
    await expect
      .poll(() => frame.getByRole("button", { name: "Sign in", exact: true }).isVisible())
      .toBe(true);
    await expect
      .poll(() => hostModel(page))
      .toMatchObject({ status: "signed_out", accessToken: null });
    const sandbox = await page.locator("iframe").getAttribute("sandbox");
    expect(sandbox === null).toBe(variant === "no-sandbox");
    // One request for the whole kit: no chunks, no stylesheet, no other module.
    expect(frameRequests).toEqual([`${base}/cdn/appsmith-auth-kit.widget.js`]);
    // The current frame script reports the body's height; the first release did not.
    const { heights, readyCount } = await record(page);
    expect(readyCount).toBe(1);
    if (api === "current")
      await expect.poll(async () => (await record(page)).heights.length).toBeGreaterThan(0);
    else expect(heights).toEqual([]);
  });

  it("signs up by Email, Tab, password, Enter: model updated and onSignup with the tokens", async () => {
    await frame.getByRole("button", { name: /Create one/ }).click();
    await typeAndEnter(page, frame, email, PASSWORD);
    await expect.poll(() => frame.getByText(`Signed in as ${email}`).isVisible()).toBe(true);
    // The form shows the session before the host has the event: the frame's message queue
    // delivers one message per acknowledgement, so wait for it.
    await expect.poll(() => events(page, "onSignup")).toHaveLength(1);
    const [signup] = await events(page, "onSignup");
    expect(signup?.context).toEqual({ ...sessionContext(email), needsConfirmation: false });
    await expect
      .poll(() => hostModel(page))
      .toMatchObject({
        status: "signed_in",
        accessToken: signup?.context.accessToken,
        expiresAt: signup?.context.expiresAt,
        user: { email },
        error: null,
      });
    // The token goes to the model for the app's queries, never into the page.
    expect(await frame.locator("body").innerHTML()).not.toContain(
      signup?.context.accessToken as string,
    );
  });

  it("logs out: onLogout with its reason, model cleared", async () => {
    await frame.getByRole("button", { name: "Sign out" }).click();
    await expect
      .poll(() => events(page, "onLogout"))
      .toEqual([{ name: "onLogout", context: { reason: "user" } }]);
    await expect
      .poll(() => hostModel(page))
      .toMatchObject({ status: "signed_out", accessToken: null, user: null });
  });

  it("shows a taken email on the email field, focused, by keyboard alone", async () => {
    await frame.getByRole("button", { name: /Create one/ }).click();
    await typeAndEnter(page, frame, email, PASSWORD);
    await expectFieldError(frame, "Email", /already exists/);
    await expect
      .poll(async () => (await events(page, "onAuthError")).map((event) => event.context.code))
      .toEqual(["email_taken"]);
    await frame.getByRole("button", { name: /Already have an account/ }).click();
    await expect
      .poll(() => frame.getByRole("button", { name: /Create one/ }).isVisible())
      .toBe(true);
  });

  it("reports a wrong password through onAuthError and the form", async () => {
    // After a logout the auto view is back on the sign-in form.
    await fillAndSubmit(frame, email, "wrong-password-1", "Sign in");
    await expect
      .poll(async () => (await events(page, "onAuthError")).slice(1))
      .toEqual([
        {
          name: "onAuthError",
          context: { action: "sign_in", code: "invalid_credentials", message: expect.any(String) },
        },
      ]);
    await expect.poll(() => frame.getByRole("alert").first().textContent()).toMatch(/incorrect/);
    await expect
      .poll(() => hostModel(page))
      .toMatchObject({ error: { code: "invalid_credentials" } });
  });

  it("signs in by Email, Tab, password, Enter: onLogin with the tokens, model updated", async () => {
    await typeAndEnter(page, frame, email, PASSWORD);
    await expect.poll(() => events(page, "onLogin")).toHaveLength(1);
    const [login] = await events(page, "onLogin");
    expect(login?.context).toEqual(sessionContext(email));
    refreshToken = login?.context.refreshToken as string;
    await expect
      .poll(() => hostModel(page))
      .toMatchObject({
        status: "signed_in",
        accessToken: login?.context.accessToken,
        user: { email },
        error: null,
      });
  });

  it(liveTheme ? "follows a theme change live" : "keeps working without a theme API", async () => {
    const button = frame.getByRole("button", { name: "Sign out" });
    const colour = () => button.evaluate((element) => getComputedStyle(element).backgroundColor);
    const radius = () =>
      button.evaluate((element) => getComputedStyle(element).borderTopLeftRadius);
    if (liveTheme) {
      expect(await colour()).toBe("rgb(11, 110, 79)");
      await page.evaluate(() =>
        (window as unknown as HostWindow).host.setTheme({
          primaryColor: "#c2185b",
          borderRadius: "12px",
        }),
      );
      await expect.poll(colour).toBe("rgb(194, 24, 91)");
      expect(await radius()).toBe("12px");
    } else {
      // The first release had no theme: the kit's own default colour stays.
      expect(await colour()).toBe("rgb(37, 99, 235)");
    }
  });

  it("remounts with the stored refresh token and restores the session (onTokenRefresh)", async () => {
    const before = (await record(page)).events.length;
    await load(page, { variant, api, model: { provider, view: "auto", refreshToken } });
    await expect.poll(() => frame.getByText(`Signed in as ${email}`).isVisible()).toBe(true);
    await expect
      .poll(async () => (await record(page)).events.slice(before))
      .toEqual([{ name: "onTokenRefresh", context: sessionContext(email) }]);
    await expect
      .poll(() => hostModel(page))
      .toMatchObject({ status: "signed_in", user: { email } });
  });

  it("ignores the echo of its own writes and the app's storeValue of the same token", async () => {
    const writes = (await record(page)).modelUpdates.length;
    const model = await hostModel(page);
    await page.evaluate((m) => (window as unknown as HostWindow).host.resetModel(m), model);
    await page.waitForTimeout(300);
    const recorded = await record(page);
    expect(recorded.modelUpdates.length).toBe(writes);
    expect(recorded.events.filter((event) => event.name === "onTokenRefresh")).toHaveLength(1);
    expect(recorded.ignoredEvents).toEqual([]);
  });

  it("left no uncaught error or console error in any frame", () => {
    expect(problems).toEqual([]);
  });
});

describe("server errors that belong to a field, from the Auth Emulator", () => {
  it("shows WEAK_PASSWORD on the password field, focused, beside its hints", async () => {
    const { page, problems } = await openHost();
    const frame = widgetFrame(page);
    // A policy looser than the emulator's 6 characters lets the server be the one to refuse.
    const model = { provider, view: "signup", passwordPolicy: { minLength: 2 } };
    await load(page, { variant: "current", model });
    await typeAndEnter(page, frame, `weak-${Date.now()}@example.com`, "abc");
    await expectFieldError(frame, "Password", /too weak/);
    expect(await frame.getByLabel("Email").getAttribute("aria-invalid")).toBeNull();
    // The policy hints still describe the field, before the error.
    expect(
      await frame.getByLabel("Password", { exact: true }).getAttribute("aria-describedby"),
    ).toMatch(/ /);
    await expect
      .poll(async () => (await events(page, "onAuthError")).map((event) => event.context.code))
      .toEqual(["weak_password"]);
    expect(problems).toEqual([]);
    await page.close();
  });
});

describe("the fake host is faithful where it matters", () => {
  it("stalls its queue for good on a payload that cannot be cloned, and the error is seen", async () => {
    const { page, problems } = await openHost();
    await load(page, {
      variant: "current",
      model: {},
      js: `appsmith.onReady(() => {
  appsmith.updateModel({ bad: () => 1 });
  appsmith.updateModel({ good: true });
});`,
    });
    await expect.poll(() => problems.join("\n")).toMatch(/DataCloneError|could not be cloned/);
    await page.waitForTimeout(200);
    expect((await record(page)).modelUpdates).toEqual([]);
    await page.close();
  });

  it("lets an undeclared event do nothing", async () => {
    const { page } = await openHost();
    await load(page, {
      variant: "current",
      events: ["onLogin"],
      model: {},
      js: `appsmith.onReady(() => {
  appsmith.triggerEvent("onLogout", { reason: "user" });
  appsmith.triggerEvent("onLogin", { ok: true });
});`,
    });
    await expect
      .poll(async () => (await record(page)).events)
      .toEqual([{ name: "onLogin", context: { ok: true } }]);
    expect((await record(page)).ignoredEvents).toEqual([
      { name: "onLogout", context: { reason: "user" } },
    ]);
    await page.close();
  });
});
