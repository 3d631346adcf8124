// Sign-in overhead: in the test suite's faithful Appsmith host (current sandbox), the kit's
// CDN file signs in against the local Firebase Auth Emulator. Measured per run:
//   kit      — from the click on "Sign in" (the click event's time in the frame) to the
//              onLogin event arriving at the host page (a message listener there)
//   baseline — the same request (POST accounts:signInWithPassword, same headers and body)
//              made with plain fetch from inside the same frame, until its JSON is read
// Each run first makes one unmeasured fetch, so connection and CORS preflight are warm for
// both. Overhead = median(kit) − median(baseline). `npm run bench:signin`.
import { ensureBuilt, loadTestHelpers, machine, median, ms, servedRoots } from "./support.mjs";

const RUNS = 15;
const WARMUP = 2;
const API_KEY = "demo-key";
const PASSWORD = "bench-password-9";

// Reports, on the shared clock, when the Sign in button is clicked.
const CLICK_PROBE = `
document.addEventListener("click", (event) => {
  const button = event.target.closest?.("button");
  if (button && button.textContent.trim() === "Sign in") {
    console.debug("aak-bench-click " + (performance.timeOrigin + event.timeStamp));
  }
}, true);`;

ensureBuilt();
const helpers = await loadTestHelpers();
const emulator = await helpers.startFirebaseEmulator();
const emulatorHost = new URL(emulator.baseUrl).host;
const identity = `${emulator.baseUrl}/identitytoolkit.googleapis.com/v1`;
const email = `bench-${Date.now()}@example.com`;
const signUp = await fetch(`${identity}/accounts:signUp?key=${API_KEY}`, {
  method: "POST",
  headers: { "content-type": "application/json" },
  body: JSON.stringify({ email, password: PASSWORD, returnSecureToken: true }),
});
if (!signUp.ok) throw new Error(`could not create the bench user: ${signUp.status}`);

const server = await helpers.startStaticServer(servedRoots());
const browser = await helpers.launchBrowser();
const page = await browser.context.newPage();
const clicks = [];
page.on("console", (message) => {
  const match = /^aak-bench-click (\d+(\.\d+)?)$/.exec(message.text());
  if (match) clicks.push(Number(match[1]));
});
page.on("pageerror", (error) => {
  console.error(`pageerror: ${error.message}`);
});

const widget = {
  variant: "current",
  events: ["onLogin", "onLogout", "onAuthError"],
  model: { provider: { type: "firebase", apiKey: API_KEY, emulatorHost }, view: "login" },
  html: '<div id="root"></div>',
  js: `import { mount } from "${server.baseUrl}/cdn/appsmith-auth-kit.widget.js";
${CLICK_PROBE}
appsmith.onReady(() => mount(document.getElementById("root")));`,
  css: "",
};
const request = {
  url: `${identity}/accounts:signInWithPassword?key=${API_KEY}`,
  body: JSON.stringify({ email, password: PASSWORD, returnSecureToken: true }),
};

// The same request the Firebase adapter makes (src/providers/firebase.ts, providers/http.ts).
async function plainFetch(frame) {
  return frame.evaluate(async ({ url, body }) => {
    const started = performance.now();
    const response = await fetch(url, {
      method: "POST",
      headers: { accept: "application/json", "content-type": "application/json" },
      body,
    });
    await response.json();
    if (!response.ok) throw new Error(`sign-in failed: ${response.status}`);
    return performance.now() - started;
  }, request);
}

async function once() {
  await page.evaluate((opts) => {
    window.aakLoginAt = null;
    window.host.load(opts);
  }, widget);
  const frameLocator = page.frameLocator('iframe[title="Custom1"]');
  const button = frameLocator.getByRole("button", { name: "Sign in", exact: true });
  await button.waitFor();
  const frame = page.frames().find((f) => f.parentFrame() === page.mainFrame());
  await frameLocator.getByLabel("Email").fill(email);
  await frameLocator.getByLabel("Password", { exact: true }).fill(PASSWORD);
  await plainFetch(frame); // warm connection and preflight, unmeasured
  const clicksBefore = clicks.length;
  await button.click();
  await page.waitForFunction(() => window.aakLoginAt !== null, null, { timeout: 15_000 });
  const loginAt = await page.evaluate(() => window.aakLoginAt);
  for (let waited = 0; clicks.length === clicksBefore; waited += 5) {
    if (waited > 5_000) throw new Error("the click probe never reported the click");
    await page.waitForTimeout(5);
  }
  const kit = loginAt - clicks[clicksBefore];
  const baseline = await plainFetch(frame);
  return { kit, baseline };
}

const times = { kit: [], baseline: [] };
try {
  console.log(`machine: ${machine()}`);
  await page.goto(`${server.baseUrl}/host/appsmith-host.html`);
  await page.waitForFunction(() => "host" in window);
  // Timestamps onLogin as the host page receives it (after the host's own listener).
  await page.evaluate(() => {
    window.addEventListener("message", (event) => {
      const data = event.data;
      if (data?.type === "CUSTOM_WIDGET_TRIGGER_EVENT" && data.data?.eventName === "onLogin") {
        window.aakLoginAt ??= performance.timeOrigin + performance.now();
      }
    });
  });
  for (let run = 0; run < WARMUP + RUNS; run += 1) {
    const result = await once();
    if (run >= WARMUP) {
      times.kit.push(result.kit);
      times.baseline.push(result.baseline);
    }
  }
} finally {
  await browser.close();
  await server.stop();
  await emulator.stop();
}

const kit = median(times.kit);
const baseline = median(times.baseline);
console.table([
  { side: "plain fetch of the same request (server + network)", median: ms(baseline), runs: RUNS },
  { side: "kit: click → onLogin at the host", median: ms(kit), runs: RUNS },
]);
console.log(`all kit runs (ms): ${times.kit.map((t) => t.toFixed(1)).join(" ")}`);
console.log(`all baseline runs (ms): ${times.baseline.map((t) => t.toFixed(1)).join(" ")}`);
console.log(
  `sign-in: kit ${ms(kit)} vs plain fetch ${ms(baseline)} (ratio ${(kit / baseline).toFixed(2)}); kit overhead ${ms(kit - baseline)}`,
);
