// `npm run bench`: every benchmark in turn; keeps going after a failure, exits 1 if any failed.
import { spawnSync } from "node:child_process";

const benches = [
  ["size", "bench/size.mjs"],
  ["renders", "bench/renders.mjs"],
  ["refresh", "bench/refresh.mjs"],
  ["outage", "bench/outage.mjs"],
  ["tti", "bench/widget-tti.mjs"],
  ["signin", "bench/signin-overhead.mjs"],
  ["heights", "bench/widget-heights.mjs"],
];

// `--build` rebuilds dist/ once, before the benches that measure it.
if (process.argv.includes("--build")) {
  const built = spawnSync("node", ["scripts/build.mjs"], { stdio: "inherit" });
  if (built.status !== 0) process.exit(built.status ?? 1);
}

const failed = [];
for (const [name, file] of benches) {
  console.log(`\n=== bench:${name}: node ${file}`);
  const result = spawnSync("node", [file], { stdio: "inherit" });
  if (result.status !== 0) failed.push(name);
}
if (failed.length > 0) {
  console.error(`\n✗ failed: ${failed.join(", ")}`);
  process.exit(1);
}
