// Builds dist/size/: what a user's app ships, the way size-limit and bench/size.mjs weigh it.
// The app is bench/fixtures/kit-app.js (AuthProvider + SignupForm + LoginForm + LogoutButton
// with the Supabase adapter, importing the package by name, resolved to the built dist/),
// bundled by Vite as a user's would (minified, production React) into three named chunks:
//   react.js  react, react-dom, scheduler
//   deps.js   React Query, react-hook-form, @hookform/resolvers, zod
//   kit.js    every module of the kit the app loads at start
// plus a trivial entry (index.js) and rolldown's CommonJS interop (runtime.js, 0.4 kB).
// Chunks only an import() reaches (the providers behind <AuthProvider config>) keep their
// own files under dist/size/lazy/ and are not counted.
// `node scripts/build-size.mjs [--dist <folder>]`; scripts/build.mjs runs it after the build.
import { rmSync } from "node:fs";
import { resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { build } from "vite";

const root = fileURLToPath(new URL("..", import.meta.url));

const GROUPS = [
  ["react", /[\\/]node_modules[\\/](react|react-dom|scheduler)[\\/]/],
  [
    "deps",
    /[\\/]node_modules[\\/](@tanstack[\\/](react-query|query-core)|react-hook-form|@hookform[\\/]resolvers|zod)[\\/]/,
  ],
];

// File names of the counted chunks; "rolldown-runtime" is rolldown's CommonJS interop
// (React is CommonJS; an app with React alone has it too).
const NAMED = {
  react: "react.js",
  deps: "deps.js",
  kit: "kit.js",
  "rolldown-runtime": "runtime.js",
};

const ENTRY = resolve(root, "bench/fixtures/kit-app.js");

function config(kitDir, { outDir, name }) {
  return {
    configFile: false,
    logLevel: "silent",
    root,
    define: { "process.env.NODE_ENV": '"production"' },
    resolve: {
      alias: [
        { find: /^appsmith-auth-kit$/, replacement: `${kitDir}/index.js` },
        {
          find: /^appsmith-auth-kit\/providers\/supabase$/,
          replacement: `${kitDir}/providers/supabase.js`,
        },
      ],
    },
    build: {
      outDir,
      write: Boolean(outDir),
      emptyOutDir: true,
      minify: true,
      reportCompressedSize: false,
      modulePreload: false,
      rolldownOptions: {
        input: { index: ENTRY },
        onwarn(warning, warn) {
          if (warning.code !== "MODULE_LEVEL_DIRECTIVE") warn(warning);
        },
        output: {
          entryFileNames: "[name].js",
          chunkFileNames: (chunk) => NAMED[chunk.name] ?? "lazy/[name]-[hash].js",
          ...(name
            ? { codeSplitting: { includeDependenciesRecursively: false, groups: [{ name }] } }
            : {}),
        },
      },
    },
  };
}

const chunksOf = (result) =>
  (Array.isArray(result) ? result : [result])
    .flatMap((out) => out.output)
    .filter((item) => item.type === "chunk");

// The modules whose code the app runs at start: those of the entry chunk and the chunks it
// imports statically (not those only an import() reaches).
function initialModules(chunks) {
  const byName = new Map(chunks.map((chunk) => [chunk.fileName, chunk]));
  const seen = new Set();
  const visit = (chunk) => {
    if (!chunk || seen.has(chunk)) return;
    seen.add(chunk);
    for (const file of chunk.imports) visit(byName.get(file));
  };
  for (const chunk of chunks) if (chunk.isEntry) visit(chunk);
  return new Set([...seen].flatMap((chunk) => chunk.moduleIds));
}

/**
 * Builds the Supabase consumer app against `distDir` into `${distDir}/size/` and returns the
 * code of its chunks by name (`react`, `deps`, `kit`, `index`, `runtime`) and of the lazy ones.
 */
export async function buildSizeApp(distDir = resolve(root, "dist")) {
  const kitDir = resolve(distDir);
  // A first build finds what loads at start; the second puts it in the named chunks, so the
  // kit chunk holds exactly the kit code an app loads at start (Vite's helpers for it too).
  const initial = initialModules(chunksOf(await build(config(kitDir, {}))));
  const name = (id) => {
    for (const [group, test] of GROUPS) if (test.test(id)) return group;
    return id !== ENTRY && initial.has(id) ? "kit" : null;
  };
  const outDir = resolve(kitDir, "size");
  rmSync(outDir, { recursive: true, force: true });
  const chunks = chunksOf(await build(config(kitDir, { outDir, name })));
  const code = (file) => chunks.find((chunk) => chunk.fileName === file)?.code ?? "";
  return {
    react: code("react.js"),
    deps: code("deps.js"),
    kit: code("kit.js"),
    index: code("index.js"),
    runtime: code("runtime.js"),
    lazy: chunks
      .filter((chunk) => chunk.fileName.startsWith("lazy/"))
      .map((chunk) => chunk.code)
      .join("\n"),
  };
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const distArg = process.argv.indexOf("--dist");
  const built = await buildSizeApp(distArg > 0 ? process.argv[distArg + 1] : undefined);
  for (const [chunk, code] of Object.entries(built)) {
    console.log(`dist/size ${chunk}: ${(code.length / 1000).toFixed(1)} kB`);
  }
}
