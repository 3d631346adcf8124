// The built CDN file in a cross-origin iframe of a standalone page, talking to its parent
// through the postMessage bridge: config in, events out, at one explicit origin only.
import type { FrameLocator, Page } from "playwright-core";
import { inject } from "vitest";
import { collectProblems, type LaunchedBrowser, launchBrowser } from "./browser.js";

const base = inject("staticBaseUrl");
// Same server, another origin: the kit's frame is cross-origin to the page that embeds it.
const frameBase = base.replace("127.0.0.1", "localhost");
const config = { provider: { type: "demo", latencyMs: 0 }, view: "login" };

type Received = Array<{
  source: string;
  type: string;
  name: string;
  payload: Record<string, unknown>;
}>;

let browser: LaunchedBrowser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

async function openParent(parentOriginForKit: string) {
  const page = await browser.context.newPage();
  const problems = collectProblems(page);
  const hash = encodeURIComponent(
    JSON.stringify({
      frameUrl: `${frameBase}/host/postmessage-frame.html?parent=${encodeURIComponent(parentOriginForKit)}`,
      frameOrigin: frameBase,
      config,
    }),
  );
  await page.goto(`${base}/host/postmessage-parent.html#${hash}`);
  return { page, problems, frame: page.frameLocator('iframe[name="kit"]') };
}

const received = (page: Page) =>
  page.evaluate(() => (window as unknown as { received: Received }).received);

describe("postMessage bridge in a cross-origin iframe", () => {
  let page: Page;
  let frame: FrameLocator;
  let problems: string[];

  beforeAll(async () => {
    ({ page, frame, problems } = await openParent(base));
  });
  afterAll(async () => {
    await page?.close();
  });

  it("announces itself and takes its config from the parent", async () => {
    await expect.poll(() => frame.getByRole("button", { name: "Sign in" }).isVisible()).toBe(true);
    expect((await received(page))[0]).toEqual({
      source: "appsmith-auth-kit",
      type: "ready",
      name: "ready",
      payload: {},
    });
  });

  it("ignores config posted by another window of the page", async () => {
    await page.evaluate(() =>
      (window as unknown as { spoof(message: unknown): void }).spoof({
        source: "appsmith-auth-kit",
        type: "config",
        payload: { provider: { type: "demo" }, view: "signup" },
      }),
    );
    await page.waitForTimeout(300);
    expect(await frame.getByRole("button", { name: "Create account" }).count()).toBe(0);
    expect(await frame.getByRole("button", { name: "Sign in" }).isVisible()).toBe(true);
  });

  it("posts the model and the onLogin event to the parent after a sign-in", async () => {
    await frame.getByLabel("Email").fill("demo@example.com");
    await frame.getByLabel("Password", { exact: true }).fill("password123");
    await frame.getByRole("button", { name: "Sign in" }).click();
    await expect
      .poll(async () => (await received(page)).find((message) => message.name === "onLogin"))
      .toMatchObject({
        type: "event",
        payload: { accessToken: expect.any(String), user: { email: "demo@example.com" } },
      });
    const models = (await received(page)).filter((message) => message.type === "model");
    expect(models.at(-1)?.payload).toMatchObject({
      status: "signed_in",
      user: { email: "demo@example.com" },
    });
    expect(problems).toEqual([]);
  });
});

describe("postMessage bridge with a parent at another origin than configured", () => {
  it("sends nothing to the page and accepts nothing from it", async () => {
    const { page, frame } = await openParent("http://example.invalid");
    // Without accepted config the widget says what is missing.
    await expect
      .poll(() => frame.getByRole("alert").first().textContent())
      .toMatch(/"provider" is missing/);
    await page.waitForTimeout(200);
    expect(await received(page)).toEqual([]);
    await page.close();
  });
});
