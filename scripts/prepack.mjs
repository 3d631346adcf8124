// npm's `prepack`: `npm pack` and `npm publish` refuse a tree whose dist/ is not built (they
// shipped a package without it). It checks, and does not build, so the pack in npm test's
// package checks weighs the very build the tests ran on; build with `npm run build`.
import { existsSync, readFileSync } from "node:fs";
import { exportTargets } from "./check-package.mjs";

const manifest = JSON.parse(readFileSync("package.json", "utf8"));
const missing = [...exportTargets(manifest)].filter(
  (file) => file !== "package.json" && !existsSync(file),
);
if (missing.length > 0) {
  console.error(
    `✗ not packing: ${missing.length} file(s) the exports name are not built (${missing.slice(0, 3).join(", ")}${missing.length > 3 ? ", …" : ""}); run npm run build first`,
  );
  process.exit(1);
}
