// `npm run screenshots`: a PNG of each key story in docs/screenshots/, for the README.
// Runs the preview on Vite's dev server and headless Debian Chromium (playwright-core).
import { mkdirSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { chromium } from "playwright-core";
import { createServer } from "vite";
import { CHROMIUM_FLAGS, CHROMIUM_PATH } from "./chromium.mjs";

const OUT = "docs/screenshots";
const READY = '#story-root[data-story-state="ready"]:not(:has([data-preparing]))';
/** Story id → file name. Each story's play function has put it in its state before the shot. */
const STORIES = {
  "components-loginform--empty": "login-empty",
  "components-loginform--validationerrors": "login-validation-errors",
  "components-loginform--pending": "login-pending",
  "components-loginform--passwordshown": "login-password-shown",
  "components-loginform--invalidcredentials": "login-invalid-credentials",
  "components-loginform--sessionexpired": "login-session-expired",
  "components-loginform--darkwitherror": "login-dark-error",
  "components-signupform--fullform": "signup-full-form",
  "components-signupform--emailtaken": "signup-email-taken",
  "components-signupform--confirmationneeded": "signup-confirmation-needed",
  "components-signupform--darkwitherrors": "signup-dark-error",
  "components-logoutbutton--signedincard": "logout-signed-in-card",
  "components-logoutbutton--signedin": "logout-signed-in",
  "components-logoutbutton--refreshing": "logout-refreshing",
  "widget-appsmith-widget--signedout": "widget-signed-out",
  "widget-appsmith-widget--narrow240": "widget-240px-error",
  "widget-appsmith-widget--narrow240signedin": "widget-240px-signed-in",
  "widget-appsmith-widget--invalidconfig": "widget-invalid-config",
};

const server = await createServer({
  configFile: "vite.config.ts",
  logLevel: "warn",
  clearScreen: false,
  // No file watching or HMR: an edit elsewhere must not reload a page mid-shot.
  server: { host: "127.0.0.1", port: 0, strictPort: false, open: false, hmr: false, watch: null },
});
await server.listen();
const base = `http://127.0.0.1:${server.httpServer.address().port}/`;
const profile = mkdtempSync(join(tmpdir(), "aak-screenshots-"));
const context = await chromium.launchPersistentContext(profile, {
  executablePath: CHROMIUM_PATH,
  headless: true,
  args: CHROMIUM_FLAGS,
  viewport: { width: 480, height: 640 },
});
let failed = false;
try {
  mkdirSync(OUT, { recursive: true });
  const page = context.pages()[0] ?? (await context.newPage());
  await page.goto(base);
  await page.waitForSelector("nav a[data-story-link]", { timeout: 60_000 });
  for (const [id, name] of Object.entries(STORIES)) {
    await page.goto(`${base}?story=${id}&embed=1`);
    await page.waitForSelector(READY, { timeout: 20_000 });
    // Let focus rings and the last re-render settle.
    await page.waitForTimeout(300);
    // The theme wrapper: a fixed-width story is shot at its own width.
    await page
      .locator("#story-root > *")
      .first()
      .screenshot({ path: join(OUT, `${name}.png`) });
    console.log(`wrote ${OUT}/${name}.png`);
  }
  await page.setViewportSize({ width: 1100, height: 700 });
  await page.goto(`${base}?story=components-loginform--success`);
  await page.waitForSelector(READY, { timeout: 20_000 });
  await page.waitForTimeout(1500);
  await page.screenshot({ path: join(OUT, "preview.png") });
  console.log(`wrote ${OUT}/preview.png`);
} catch (error) {
  failed = true;
  console.error(error);
} finally {
  await context.close();
  rmSync(profile, { recursive: true, force: true });
  await server.close();
}
process.exit(failed ? 1 : 0);
