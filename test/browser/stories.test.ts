// Every story of the local preview in headless Chromium: it must reach the state it shows
// (its play function passes), have no axe violations (WCAG 2.1 A and AA) and log no
// console error or uncaught exception. The preview runs on Vite's dev server, as `npm start`.
import AxeBuilder from "@axe-core/playwright";
import type { Page } from "playwright-core";
import { createServer, type ViteDevServer } from "vite";
import { collectProblems, type LaunchedBrowser, launchBrowser } from "./browser.js";
import { listStoryIds } from "./previewStories.js";

const WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"];
const READY = '#story-root[data-story-state="ready"]:not(:has([data-preparing]))';
const storyIds = listStoryIds();

let server: ViteDevServer;
let browser: LaunchedBrowser;
let page: Page;
let problems: string[];
let baseUrl: string;

beforeAll(async () => {
  server = await createServer({
    configFile: "vite.config.ts",
    logLevel: "warn",
    clearScreen: false,
    // No file watching or HMR: an edit elsewhere must not reload a page mid-check.
    server: { host: "127.0.0.1", port: 0, strictPort: false, open: false, hmr: false, watch: null },
  });
  await server.listen();
  const address = server.httpServer?.address();
  if (!address || typeof address === "string") throw new Error("Vite did not listen on a port");
  baseUrl = `http://127.0.0.1:${address.port}/`;
  browser = await launchBrowser();
  page = await browser.context.newPage();
  problems = collectProblems(page);
  // The first load lets Vite pre-bundle dependencies before any story is judged.
  await page.goto(baseUrl);
  await page.waitForSelector("nav a[data-story-link]", { timeout: 60_000 });
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

async function openStory(id: string): Promise<void> {
  problems.length = 0;
  await page.goto(`${baseUrl}?story=${id}`);
  const state = await page.waitForFunction(
    (selector) => {
      const root = document.querySelector("#story-root");
      if (root?.getAttribute("data-story-state") === "failed") return "failed";
      return document.querySelector(selector) ? "ready" : null;
    },
    READY,
    { timeout: 20_000 },
  );
  if ((await state.jsonValue()) === "failed") {
    const why = await page.locator(".preview-error").allTextContents();
    throw new Error(`${id}: its play function failed: ${why.join(" ")}`);
  }
}

it("lists exactly the stories found in stories/", async () => {
  await page.goto(baseUrl);
  const listed = await page.$$eval("nav a[data-story-link]", (links) =>
    links.map((link) => (link as HTMLElement).dataset.storyLink),
  );
  expect(listed).toEqual(storyIds);
  expect(storyIds.length).toBeGreaterThan(30);
});

describe.each(storyIds)("story %s", (id) => {
  it("shows its state with no axe violations and no console errors", async () => {
    await openStory(id);
    const results = await new AxeBuilder({ page })
      .include("#story-root")
      .withTags(WCAG_TAGS)
      .analyze();
    const violations = results.violations.map(
      (v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(" ")).join(", ")})`,
    );
    expect(violations).toEqual([]);
    expect(problems).toEqual([]);
  });
});

/** WCAG 2 contrast ratio of two sRGB colours given as [r, g, b] in 0–255. */
function contrast(a: number[], b: number[]): number {
  const luminance = (rgb: number[]) => {
    const [r = 0, g = 0, bl = 0] = rgb.map((value) => {
      const c = value / 255;
      return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
    });
    return 0.2126 * r + 0.7152 * g + 0.0722 * bl;
  };
  const [light, dark] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return ((light ?? 0) + 0.05) / ((dark ?? 0) + 0.05);
}

// axe skips disabled controls, so a faded pending button passes it: measured here instead.
it.each([
  ["components-loginform--pending", /signing in/i],
  ["components-signupform--pending", /creating account/i],
])("%s: the pending button's text keeps ≥ 4.5:1 and a spinner shows progress", async (id, name) => {
  await openStory(id);
  const button = page.locator("#story-root").getByRole("button", { name });
  const seen = await button.evaluate((element) => {
    const rgb = (colour: string) => (colour.match(/[\d.]+/g) ?? []).slice(0, 3).map(Number);
    let opacity = 1;
    for (let node: Element | null = element; node; node = node.parentElement)
      opacity *= Number(getComputedStyle(node).opacity);
    const style = getComputedStyle(element);
    const form = element.closest("form") as HTMLElement;
    return {
      opacity,
      text: rgb(style.color),
      background: rgb(style.backgroundColor),
      behind: rgb(getComputedStyle(form).backgroundColor),
      busy: form.getAttribute("aria-busy"),
      spinner: getComputedStyle(element, "::before").animationName,
    };
  });
  // What the eye sees: the button blended over the card by its (and its parents') opacity.
  const blend = (colour: number[]) =>
    colour.map((c, i) => c * seen.opacity + (seen.behind[i] ?? 0) * (1 - seen.opacity));
  expect(contrast(blend(seen.text), blend(seen.background))).toBeGreaterThanOrEqual(4.5);
  expect(seen.busy).toBe("true");
  expect(seen.spinner).toBe("aak-spin");
  // With reduced motion asked for, the ring stays still; the label still says it is busy.
  await page.emulateMedia({ reducedMotion: "reduce" });
  try {
    const still = await button.evaluate(
      (element) => getComputedStyle(element, "::before").animationName,
    );
    expect(still).toBe("none");
  } finally {
    await page.emulateMedia({ reducedMotion: null });
  }
});

it("the preview shell around a story has no axe violations", async () => {
  await openStory(storyIds[0] ?? "");
  const results = await new AxeBuilder({ page }).withTags(WCAG_TAGS).analyze();
  expect(results.violations.map((v) => `${v.id}: ${v.help}`)).toEqual([]);
  expect(problems).toEqual([]);
});

it("breaks sidebar headings only after a slash, never inside a word", async () => {
  await openStory(storyIds[0] ?? "");
  const headings = await page.$$eval(".sidebar h2", (elements) =>
    elements.map((heading) => {
      // Each word (of the text nodes between slashes) must sit on one line box.
      const walker = document.createTreeWalker(heading, NodeFilter.SHOW_TEXT);
      const split: string[] = [];
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        for (const word of (node.textContent ?? "").matchAll(/[^\s/]+/g)) {
          const range = document.createRange();
          range.setStart(node, word.index);
          range.setEnd(node, word.index + word[0].length);
          const tops = new Set([...range.getClientRects()].map((rect) => Math.round(rect.top)));
          if (tops.size > 1) split.push(word[0]);
        }
      }
      return { text: heading.textContent, split };
    }),
  );
  expect(headings.map((h) => h.text)).toContain("Components/LogoutButton");
  expect(headings.filter((h) => h.split.length > 0)).toEqual([]);
});

it("reaches the story's first control in a few Tabs through the skip link", async () => {
  await openStory("components-loginform--empty");
  await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
  await page.keyboard.press("Tab");
  expect(await page.evaluate(() => document.activeElement?.textContent)).toBe("Skip to the story");
  await page.keyboard.press("Enter");
  await page.keyboard.press("Tab");
  const focused = await page.evaluate(() => {
    const element = document.activeElement as HTMLInputElement | null;
    return {
      inStory: Boolean(element?.closest("#story-root")),
      label: element?.labels?.[0]?.textContent ?? null,
    };
  });
  expect(focused).toEqual({ inStory: true, label: "Email" });
});

it("says 'none yet' beside an empty event log, not as its first item", async () => {
  await openStory("components-loginform--empty");
  const log = page.locator(".live-panel .event-log");
  expect(await log.locator("li").count()).toBe(0);
  expect(await page.locator(".live-panel .log-empty").textContent()).toBe("none yet");
  expect(await page.locator("li", { hasText: "none yet" }).count()).toBe(0);
});

it("turns args into controls that re-render the story", async () => {
  await openStory("components-signupform--empty");
  const story = page.locator("#story-root");
  expect(await story.getByLabel("Confirm password", { exact: true }).count()).toBe(0);
  await page.getByLabel("confirmPassword", { exact: true }).check();
  await story.getByLabel("Confirm password", { exact: true }).waitFor();
});

it("runs the built widget in the Appsmith host view and logs what it sends", async () => {
  problems.length = 0;
  await page.goto(`${baseUrl}?view=host`);
  const frame = page.frameLocator("#widget iframe");
  await frame.getByLabel("Email", { exact: true }).fill("demo@example.com");
  await frame.getByLabel("Password", { exact: true }).fill("password123");
  await frame.getByRole("button", { name: "Sign in" }).click();
  await page.locator(".event-log", { hasText: "event onLogin demo@example.com" }).waitFor();
  await page.locator(".model-summary", { hasText: "set (not shown)" }).waitFor();
  // The log and the model summary never show a token.
  const accessToken = await frame
    .locator("body")
    .evaluate(
      () =>
        (window as unknown as { appsmith: { model: { accessToken: string } } }).appsmith.model
          .accessToken,
    );
  expect(accessToken.length).toBeGreaterThan(20);
  expect(await page.locator("main").textContent()).not.toContain(accessToken);
  expect(problems).toEqual([]);
});
