// Time to interactive in an Appsmith Custom Widget: from the host creating the srcdoc iframe
// (the test suite's faithful Appsmith host, current sandbox) to an enabled "Sign in" button
// in the frame. Kit: the built CDN file (React inside) with the demo provider, so no network.
// Baseline: a minimal React widget (React + react-dom rendering one button) built with Vite
// in this run and served, like the kit, as one ESM file from the same local server.
// Headless Chromium; RUNS runs per side after WARMUP, alternating sides; medians and ratio.
// `npm run bench:tti` (`--build` rebuilds dist/ first).
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import {
  buildButtonWidget,
  ensureBuilt,
  loadTestHelpers,
  machine,
  median,
  ms,
  servedRoots,
} from "./support.mjs";

const RUNS = 15;
const WARMUP = 2;

// Runs in the frame before mount: reports, on the shared clock, the moment a "Sign in" button
// exists and is enabled (a MutationObserver fires right after React's commit).
const DETECT = `
const aakFind = () => [...document.querySelectorAll("button")].some(
  (b) => b.textContent.trim() === "Sign in" && !b.disabled,
);
const aakObserver = new MutationObserver(() => {
  if (!aakFind()) return;
  aakObserver.disconnect();
  console.debug("aak-bench-ready " + (performance.timeOrigin + performance.now()));
});
aakObserver.observe(document.body, { subtree: true, childList: true, attributes: true });`;

const author = (moduleUrl) => ({
  html: '<div id="root"></div>',
  js: `import { mount } from "${moduleUrl}";
${DETECT}
appsmith.onReady(() => {
  mount(document.getElementById("root"));
});`,
  css: "",
});

ensureBuilt();
const helpers = await loadTestHelpers();
const benchDir = await mkdtemp(join(tmpdir(), "aak-bench-tti-"));
await buildButtonWidget(benchDir);
const server = await helpers.startStaticServer(servedRoots({ "/bench/": benchDir }));
const browser = await helpers.launchBrowser();

const sides = {
  kit: {
    ...author(`${server.baseUrl}/cdn/appsmith-auth-kit.widget.js`),
    model: { provider: { type: "demo", latencyMs: 0 }, view: "login" },
  },
  baseline: { ...author(`${server.baseUrl}/bench/button-widget.js`), model: {} },
};

async function once(options) {
  const page = await browser.context.newPage();
  try {
    const ready = new Promise((resolve, reject) => {
      const timer = setTimeout(
        () => reject(new Error("no enabled Sign in button in 15 s")),
        15_000,
      );
      page.on("console", (message) => {
        const match = /^aak-bench-ready (\d+(\.\d+)?)$/.exec(message.text());
        if (!match) return;
        clearTimeout(timer);
        resolve(Number(match[1]));
      });
      page.on("pageerror", (error) => reject(error));
    });
    await page.goto(`${server.baseUrl}/host/appsmith-host.html`);
    await page.waitForFunction(() => "host" in window);
    const started = await page.evaluate((opts) => {
      const t0 = performance.timeOrigin + performance.now();
      window.host.load({ variant: "current", events: [], ...opts });
      return t0;
    }, options);
    return (await ready) - started;
  } finally {
    await page.close();
  }
}

const times = { kit: [], baseline: [] };
try {
  console.log(`machine: ${machine()}`);
  for (let run = 0; run < WARMUP + RUNS; run += 1) {
    const order = run % 2 ? ["baseline", "kit"] : ["kit", "baseline"];
    for (const side of order) {
      const t = await once(sides[side]);
      if (run >= WARMUP) times[side].push(t);
    }
  }
} finally {
  await browser.close();
  await server.stop();
  await rm(benchDir, { recursive: true, force: true });
}

const kit = median(times.kit);
const baseline = median(times.baseline);
console.table([
  { side: "minimal React widget (one button)", median: ms(baseline), runs: RUNS },
  { side: "appsmith-auth-kit CDN file (demo provider)", median: ms(kit), runs: RUNS },
]);
console.log(`all kit runs (ms): ${times.kit.map((t) => t.toFixed(0)).join(" ")}`);
console.log(`all baseline runs (ms): ${times.baseline.map((t) => t.toFixed(0)).join(" ")}`);
console.log(
  `time to interactive: kit ${ms(kit)} vs baseline ${ms(baseline)} (ratio ${(kit / baseline).toFixed(2)}, +${ms(kit - baseline)})`,
);
