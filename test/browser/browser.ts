// One headless Debian Chromium per test file, driven by playwright-core (no browser
// download), plus a collector of everything that went wrong in any frame of a page.
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { type BrowserContext, chromium, type Page } from "playwright-core";
import { CHROMIUM_FLAGS, CHROMIUM_PATH } from "../../scripts/chromium.mjs";

/** A launched browser context and how to close it (and remove its profile). */
export interface LaunchedBrowser {
  context: BrowserContext;
  close(): Promise<void>;
}

/**
 * Launches Chromium with a throwaway profile (launch() refuses --user-data-dir); `args`
 * default to the tests' flags (sandboxed frames kept in the page's process).
 */
export async function launchBrowser(args: string[] = CHROMIUM_FLAGS): Promise<LaunchedBrowser> {
  const profile = await mkdtemp(join(tmpdir(), "aak-chromium-"));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM_PATH,
    headless: true,
    args,
  });
  return {
    context,
    async close() {
      await context.close();
      await rm(profile, { recursive: true, force: true });
    },
  };
}

/**
 * Uncaught errors and console errors or warnings of every frame of `page`, as text.
 * `expectedRequest` names resources whose failure Chromium logs but the test caused on
 * purpose (a 400 from the auth server for a wrong password is a network log, not an error).
 */
export function collectProblems(
  page: Page,
  expectedRequest: (url: string) => boolean = () => false,
): string[] {
  const problems: string[] = [];
  page.on("pageerror", (error) => problems.push(`pageerror: ${error.name}: ${error.message}`));
  page.on("console", (message) => {
    if (message.type() !== "error" && message.type() !== "warning") return;
    const { url } = message.location();
    if (message.text().startsWith("Failed to load resource") && expectedRequest(url)) return;
    problems.push(`console.${message.type()}: ${message.text()} (${url})`);
  });
  return problems;
}
