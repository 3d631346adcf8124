// Bundle size: builds three small apps with Vite in this run and compares what they ship.
//   react  — React alone (react-dom/client rendering one button): the baseline
//   forms  — react-hook-form + @hookform/resolvers + zod/mini + React Query, without the kit
//   kit    — AuthProvider + SignupForm + LoginForm + LogoutButton with the Supabase adapter,
//            importing `appsmith-auth-kit` and `appsmith-auth-kit/providers/supabase` as a
//            user does, resolved to the built dist/ files (what npm publishes)
//   kit + de — the kit app with its texts from `appsmith-auth-kit/locales/de`: it must grow
//            by that locale alone (its own minified code, measured here too), and neither
//            app may hold another locale's texts (exit 1 otherwise)
// The kit app is built twice: as one bundle, like the other two (Vite's defaults), for
// "kit app − React app"; and split by scripts/build-size.mjs, the build size-limit weighs,
// into dist/size/ as react.js, deps.js (React Query, react-hook-form, zod) and kit.js (the
// kit's own minified, tree-shaken code), gzipped one file at a time as size-limit does.
// The 32 kB budget must hold for both: the difference, and kit.js + deps.js.
// Sizes: raw bytes, gzip (zlib level 9) and brotli (quality 11); 1 kB = 1000 bytes.
// Exits 1 when a budget is exceeded. `npm run bench:size` (`--build` rebuilds dist/ first).
import { spawnSync } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { brotliCompressSync, constants, gzipSync } from "node:zlib";
import { build } from "vite";
import { buildSizeApp } from "../scripts/build-size.mjs";

const root = fileURLToPath(new URL("..", import.meta.url));
const fixture = (name) => fileURLToPath(new URL(`./fixtures/${name}`, import.meta.url));
const distArg = process.argv.indexOf("--dist");
// `--dist <folder>` measures another build of the package (e.g. to compare two builds).
const distDir = distArg > 0 ? process.argv[distArg + 1] : `${root}dist`;
const dist = (path) => `${distDir}/${path}`;

const BUDGETS = {
  addedOverReactGzip: 32_000,
  kitCodeGzip: 7_000,
  cdnGzip: 100_000,
};

if (process.argv.includes("--build") || !existsSync(dist("index.js"))) {
  const built = spawnSync("node", ["scripts/build.mjs"], { cwd: root, stdio: "inherit" });
  if (built.status !== 0) process.exit(built.status ?? 1);
}

function sizes(code) {
  const bytes = Buffer.from(code);
  return {
    raw: bytes.length,
    gzip: gzipSync(bytes, { level: 9 }).length,
    brotli: brotliCompressSync(bytes, {
      params: { [constants.BROTLI_PARAM_QUALITY]: 11 },
    }).length,
  };
}

/**
 * Builds one fixture app in memory (minified, production React) and sizes the JavaScript it
 * loads at start: the entry chunk and its static imports. Chunks reached only through a
 * dynamic import() (code the app never runs unless it asks for it) are sized as `lazy`.
 */
async function buildApp(entry, alias = [], plugins = []) {
  const result = await build({
    configFile: false,
    logLevel: "silent",
    root,
    define: { "process.env.NODE_ENV": '"production"' },
    resolve: { alias },
    plugins,
    build: {
      write: false,
      minify: true,
      reportCompressedSize: false,
      modulePreload: false,
      rolldownOptions: {
        input: entry.startsWith("\0") ? entry : fixture(entry),
        onwarn(warning, warn) {
          if (warning.code !== "MODULE_LEVEL_DIRECTIVE") warn(warning);
        },
      },
    },
  });
  const chunks = (Array.isArray(result) ? result : [result])
    .flatMap((out) => out.output)
    .filter((item) => item.type === "chunk");
  const byName = new Map(chunks.map((chunk) => [chunk.fileName, chunk]));
  const initial = new Set();
  const visit = (chunk) => {
    if (!chunk || initial.has(chunk)) return;
    initial.add(chunk);
    for (const name of chunk.imports) visit(byName.get(name));
  };
  for (const chunk of chunks) if (chunk.isEntry) visit(chunk);
  const code = (list) => list.map((chunk) => chunk.code).join("\n");
  const lazy = chunks.filter((chunk) => !initial.has(chunk));
  return {
    ...sizes(code([...initial])),
    code: code(chunks),
    lazy: lazy.length ? sizes(code(lazy)) : undefined,
  };
}

const kb = (n) => `${(n / 1000).toFixed(1)} kB`;
const row = (name, s) => ({
  app: name,
  raw: s.raw,
  gzip: s.gzip,
  brotli: s.brotli,
  "gzip kB": kb(s.gzip),
});
const diff = (a, b) => ({ raw: a.raw - b.raw, gzip: a.gzip - b.gzip, brotli: a.brotli - b.brotli });
const sum = (...list) => ({
  raw: list.reduce((n, s) => n + s.raw, 0),
  gzip: list.reduce((n, s) => n + s.gzip, 0),
  brotli: list.reduce((n, s) => n + s.brotli, 0),
});

