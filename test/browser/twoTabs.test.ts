// Two tabs of one origin on a provider that rotates refresh tokens (oidc-provider, which
// refuses a spent refresh token and revokes its whole family), with and without Web Locks:
// both tabs' refresh timers fire at the same moment, 50 times over. The built CDN file's
// engine must spend each refresh token once, and both tabs must stay signed in.
//
// Time: Playwright's clock (one for the whole browser context) runs on its own and is jumped
// forward by the test to just before the access token expires, past the moment both tabs'
// timers are due, so they fire together; the network, the storage, the BroadcastChannel and
// the locks are real. The server's own record of each refresh grant is the proof.
import type { Page } from "playwright-core";
import { inject } from "vitest";
import { type OidcServer, startOidcServer } from "../servers/oidcServer.js";
import { collectProblems, type LaunchedBrowser, launchBrowser } from "./browser.js";

const base = inject("staticBaseUrl");
const CYCLES = 50;
const TTL_SECONDS = 600;
const MARGIN_MS = 120_000;
// How far before expiry each jump lands: past the refresh moment (expiry − margin), before expiry.
const LAND_BEFORE_EXPIRY_MS = 60_000;
const PASSWORD = "correct-horse-9";

type TabState = {
  status: string;
  refreshToken: string | null;
  accessToken: string | null;
  expiresAt: number | null;
  now: number;
  events: Array<{ type: string; reason?: string; code?: string }>;
};
type TabWindow = {
  tab: {
    start(options: Record<string, unknown>): void;
    signIn(email: string, password: string): Promise<void>;
    state(): TabState;
    hasLocks(): boolean;
  };
};

let browser: LaunchedBrowser;
let server: OidcServer;
// Closed after each test, passed or failed: a tab left running would go on refreshing.
const opened: Page[] = [];
afterEach(async () => {
  await Promise.all(opened.splice(0).map((page) => page.close()));
});

beforeAll(async () => {
  server = await startOidcServer(0, { accessTokenTtlSeconds: TTL_SECONDS });
  browser = await launchBrowser();
  // Installed before any page opens: every page of the context shares this one clock.
  await browser.context.clock.install();
});
afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

const state = (page: Page) => page.evaluate(() => (window as unknown as TabWindow).tab.state());

async function openTab(withLocks: boolean) {
  const page = await browser.context.newPage();
  opened.push(page);
  if (!withLocks) {
    // What a page on plain http at a LAN address gets: no secure context, no navigator.locks.
    await page.addInitScript(() => {
      delete (Navigator.prototype as { locks?: unknown }).locks;
    });
  }
  const problems = collectProblems(page);
  await page.goto(`${base}/host/two-tabs.html`);
  await page.waitForFunction(() => "tab" in window);
  expect(await page.evaluate(() => (window as unknown as TabWindow).tab.hasLocks())).toBe(
    withLocks,
  );
  return { page, problems };
}

/** Refresh tokens the server was shown more than once (each may be spent only once). */
function presentedTwice(since: number): string[] {
  const seen = new Set<string>();
  const twice = new Set<string>();
  for (const { refreshToken } of server.refreshGrants.slice(since)) {
    if (seen.has(refreshToken)) twice.add(refreshToken);
    seen.add(refreshToken);
  }
  return [...twice];
}

describe.each([
  { locks: true, name: "with Web Locks" },
  { locks: false, name: "without Web Locks" },
])("two tabs on a rotating provider, $name", ({ locks }) => {
  it(`both tabs' timers fire together ${CYCLES} times: each refresh token spent once, both tabs signed in`, async () => {
    const email = `tabs-${locks ? "locks" : "nolocks"}-${Date.now()}@example.com`;
    server.createUser(email, PASSWORD);
    const grantsBefore = server.refreshGrants.length;
    const revokedBefore = server.revokedGrants.length;
    const options = {
      provider: {
        type: "oauth2",
        tokenUrl: server.tokenUrl,
        clientId: server.clientId,
        scope: "openid email offline_access",
      },
      storageKey: `two-tabs-${locks ? "locks" : "nolocks"}`,
      refreshMarginMs: MARGIN_MS,
    };
    const a = await openTab(locks);
    const b = await openTab(locks);
    await a.page.evaluate((o) => (window as unknown as TabWindow).tab.start(o), options);
    await a.page.evaluate(
      ([e, p]) => (window as unknown as TabWindow).tab.signIn(e as string, p as string),
      [email, PASSWORD],
    );
    // Tab B opens after the sign-in and starts from the stored session.
    await b.page.evaluate((o) => (window as unknown as TabWindow).tab.start(o), options);
    let previous = (await state(a.page)).refreshToken;
    expect(previous).toEqual(expect.any(String));
    await expect
      .poll(async () => (await state(b.page)).refreshToken, { timeout: 10_000 })
      .toBe(previous);

    for (let cycle = 1; cycle <= CYCLES; cycle += 1) {
      const { expiresAt, now } = await state(a.page);
      expect(expiresAt).toEqual(expect.any(Number));
      const jump = (expiresAt as number) - now - LAND_BEFORE_EXPIRY_MS;
      expect(jump, `cycle ${cycle}: a fresh session before the jump`).toBeGreaterThan(MARGIN_MS);
      await browser.context.clock.fastForward(jump);
      // Both tabs end the cycle on one new session, or something went wrong: stop polling then.
      const settled = async () => {
        const [sa, sb] = await Promise.all([state(a.page), state(b.page)]);
        const converged =
          sa.status === "signed_in" &&
          sb.status === "signed_in" &&
          sa.refreshToken !== previous &&
          sa.refreshToken === sb.refreshToken;
        const broken =
          presentedTwice(grantsBefore).length > 0 ||
          [sa, sb].some(
            (s) => s.status === "signed_out" || s.events.some((e) => e.type === "signed_out"),
          );
        return { converged, broken };
      };
      await expect
        .poll(
          async () => {
            const s = await settled();
            return s.converged || s.broken;
          },
          { timeout: 15_000, message: `cycle ${cycle} settles` },
        )
        .toBe(true);
      expect(presentedTwice(grantsBefore), `cycle ${cycle}: a refresh token spent twice`).toEqual(
        [],
      );
      const [sa, sb] = await Promise.all([state(a.page), state(b.page)]);
      expect([sa.status, sb.status], `cycle ${cycle}`).toEqual(["signed_in", "signed_in"]);
      expect(sb.refreshToken, `cycle ${cycle}: both tabs hold the new session`).toBe(
        sa.refreshToken,
      );
      previous = sa.refreshToken;
    }

    const grants = server.refreshGrants.slice(grantsBefore);
    expect(grants.length).toBeGreaterThanOrEqual(CYCLES);
    expect(grants.filter((grant) => !grant.ok)).toEqual([]);
    expect(server.revokedGrants.length - revokedBefore).toBe(0);
    // The session both tabs hold is alive on the server.
    const userinfo = await fetch(`${server.issuer}/me`, {
      headers: { authorization: `Bearer ${(await state(a.page)).accessToken}` },
    });
    expect(userinfo.status).toBe(200);
    for (const tab of [a, b]) {
      expect((await state(tab.page)).events.filter((e) => e.type === "signed_out")).toEqual([]);
      expect(tab.problems).toEqual([]);
    }
  });
});
