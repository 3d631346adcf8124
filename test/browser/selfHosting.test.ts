// The README's "try it now" path, for real: `npm run serve:cdn` (scripts/serve-cdn.mjs, run
// as a user runs it) serves the built file from a loopback port of its own; the fake
// Appsmith host, on another origin, loads it in the current sandbox (origin `null`) with
// the one-line demo Default Model, and the widget signs in. The same file from a server
// that omits `Access-Control-Allow-Origin` never runs: the widget stays blank.
import { type ChildProcess, spawn } from "node:child_process";
import { readFile } from "node:fs/promises";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { fileURLToPath } from "node:url";
import type { Page } from "playwright-core";
import { inject } from "vitest";
import { collectProblems, type LaunchedBrowser, launchBrowser } from "./browser.js";

const base = inject("staticBaseUrl");
const root = fileURLToPath(new URL("../..", import.meta.url));
const WIDGET = "appsmith-auth-kit.widget.js";
const EVENTS = ["onLogin", "onSignup", "onTokenRefresh", "onLogout", "onAuthError", "onNoSession"];

type HostWindow = {
  host: {
    record: { events: Array<{ name: string; context: Record<string, unknown> }> };
    load(options: Record<string, unknown>): void;
    getModel(): Record<string, unknown>;
  };
};

const readmeSource = (url: string) => ({
  html: '<div id="root"></div>',
  js: `import { mount } from "${url}";

appsmith.onReady(() => {
  mount(document.getElementById("root"));
});`,
});

let browser: LaunchedBrowser;
let serveCdn: ChildProcess;
let serveCdnUrl: string;
let bare: Server;
let bareUrl: string;

/** Starts `npm run serve:cdn -- --port 0` and waits for the URL it prints. */
function startServeCdn(): Promise<{ child: ChildProcess; url: string }> {
  const child = spawn("node", ["scripts/serve-cdn.mjs", "--port", "0"], {
    cwd: root,
    stdio: ["ignore", "pipe", "inherit"],
  });
  return new Promise((resolve, reject) => {
    let output = "";
    const timer = setTimeout(() => {
      child.kill("SIGTERM");
      reject(new Error(`serve:cdn printed no URL in 30 s: ${output}`));
    }, 30_000);
    child.once("exit", (code) => reject(new Error(`serve:cdn exited (${code}): ${output}`)));
    child.stdout?.on("data", (chunk: Buffer) => {
      output += chunk.toString();
      const url = /import \{ mount \} from "(http:\/\/127\.0\.0\.1:\d+\/[^"]+)"/.exec(output)?.[1];
      if (url === undefined) return;
      clearTimeout(timer);
      resolve({ child, url });
    });
  });
}

beforeAll(async () => {
  browser = await launchBrowser();
  ({ child: serveCdn, url: serveCdnUrl } = await startServeCdn());
  // A host that serves the same file but, like a plain static server, sends no CORS header.
  const file = await readFile(`${root}dist/cdn/${WIDGET}`);
  bare = createServer((_request, response) => {
    response.writeHead(200, { "Content-Type": "text/javascript; charset=utf-8" });
    response.end(file);
  });
  await new Promise<void>((resolve) => bare.listen(0, "127.0.0.1", resolve));
  bareUrl = `http://127.0.0.1:${(bare.address() as AddressInfo).port}/${WIDGET}`;
});
afterAll(async () => {
  await browser?.close();
  if (serveCdn?.pid !== undefined) process.kill(serveCdn.pid, "SIGTERM");
  await new Promise<void>((resolve) => (bare ? bare.close(() => resolve()) : resolve()));
});

async function openHost(): Promise<Page> {
  const page = await browser.context.newPage();
  await page.goto(`${base}/host/appsmith-host.html`);
  await page.waitForFunction(() => "host" in window);
  return page;
}

const load = (page: Page, url: string) =>
  page.evaluate(
    (options) => (window as unknown as HostWindow).host.load(options),
    // The README's one-line Default Model for a first try.
    {
      variant: "current",
      events: EVENTS,
      model: { provider: { type: "demo" } },
      ...readmeSource(url),
    },
  );

describe("self-hosting the built widget file", () => {
  it("served by npm run serve:cdn (with the header): loads in the sandboxed frame and signs in on the demo", async () => {
    const page = await openHost();
    const problems = collectProblems(page);
    const response = await fetch(serveCdnUrl);
    expect(response.headers.get("access-control-allow-origin")).toBe("*");
    expect(new URL(serveCdnUrl).origin).not.toBe(new URL(base).origin);

    await load(page, serveCdnUrl);
    const frame = page.frameLocator('iframe[title="Custom1"]');
    await frame.getByLabel("Email").fill("demo@example.com");
    await frame.getByLabel("Password", { exact: true }).fill("password123");
    await frame.getByRole("button", { name: "Sign in", exact: true }).click();
    await expect
      .poll(() => frame.getByText("Signed in as demo@example.com").isVisible())
      .toBe(true);
    await expect
      .poll(async () =>
        (await page.evaluate(() => (window as unknown as HostWindow).host.record.events)).map(
          (event) => event.name,
        ),
      )
      .toContain("onLogin");
    await expect
      .poll(() => page.evaluate(() => (window as unknown as HostWindow).host.getModel()))
      .toMatchObject({ status: "signed_in", user: { email: "demo@example.com" } });
    expect(problems).toEqual([]);
    await page.close();
  });

  it("served without Access-Control-Allow-Origin: the module is blocked and the widget stays blank", async () => {
    const page = await openHost();
    const failed: string[] = [];
    page.on("requestfailed", (request) => failed.push(request.url()));
    const console: string[] = [];
    page.on("console", (message) => console.push(message.text()));

    await load(page, bareUrl);
    // Wait for the proof of failure (the blocked request), then look at the frame.
    await expect.poll(() => failed, { timeout: 30_000 }).toContain(bareUrl);
    await expect
      .poll(() => console.join("\n"))
      .toMatch(/blocked by CORS policy: No 'Access-Control-Allow-Origin' header/);
    const frame = page.frameLocator('iframe[title="Custom1"]');
    expect(await frame.locator("#root").innerHTML()).toBe("");
    expect(await frame.getByRole("button").count()).toBe(0);
    const model = await page.evaluate(() => (window as unknown as HostWindow).host.getModel());
    expect(model.status).toBeUndefined();
    await page.close();
  });
});
