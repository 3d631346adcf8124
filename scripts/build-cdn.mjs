// Builds dist/cdn/: the single files an Appsmith Custom Widget imports by URL (jsDelivr,
// esm.sh). Appsmith has no import map and no bundler, so the main file carries React, the
// form and query libraries, zod/mini and the styles: one request, nothing else to resolve.
// The second file leaves React external for pages that bring their own (with an import map).
// The main file carries React 18.3.1 (the devDependencies `react-18`/`react-dom-18`), not 19:
// the kit needs nothing from 19 (peer range `^18.3 || ^19`; Appsmith's own template uses
// 18.2), and 18's react-dom is ~23 kB gzip smaller, which keeps the file under 100 kB.
import { readFileSync } from "node:fs";
import { gzipSync } from "node:zlib";
import { build } from "vite";

const entry = "src/widget/index.ts";
const outDir = "dist/cdn";

const reactExternal = (id) => /^(react|react-dom)(\/|$)/.test(id);

// Exact names only, so every import of React in the bundle (the kit, React Query,
// react-hook-form) lands on the one 18.3.1 copy.
const react18 = [
  { find: /^react$/, replacement: "react-18" },
  { find: /^react\/jsx-runtime$/, replacement: "react-18/jsx-runtime" },
  { find: /^react-dom$/, replacement: "react-dom-18" },
  { find: /^react-dom\/client$/, replacement: "react-dom-18/client" },
];

const variants = [
  { fileName: "appsmith-auth-kit.widget.js", external: [], alias: react18 },
  { fileName: "appsmith-auth-kit.widget.react-external.js", external: reactExternal, alias: [] },
];

for (const { fileName, external, alias } of variants) {
  await build({
    configFile: false,
    logLevel: "warn",
    resolve: { alias },
    // Library mode leaves process.env.NODE_ENV alone: without this the bundle ships
    // development React and throws "process is not defined" in the browser.
    define: { "process.env.NODE_ENV": '"production"' },
    build: {
      outDir,
      emptyOutDir: false,
      sourcemap: false,
      minify: true,
      lib: { entry, formats: ["es"], fileName: () => fileName },
      rolldownOptions: {
        external,
        // react-query's "use client" directives mean nothing in a browser bundle.
        onwarn(warning, warn) {
          if (warning.code !== "MODULE_LEVEL_DIRECTIVE") warn(warning);
        },
        // One file: a dynamic import would be a second request the widget cannot make
        // relative to a srcdoc frame.
        output: { minify: true, codeSplitting: false },
      },
    },
  });
  const bytes = readFileSync(`${outDir}/${fileName}`);
  const kib = (n) => `${(n / 1024).toFixed(1)} KiB`;
  console.log(`${outDir}/${fileName}: ${kib(bytes.length)}, gzip ${kib(gzipSync(bytes).length)}`);
}
