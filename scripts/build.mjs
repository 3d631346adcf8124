// Builds the npm package (ESM, React external) and its type declarations into dist/.
import { spawnSync } from "node:child_process";
import { rmSync } from "node:fs";
import { build } from "vite";

rmSync("dist", { recursive: true, force: true });

const external = (id) =>
  /^(react|react-dom|react\/|react-dom\/|@tanstack\/|react-hook-form|@hookform\/|zod)/.test(id);

await build({
  configFile: false,
  logLevel: "warn",
  build: {
    outDir: "dist",
    emptyOutDir: false,
    sourcemap: true,
    lib: {
      entry: { index: "src/index.ts" },
      formats: ["es"],
    },
    rolldownOptions: { external, output: { preserveModules: false } },
  },
});

const tsc = spawnSync("npx", ["tsc", "-p", "tsconfig.build.json"], { stdio: "inherit" });
if (tsc.status !== 0) process.exit(tsc.status ?? 1);
console.log("built dist/");
