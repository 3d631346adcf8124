// Auth flow overhead in an Appsmith Custom Widget: the kit's CDN file against a fair baseline
// in the same sandboxed frame of the test suite's faithful Appsmith host (current sandbox),
// both on the local Firebase Auth Emulator. Four flows, each with its own baseline (plain
// buttons and a plain timer, bench/fixtures/flow-baseline.js, making the adapter's request,
// then updateModel + triggerEvent as the widget does):
//   sign-in   click handler → onLogin at the host page
//   refresh   the refresh timer firing → onTokenRefresh at the host page
//   sign-out  click handler → onLogout at the host page
//   sign-up   click handler → onSignup at the host page
// Start stamps are taken in the frame (bench/fixtures/flow-probe.js), end stamps by a message
// listener on the host page, both as performance.timeOrigin + performance.now(). Two process
// layouts: Chromium's default, where the sandboxed frame has a renderer of its own (the
// headline: how Appsmith users run it), and the tests' shared process. Kit and baseline runs
// alternate ABBA, WARMUP rounds discarded. `npm run bench:signin` (`--build` rebuilds dist/,
// `--rounds N` measures N rounds per layout).
import { readFileSync } from "node:fs";
import { CHROMIUM_DEFAULT_LAYOUT_FLAGS, CHROMIUM_FLAGS } from "../scripts/chromium.mjs";
import {
  ensureBuilt,
  load,
  loadTestHelpers,
  machine,
  median,
  ms,
  percentile,
  root,
  servedRoots,
} from "./support.mjs";
import { clockOffset, createFlows, listenForEvents } from "./widget-flows.mjs";

const roundsArg = process.argv.indexOf("--rounds");
const ROUNDS = roundsArg > 0 ? Number(process.argv[roundsArg + 1]) : 30;
const WARMUP = 3;
const API_KEY = "demo-key";
const PASSWORD = "bench-password-9";
// The budget: kit − baseline, sign-in, median, default layout.
const BUDGET_MS = 2;

const LAYOUTS = [
  { name: "default (frame isolated)", args: CHROMIUM_DEFAULT_LAYOUT_FLAGS, isolated: true },
  { name: "shared process (tests)", args: CHROMIUM_FLAGS, isolated: false },
];
const FLOWS = [
  ["signin", "sign-in: click → onLogin"],
  ["refresh", "refresh: timer → onTokenRefresh"],
  ["signout", "sign-out: click → onLogout"],
  ["signup", "sign-up: click → onSignup"],
];

const fixture = (name) => readFileSync(`${root}bench/fixtures/${name}`, "utf8");

ensureBuilt();
const helpers = await loadTestHelpers();
const emulator = await helpers.startFirebaseEmulator();
const emulatorHost = new URL(emulator.baseUrl).host;
const identity = `${emulator.baseUrl}/identitytoolkit.googleapis.com/v1`;
const secureToken = `${emulator.baseUrl}/securetoken.googleapis.com/v1`;
const urls = {
  signIn: `${identity}/accounts:signInWithPassword?key=${API_KEY}`,
  signUp: `${identity}/accounts:signUp?key=${API_KEY}`,
  refresh: `${secureToken}/token?key=${API_KEY}`,
};
const stamp = Date.now();
let accounts = 0;
const newEmail = (side) => {
  accounts += 1;
  return `bench-${side}-${stamp}-${accounts}@example.com`;
};
const email = newEmail("signin");
const created = await fetch(urls.signUp, {
  method: "POST",
  headers: { "content-type": "application/json" },
  body: JSON.stringify({ email, password: PASSWORD, returnSecureToken: true }),
});
if (!created.ok) throw new Error(`could not create the bench user: ${created.status}`);
const server = await helpers.startStaticServer(servedRoots());

const widget = {
  variant: "current",
  events: ["onLogin", "onSignup", "onTokenRefresh", "onLogout", "onAuthError", "onNoSession"],
  model: { provider: { type: "firebase", apiKey: API_KEY, emulatorHost }, view: "auto" },
  // The baseline's plain controls, outside the kit's root, in the page's normal flow.
  html: `<div id="root"></div>
<div id="baseline">
  <input id="bl-email" aria-label="Baseline email" />
  <input id="bl-password" type="password" aria-label="Baseline password" />
  <button type="button" id="bl-signin">Baseline sign-in</button>
  <button type="button" id="bl-signup">Baseline sign-up</button>
  <button type="button" id="bl-signout">Baseline sign-out</button>
</div>`,
  js: `import { mount } from "${server.baseUrl}/cdn/appsmith-auth-kit.widget.js";
const AAK_BASELINE = ${JSON.stringify({ identity, secureToken, apiKey: API_KEY })};
${fixture("flow-probe.js")}
${fixture("flow-baseline.js")}
appsmith.onReady(() => mount(document.getElementById("root")));`,
  css: "",
};

/** Whether the widget's frame runs in a renderer of its own (an "iframe" target to CDP). */
async function frameIsolated(page) {
  const cdp = await page.context().newCDPSession(page);
  const { targetInfos } = await cdp.send("Target.getTargets");
  await cdp.detach();
  return targetInfos.some((target) => target.type === "iframe");
}

