// `npm test`: every check the project has, in order, stopping at the first failure.
import { spawnSync } from "node:child_process";

const steps = [
  ["typecheck", "npx", ["tsc", "--noEmit", "-p", "tsconfig.json"]],
  ["lint", "npx", ["biome", "check", "."]],
  ["unit tests", "npx", ["vitest", "run"]],
  ["integration tests", "npx", ["vitest", "run", "--config", "vitest.integration.config.ts"]],
  ["build", "node", ["scripts/build.mjs"]],
  ["size budget", "npx", ["size-limit"]],
  ["browser tests", "npx", ["vitest", "run", "--config", "vitest.browser.config.ts"]],
];

const only = process.argv.slice(2);
for (const [name, command, args] of steps) {
  if (only.length > 0 && !only.includes(name)) continue;
  console.log(`\n=== ${name}: ${command} ${args.join(" ")}`);
  const started = Date.now();
  const result = spawnSync(command, args, { stdio: "inherit" });
  const seconds = ((Date.now() - started) / 1000).toFixed(1);
  if (result.status !== 0) {
    console.error(`\n✗ ${name} failed (exit ${result.status ?? result.signal}) after ${seconds}s`);
    process.exit(result.status ?? 1);
  }
  console.log(`✓ ${name} (${seconds}s)`);
}
