// The height each view of the widget needs: the built CDN file in the test suite's faithful
// Appsmith host (current sandbox, demo provider, no network), the frame set to each width,
// and the last height the frame reports through UPDATE_HEIGHT (what Appsmith's Auto Height
// follows) once it has been steady for 500 ms. The README's sizing table comes from here.
// `npm run bench:heights` (`--build` rebuilds dist/ first).
import { ensureBuilt, loadTestHelpers, servedRoots } from "./support.mjs";

const WIDTHS = [240, 320, 412];
const CSS = "#root { padding: 8px; }";

ensureBuilt();
const helpers = await loadTestHelpers();
const server = await helpers.startStaticServer(servedRoots());
const browser = await helpers.launchBrowser();

const fill = async (frame, email, password) => {
  await frame.getByLabel("Email").fill(email);
  await frame.getByLabel("Password", { exact: true }).fill(password);
};

// Each state: the Default Model's view, and what a user does to get there.
const STATES = [
  ["sign-in with a switch to sign-up (view auto)", "auto", async () => {}],
  [
    "sign-in with a wrong-password error (view login)",
    "login",
    async (frame) => {
      await fill(frame, "demo@example.com", "wrongpass");
      await frame.getByRole("button", { name: "Sign in", exact: true }).click();
      await frame.getByRole("alert").first().waitFor();
    },
  ],
  [
    "sign-up with the password policy hints (view signup)",
    "signup",
    async (frame) => {
      await frame.getByRole("button", { name: "Create account", exact: true }).waitFor();
    },
  ],
  [
    "signed in: the user and a logout button",
    "auto",
    async (frame) => {
      await fill(frame, "demo@example.com", "password123");
      await frame.getByRole("button", { name: "Sign in", exact: true }).click();
      await frame.getByText("Signed in as").waitFor();
    },
  ],
  ["signed out note (view logout)", "logout", async () => {}],
];

async function steadyHeight(page) {
  let last;
  let since = Date.now();
  for (const started = Date.now(); Date.now() - started < 15_000; ) {
    const heights = await page.evaluate(() => window.host.record.heights);
    const now = heights.at(-1);
    if (now !== last) {
      last = now;
      since = Date.now();
    } else if (now !== undefined && Date.now() - since >= 500) return now;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error("the frame's height never settled");
}

const rows = [];
try {
  for (const [name, view, reach] of STATES) {
    const row = { state: name };
    for (const width of WIDTHS) {
      const page = await browser.context.newPage();
      await page.goto(`${server.baseUrl}/host/appsmith-host.html`);
      await page.waitForFunction(() => "host" in window);
      await page.evaluate(
        ({ width, options }) => {
          document.querySelector(".widget").style.width = `${width + 8}px`;
          window.host.load(options);
          document.querySelector("iframe").style.width = `${width}px`;
        },
        {
          width,
          options: {
            variant: "current",
            html: '<div id="root"></div>',
            css: CSS,
            js: `import { mount } from "${server.baseUrl}/cdn/appsmith-auth-kit.widget.js";\nappsmith.onReady(() => mount(document.getElementById("root")));`,
            model: { provider: { type: "demo", latencyMs: 0 }, view },
          },
        },
      );
      const frame = page.frameLocator('iframe[title="Custom1"]');
      await frame.locator(".aak").first().waitFor();
      await reach(frame);
      row[`${width} px`] = await steadyHeight(page);
      await page.close();
    }
    rows.push(row);
  }
} finally {
  await browser.close();
  await server.stop();
}
console.log(`Reported frame height (px) with the CSS tab "${CSS}", by frame width:`);
console.table(rows);