const started = performance.now();
const react = await buildApp("react-app.js");
const forms = await buildApp("forms-app.js");
// The kit app built exactly like the two above (one bundle, Vite's defaults), so that
// "kit app − React app" compares like with like.
const kitAlias = [
  { find: /^appsmith-auth-kit$/, replacement: dist("index.js") },
  { find: /^appsmith-auth-kit\/providers\/supabase$/, replacement: dist("providers/supabase.js") },
  { find: /^appsmith-auth-kit\/locales\/(.+)$/, replacement: dist("locales/$1.js") },
];
const kitWhole = await buildApp("kit-app.js", kitAlias);
// The same app with one locale, and that locale alone, minified the same way.
const kitDe = await buildApp("kit-app-de.js", kitAlias);
const localeAlone = sizes(
  (
    await build({
      configFile: false,
      logLevel: "silent",
      build: {
        write: false,
        minify: true,
        lib: { entry: dist("locales/de.js"), formats: ["es"] },
        rolldownOptions: { output: { minify: true } },
      },
    })
  )
    .flatMap((out) => out.output)
    .filter((item) => item.type === "chunk")
    .map((chunk) => chunk.code)
    .join("\n"),
);
// Each provider as an app imports it: its factory from its subpath, and nothing else.
const PROVIDERS = ["supabase", "firebase", "xano", "oauth2", "rest", "demo"];
const providerApp = (name) => ({
  name: "provider-entry",
  resolveId: (id) => (id === "\0provider-entry" ? id : undefined),
  load: (id) =>
    id === "\0provider-entry"
      ? `import { ${name} } from ${JSON.stringify(dist(`providers/${name}.js`))};\nglobalThis.adapter = ${name};`
      : undefined,
});
const providers = [];
for (const name of PROVIDERS) {
  providers.push([name, await buildApp("\0provider-entry", [], [providerApp(name)])]);
}
const shipped = await buildSizeApp(distDir);
const chunk = Object.fromEntries(
  Object.entries(shipped).map(([name, code]) => [name, sizes(code)]),
);
// The whole kit app loads all its chunks at start; gzip each file, as a server sends them.
const kit = {
  ...sum(chunk.react, chunk.deps, chunk.kit, chunk.index, chunk.runtime),
  lazy: shipped.lazy ? chunk.lazy : undefined,
};
const kitCode = chunk.kit;
const kitAndDeps = sum(chunk.kit, chunk.deps);
const cdn = sizes(readFileSync(dist("cdn/appsmith-auth-kit.widget.js")));
const cdnExternal = sizes(readFileSync(dist("cdn/appsmith-auth-kit.widget.react-external.js")));
const seconds = ((performance.now() - started) / 1000).toFixed(1);

const kitAdded = diff(kitWhole, react);
const formsAdded = diff(forms, react);
console.table([
  row("react (baseline)", react),
  row("forms libraries (RHF+resolvers+zod/mini+Query)", forms),
  row("kit (Supabase, 3 components; one bundle)", kitWhole),
  row("added by the forms libraries over React", formsAdded),
  row("kit app − React app (one bundle each)", kitAdded),
  row("kit app split as dist/size/ (all 5 files)", kit),
  row("dist/size/react.js", chunk.react),
  row("dist/size/deps.js (Query+RHF+resolvers+zod)", chunk.deps),
  row("dist/size/kit.js: kit code alone", kitCode),
  row("added by the kit over React: kit.js + deps.js", kitAndDeps),
  row("CDN widget file (React inside)", cdn),
  row("CDN widget file (React external)", cdnExternal),
  row("kit app + locales/de (one bundle)", kitDe),
  row("added by locales/de: kit + de − kit app", diff(kitDe, kitWhole)),
  row("locales/de alone (minified)", localeAlone),
]);
console.log("each provider's subpath as an app bundles it (the factory alone, minified):");
console.table(providers.map(([name, size]) => row(`providers/${name}`, size)));
const ratio = (a, b) => (a / b).toFixed(2);
if (kit.lazy) {
  console.log(
    `not counted: ${kb(kit.lazy.gzip)} gzip in chunks the kit app only loads through import() (AuthProvider's JSON config path)`,
  );
}
console.log(`kit app / React app (gzip): ${ratio(kitWhole.gzip, react.gzip)}`);
console.log(`kit added / forms libraries added (gzip): ${ratio(kitAndDeps.gzip, formsAdded.gzip)}`);
console.log(`built 5 apps and the locale in ${seconds} s`);

const checks = [
  [
    "added by the kit over React: kit app − React app (gzip)",
    kitAdded.gzip,
    BUDGETS.addedOverReactGzip,
  ],
  [
    "added by the kit over React: kit.js + deps.js (gzip)",
    kitAndDeps.gzip,
    BUDGETS.addedOverReactGzip,
  ],
  ["kit code alone: kit.js (gzip)", kitCode.gzip, BUDGETS.kitCodeGzip],
  ["CDN widget file with React (gzip)", cdn.gzip, BUDGETS.cdnGzip],
];
let failed = false;
// Which locales' texts an app holds: a text unique to each locale (its "signed out" line).
const locales = {};
for (const code of ["de", "fr", "es", "pt-BR", "ja"]) {
  const module = await import(dist(`locales/${code}.js`));
  locales[code] = module.default.signedOut;
}
const holds = (app) => Object.keys(locales).filter((code) => app.code.includes(locales[code]));
for (const [name, app, expected] of [
  ["kit app", kitWhole, []],
  ["kit app + locales/de", kitDe, ["de"]],
]) {
  const found = holds(app);
  const ok = found.join() === expected.join();
  failed ||= !ok;
  console.log(`${ok ? "✓" : "✗"} ${name} holds the texts of: ${found.join(", ") || "no locale"}`);
}
for (const [name, size, budget] of checks) {
  const ok = size <= budget;
  failed ||= !ok;
  console.log(`${ok ? "✓" : "✗"} ${name}: ${kb(size)} (budget ${kb(budget)})`);
}
process.exit(failed ? 1 : 0);
