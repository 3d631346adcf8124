// `npm test`: every check the project has, in order, stopping at the first failure.
// `node scripts/test.mjs "unit tests" build` runs only the named steps.
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { CHROMIUM_PATH } from "./chromium.mjs";
import { addStep } from "./testCount.mjs";

const results = ".test-results";
const vitest = (name, config) => [
  "npx",
  [
    "vitest",
    "run",
    ...(config ? ["--config", config] : []),
    "--reporter=default",
    "--reporter=json",
    `--outputFile.json=${results}/${name}.json`,
  ],
];

const steps = [
  ["typecheck", "npx", ["tsc", "--noEmit", "-p", "tsconfig.json"]],
  ["lint", "npx", ["biome", "check", "."]],
  ["unit tests", ...vitest("unit")],
  ["integration tests", ...vitest("integration", "vitest.integration.config.ts")],
  ["build", "node", ["scripts/build.mjs"]],
  // publint, the tarball's file list, and @arethetypeswrong/cli on that tarball.
  ["package checks", "node", ["scripts/check-package.mjs"]],
  ["size budget", "npx", ["size-limit"]],
  ["browser tests", ...vitest("browser", "vitest.browser.config.ts")],
];

// What a fresh clone lacks besides `npm ci`: each tool folder's own install (the Firebase
// Auth Emulator), and Debian's Chromium for the browser step.
function preflight() {
  for (const tool of readdirSync("tools")) {
    const dir = `tools/${tool}`;
    if (!existsSync(`${dir}/package-lock.json`) || existsSync(`${dir}/node_modules`)) continue;
    console.log(`\n=== installing ${dir} (npm ci --ignore-scripts)`);
    const result = spawnSync("npm", ["ci", "--ignore-scripts", "--no-audit", "--no-fund"], {
      cwd: dir,
      stdio: "inherit",
    });
    if (result.status !== 0) process.exit(result.status ?? 1);
  }
  if (!existsSync(CHROMIUM_PATH)) {
    console.error(
      `✗ ${CHROMIUM_PATH} is missing: install Debian's chromium (apt-get install -y chromium)`,
    );
    process.exit(1);
  }
}

const only = process.argv.slice(2);
preflight();
rmSync(results, { recursive: true, force: true });
mkdirSync(results, { recursive: true });
const totals = { passed: 0, failed: 0, skipped: 0 };

const reportOf = (file) => {
  if (!existsSync(file)) return undefined;
  try {
    return JSON.parse(readFileSync(file, "utf8"));
  } catch {
    return undefined;
  }
};

function summary() {
  console.log(
    `\ntests: ${totals.passed} passed, ${totals.failed} failed, ${totals.skipped} skipped`,
  );
}

for (const [name, command, args] of steps) {
  if (only.length > 0 && !only.includes(name)) continue;
  console.log(`\n=== ${name}: ${command} ${args.join(" ")}`);
  const started = Date.now();
  const result = spawnSync(command, args, { stdio: "inherit" });
  const seconds = ((Date.now() - started) / 1000).toFixed(1);
  // A vitest step is counted from its report; any step that fails counts at least once.
  const output = args.find((arg) => arg.startsWith("--outputFile.json="));
  const report = output ? reportOf(output.slice("--outputFile.json=".length)) : undefined;
  addStep(totals, report, result.status);
  if (result.status !== 0) {
    console.error(`\n✗ ${name} failed (exit ${result.status ?? result.signal}) after ${seconds}s`);
    summary();
    process.exit(result.status ?? 1);
  }
  console.log(`✓ ${name} (${seconds}s)`);
}
summary();
