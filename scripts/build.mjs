// Builds dist/: the npm package (ESM, React and the form/query libraries external, one
// entry per provider so a user bundles only their own) and its type declarations.
// The CDN single files for the Appsmith Custom Widget are built by scripts/build-cdn.mjs,
// the size-limit app (dist/size/) by scripts/build-size.mjs.
import { spawnSync } from "node:child_process";
import { existsSync, readdirSync, rmSync } from "node:fs";
import { build } from "vite";

rmSync("dist", { recursive: true, force: true });

// Scoped names are matched whole: "@tanstack/" followed by "(\/|$)" never matched
// "@tanstack/react-query", which bundled a second React Query (and its context) into dist/.
// Dependencies and peers stay imports in the npm build (the user's bundler dedupes them).
const EXTERNAL = ["react", "react-dom", "@tanstack/react-query", "react-hook-form", "zod"];
const external = (id) => EXTERNAL.some((name) => id === name || id.startsWith(`${name}/`));

// Every src/locales/<code>.ts but the shared type.
const LOCALES = readdirSync("src/locales")
  .filter((file) => file.endsWith(".ts") && file !== "types.ts")
  .map((file) => file.slice(0, -3));

const entries = {
  index: "src/index.ts",
  config: "src/config.ts",
  "providers/supabase": "src/providers/supabase.ts",
  "providers/firebase": "src/providers/firebase.ts",
  "providers/xano": "src/providers/xano.ts",
  "providers/oauth2": "src/providers/oauth2.ts",
  "providers/rest": "src/providers/rest.ts",
  "providers/demo": "src/providers/demo.ts",
  // Its own entry, so lazyAdapter's import() stays a separate chunk: otherwise the root
  // barrel's static re-export merges it into the main chunk and every app bundles all six.
  "providers/createAdapter": "src/providers/createAdapter.ts",
  widget: "src/widget/index.ts",
  // One entry per locale, so an app ships only the one it imports.
  ...Object.fromEntries(LOCALES.map((code) => [`locales/${code}`, `src/locales/${code}.ts`])),
};
const missing = Object.values(entries).filter((file) => !existsSync(file));
if (missing.length > 0) throw new Error(`build entries missing: ${missing.join(", ")}`);
const entry = entries;

await build({
  configFile: false,
  logLevel: "warn",
  build: {
    outDir: "dist",
    emptyOutDir: false,
    sourcemap: true,
    minify: false,
    lib: { entry, formats: ["es"] },
    rolldownOptions: { external, output: { chunkFileNames: "chunks/[name]-[hash].js" } },
  },
});

const tsc = spawnSync("npx", ["tsc", "-p", "tsconfig.build.json"], { stdio: "inherit" });
if (tsc.status !== 0) process.exit(tsc.status ?? 1);

const cdn = spawnSync("node", ["scripts/build-cdn.mjs"], { stdio: "inherit" });
if (cdn.status !== 0) process.exit(cdn.status ?? 1);
// dist/size/: a Supabase app built against this dist/, in the chunks size-limit weighs.
const size = spawnSync("node", ["scripts/build-size.mjs"], { stdio: "inherit" });
if (size.status !== 0) process.exit(size.status ?? 1);
console.log("built dist/");
