// `npm run check:storybook`: builds stories/*.stories.tsx with real Storybook (pinned in this
// folder), serves the static build on 127.0.0.1 and opens every story's iframe in headless
// Debian Chromium. A story passes when Storybook reports it finished with status "success"
// (rendered, and its play function done) and the page logged no error of any kind.
import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync } from "node:fs";
import { createServer } from "node:http";
import { tmpdir } from "node:os";
import { dirname, extname, join, normalize } from "node:path";
import { fileURLToPath } from "node:url";
import { chromium } from "playwright-core";
import { CHROMIUM_FLAGS, CHROMIUM_PATH } from "../../scripts/chromium.mjs";

const here = dirname(fileURLToPath(import.meta.url));
const out = join(here, "storybook-static");
const STORY_TIMEOUT_MS = 30_000;
const TYPES = {
  ".html": "text/html",
  ".js": "text/javascript",
  ".mjs": "text/javascript",
  ".css": "text/css",
  ".json": "application/json",
  ".svg": "image/svg+xml",
  ".woff2": "font/woff2",
  ".png": "image/png",
};

function run(command, args) {
  const result = spawnSync(command, args, { cwd: here, stdio: "inherit" });
  if (result.status !== 0) process.exit(result.status ?? 1);
}

function build() {
  if (!existsSync(join(here, "node_modules/.bin/storybook"))) {
    console.log("=== installing tools/storybook-check (npm ci --ignore-scripts)");
    run("npm", ["ci", "--ignore-scripts", "--no-audit", "--no-fund"]);
  }
  console.log("=== storybook build");
  run("node_modules/.bin/storybook", ["build", "-c", ".storybook", "-o", out, "--quiet"]);
}

/** Serves the static build; resolves to its base URL once listening on an ephemeral port. */
function serve() {
  const server = createServer((request, response) => {
    // Chromium asks every new origin for /favicon.ico; Storybook ships none, and the 404 would
    // read as a console error of the first story.
    if (request.url === "/favicon.ico") {
      response.writeHead(204).end();
      return;
    }
    const path = normalize(decodeURIComponent(new URL(request.url ?? "/", "http://x").pathname));
    const file = join(out, path.endsWith("/") ? `${path}index.html` : path);
    if (!file.startsWith(out) || !existsSync(file) || !statSync(file).isFile()) {
      response.writeHead(404).end();
      return;
    }
    const type = TYPES[extname(file)] ?? "application/octet-stream";
    response.writeHead(200, { "content-type": type }).end(readFileSync(file));
  });
  return new Promise((resolve) => {
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      const port = typeof address === "object" && address ? address.port : 0;
      resolve({ server, base: `http://127.0.0.1:${port}` });
    });
  });
}

// Runs in the page before Storybook: catches its channel as it is created, so no event of a
// quick story is missed, and records the events that tell how the story ended.
function watchChannel() {
  const events = [];
  window.__storyCheck = events;
  const record = (name) => (payload) => events.push({ name, payload });
  let channel;
  Object.defineProperty(globalThis, "__STORYBOOK_ADDONS_CHANNEL__", {
    configurable: true,
    get: () => channel,
    set: (next) => {
      channel = next;
      for (const name of [
        "storyFinished",
        "storyErrored",
        "storyThrewException",
        "playFunctionThrewException",
        "unhandledErrorsWhilePlaying",
        "storyMissing",
      ]) {
        next.on(name, record(name));
      }
    },
  });
}

/** A readable one-line reason from a channel event's payload. */
function describe(event) {
  const { name, payload } = event;
  if (name === "storyFinished") return `finished with status ${payload?.status}`;
  const first = Array.isArray(payload) ? payload[0] : payload;
  const text = first?.message ?? first?.description ?? first?.title ?? JSON.stringify(first);
  return `${name}: ${String(text).split("\n")[0]}`;
}

async function checkStory(context, base, id) {
  const page = await context.newPage();
  const problems = [];
  page.on("pageerror", (error) => problems.push(`page error: ${error.message.split("\n")[0]}`));
  page.on("console", (message) => {
    if (message.type() === "error")
      problems.push(`console error: ${message.text().split("\n")[0]}`);
  });
  page.on("response", (response) => {
    if (response.status() >= 400) problems.push(`HTTP ${response.status()}: ${response.url()}`);
  });
  const started = Date.now();
  try {
    await page.goto(`${base}/iframe.html?id=${encodeURIComponent(id)}&viewMode=story`);
    await page.waitForFunction(
      () => window.__storyCheck.some((event) => event.name === "storyFinished"),
      undefined,
      { timeout: STORY_TIMEOUT_MS },
    );
    const events = await page.evaluate(() => window.__storyCheck);
    for (const event of events) {
      if (event.name !== "storyFinished" || event.payload?.status !== "success") {
        problems.push(describe(event));
      }
    }
    const rendered = await page.evaluate(
      () => (document.getElementById("storybook-root")?.textContent ?? "").trim().length > 0,
    );
    if (!rendered) problems.push("#storybook-root is empty");
  } catch (error) {
    problems.push(error instanceof Error ? error.message.split("\n")[0] : String(error));
  } finally {
    await page.close();
  }
  return { id, ms: Date.now() - started, problems };
}

async function main() {
  build();
  const index = JSON.parse(readFileSync(join(out, "index.json"), "utf8"));
  const stories = Object.values(index.entries).filter((entry) => entry.type === "story");
  const version = JSON.parse(
    readFileSync(join(here, "node_modules/storybook/package.json"), "utf8"),
  ).version;
  const { server, base } = await serve();
  const profile = mkdtempSync(join(tmpdir(), "storybook-check-"));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM_PATH,
    headless: true,
    args: CHROMIUM_FLAGS,
  });
  await context.addInitScript(watchChannel);
  const results = [];
  try {
    for (const story of stories) {
      const result = await checkStory(context, base, story.id);
      results.push(result);
      const mark = result.problems.length === 0 ? "✓" : "✗";
      console.log(`${mark} ${story.id.padEnd(48)} ${String(result.ms).padStart(6)} ms`);
      for (const problem of result.problems) console.log(`    ${problem}`);
    }
  } finally {
    await context.close();
    server.close();
    rmSync(profile, { recursive: true, force: true });
  }
  const failed = results.filter((result) => result.problems.length > 0).length;
  console.log(`\nStorybook ${version}: ${stories.length} stories`);
  console.log(`${results.length - failed} passed, ${failed} failed`);
  process.exit(failed === 0 && results.length > 0 ? 0 : 1);
}

await main();
