// Shared by the browser benches: the machine line, medians, the test suite's own browser
// launcher, static server and Firebase emulator (TypeScript, loaded through Vite's SSR
// loader), and a tiny React widget built with Vite in the same run as the baseline.
import { spawnSync } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import { availableParallelism, loadavg } from "node:os";
import { fileURLToPath } from "node:url";
import { build, createServer } from "vite";

export const root = fileURLToPath(new URL("..", import.meta.url));

/** nproc, Node version and CPU model, printed at the top of every bench. */
export function machine() {
  let cpu = "unknown CPU";
  try {
    const line = readFileSync("/proc/cpuinfo", "utf8")
      .split("\n")
      .find((l) => l.startsWith("model name"));
    if (line) cpu = line.split(":")[1].trim();
  } catch {}
  return `${availableParallelism()} CPUs (${cpu}), Node ${process.version}`;
}

export function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

/** The `p`-th percentile (0–100) of `values`, interpolated between neighbours. */
export function percentile(values, p) {
  const sorted = [...values].sort((a, b) => a - b);
  const at = ((sorted.length - 1) * p) / 100;
  const low = Math.floor(at);
  const high = Math.min(low + 1, sorted.length - 1);
  return sorted[low] + (sorted[high] - sorted[low]) * (at - low);
}

/** The 1, 5 and 15 minute load averages, as `uptime` prints them: timings on a busy machine. */
export function load() {
  return `load average ${loadavg()
    .map((n) => n.toFixed(2))
    .join(", ")}`;
}

export const ms = (n) => `${n.toFixed(1)} ms`;

/** Builds dist/ unless the CDN file is already there (`--build` forces a rebuild). */
export function ensureBuilt() {
  const cdn = `${root}dist/cdn/appsmith-auth-kit.widget.js`;
  if (!process.argv.includes("--build") && existsSync(cdn)) return;
  const built = spawnSync("node", ["scripts/build.mjs"], { cwd: root, stdio: "inherit" });
  if (built.status !== 0) process.exit(built.status ?? 1);
}

/**
 * Loads the browser-test helpers (test/browser, test/servers) from their TypeScript sources,
 * so the benches launch Chromium, serve files and start the emulator exactly as the tests do.
 */
export async function loadTestHelpers() {
  const vite = await createServer({
    configFile: false,
    root,
    logLevel: "error",
    appType: "custom",
    server: { middlewareMode: true, hmr: false, ws: false },
  });
  const [browser, staticServer, firebase] = await Promise.all([
    vite.ssrLoadModule("/test/browser/browser.ts"),
    vite.ssrLoadModule("/test/browser/staticServer.ts"),
    vite.ssrLoadModule("/test/servers/firebaseEmulator.ts"),
  ]);
  await vite.close();
  return { ...browser, ...staticServer, ...firebase };
}

/** Builds bench/fixtures/button-widget.js (React + react-dom, one button) into `outDir`. */
export async function buildButtonWidget(outDir) {
  await build({
    configFile: false,
    logLevel: "silent",
    root,
    define: { "process.env.NODE_ENV": '"production"' },
    build: {
      outDir,
      emptyOutDir: true,
      minify: true,
      lib: {
        entry: `${root}bench/fixtures/button-widget.js`,
        formats: ["es"],
        fileName: () => "button-widget.js",
      },
      rolldownOptions: { output: { minify: true, codeSplitting: false } },
    },
  });
  return `${outDir}/button-widget.js`;
}

/** Host-page paths the benches serve: the built CDN files, the fake Appsmith host, extras. */
export function servedRoots(extra = {}) {
  return {
    "/cdn/": `${root}dist/cdn`,
    "/host/": `${root}test/browser/host`,
    ...extra,
  };
}