async function measureLayout(layout) {
  const browser = await helpers.launchBrowser(layout.args);
  const times = Object.fromEntries(FLOWS.map(([flow]) => [flow, { kit: [], baseline: [] }]));
  try {
    const page = await browser.context.newPage();
    page.on("pageerror", (error) => console.error(`pageerror: ${error.message}`));
    await page.goto(`${server.baseUrl}/host/appsmith-host.html`);
    await page.waitForFunction(() => "host" in window);
    await listenForEvents(page);
    await page.evaluate((options) => window.host.load(options), widget);
    const frameLocator = page.frameLocator('iframe[title="Custom1"]');
    await frameLocator.getByRole("button", { name: "Sign in", exact: true }).waitFor();
    const frame = page.frames().find((f) => f.parentFrame() === page.mainFrame());
    const isolated = await frameIsolated(page);
    if (isolated !== layout.isolated) {
      throw new Error(`${layout.name}: the frame is ${isolated ? "" : "not "}in its own process`);
    }
    const offset = await clockOffset(page);
    const flows = createFlows({
      page,
      frame,
      widget: frameLocator,
      urls,
      password: PASSWORD,
      newEmail,
    });
    const started = Date.now();
    const loadBefore = load();
    for (let round = 0; round < WARMUP + ROUNDS; round += 1) {
      // ABBA: the kit first in even rounds, the baseline first in odd ones.
      const order = round % 2 === 0 ? ["kit", "baseline"] : ["baseline", "kit"];
      for (const [flow] of FLOWS) {
        for (const side of order) {
          const took = await flows[flow][side](email);
          if (round >= WARMUP) times[flow][side].push(took);
        }
      }
    }
    return { times, offset, seconds: (Date.now() - started) / 1000, loadBefore, loadAfter: load() };
  } finally {
    await browser.close();
  }
}

const spread = (values) => ({
  median: median(values),
  p25: percentile(values, 25),
  p75: percentile(values, 75),
  min: Math.min(...values),
  max: Math.max(...values),
});
const f1 = (n) => n.toFixed(1);

const phases = (runs, phase) => runs.map((run) => run[phase]).filter((t) => t !== undefined);

function report(layout, result) {
  const { times, offset } = result;
  console.log(
    `\n## ${layout.name}: ${ROUNDS} rounds after ${WARMUP} warm-up, ${f1(result.seconds)} s`,
  );
  console.log(`${result.loadBefore} before, ${result.loadAfter} after`);
  console.log(
    `frame clock − host clock: ${offset.offset.toFixed(2)} ms (best ping round trip ${offset.rtt.toFixed(2)} ms; performance.now() ticks 0.1 ms); a constant offset cancels out of kit − baseline`,
  );
  const rows = [];
  const parts = [];
  const overheads = {};
  for (const [flow, label] of FLOWS) {
    const kit = spread(phases(times[flow].kit, "total"));
    const baseline = spread(phases(times[flow].baseline, "total"));
    overheads[flow] = kit.median - baseline.median;
    for (const [side, s] of [
      ["baseline", baseline],
      ["kit", kit],
    ]) {
      rows.push({
        flow: label,
        side,
        median: ms(s.median),
        "p25–p75": `${f1(s.p25)}–${f1(s.p75)}`,
        "min–max": `${f1(s.min)}–${f1(s.max)}`,
        "kit − baseline": side === "kit" ? ms(overheads[flow]) : "",
      });
      const runs = times[flow][side];
      if (phases(runs, "request").length === 0) continue;
      const part = (phase) => ms(median(phases(runs, phase)));
      parts.push({
        flow: label,
        side,
        "start → fetch()": part("before"),
        "request (to last byte)": part("request"),
        "reply → event at host": part("after"),
      });
    }
  }
  console.table(rows);
  console.log("where the time went (medians of each part, frame resource timing):");
  console.table(parts);
  for (const [flow] of FLOWS) {
    for (const side of ["kit", "baseline"]) {
      console.log(
        `${flow} runs (ms), ${side}: ${phases(times[flow][side], "total").map(f1).join(" ")}`,
      );
    }
  }
  return overheads;
}

try {
  console.log(`machine: ${machine()}`);
  const summary = [];
  for (const layout of LAYOUTS) {
    const overheads = report(layout, await measureLayout(layout));
    const cells = FLOWS.map(([flow]) => [flow, ms(overheads[flow])]);
    summary.push({ layout: layout.name, ...Object.fromEntries(cells), signinMs: overheads.signin });
  }
  console.log(`\nkit − baseline (medians), per layout; ${load()}:`);
  console.table(summary.map(({ signinMs, ...row }) => row));
  const headline = summary[0].signinMs;
  const met = headline <= BUDGET_MS ? "met" : "not met";
  console.log(
    `budget: sign-in kit − baseline ≤ ${BUDGET_MS} ms (median, default layout): ${ms(headline)}, ${met}`,
  );
} finally {
  await server.stop();
  await emulator.stop();
}
