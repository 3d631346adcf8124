// `npm test`'s packaging checks, on what `npm publish` would upload (run after the build):
//   1. publint --strict on the package folder;
//   2. the tarball from `npm pack` holds exactly what users need: package.json, README.md,
//      LICENSE, CHANGELOG.md and dist/ (the entries, their chunks, the CDN files, the type
//      declarations), every file each `exports` entry names, and nothing else (no dist/size/,
//      no tests, no sources, no stories); a source map only beside the file that points at
//      it and with its sources inlined, as src/ is not shipped;
//   3. @arethetypeswrong/cli on that tarball (`--profile esm-only`: the package is ESM only).
// `node scripts/check-package.mjs`; exits 1 on the first failing check.
import { spawnSync } from "node:child_process";
import { mkdirSync, readFileSync, rmSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

const root = fileURLToPath(new URL("..", import.meta.url));
const packDir = join(root, ".test-results", "pack");

function run(command, args, options = {}) {
  const result = spawnSync(command, args, { cwd: root, encoding: "utf8", ...options });
  if (result.status !== 0) {
    if (options.stdio !== "inherit") process.stderr.write(`${result.stdout}${result.stderr}`);
    console.error(`✗ ${command} ${args.join(" ")} failed (exit ${result.status})`);
    process.exit(1);
  }
  return result.stdout;
}

// What the tarball may hold, as patterns over paths inside it.
const ALLOWED = [
  /^package\.json$/,
  /^README\.md$/,
  /^LICENSE$/,
  /^CHANGELOG\.md$/,
  /^dist\/(?!size\/|types\/)[\w./-]+\.js$/,
  /^dist\/(?!size\/|types\/|cdn\/)[\w./-]+\.js\.map$/,
  /^dist\/types\/[\w./-]+\.d\.ts$/,
];
/** Files users need whatever the build does. */
export const REQUIRED = [
  "package.json",
  "README.md",
  "LICENSE",
  "CHANGELOG.md",
  "dist/cdn/appsmith-auth-kit.widget.js",
  "dist/cdn/appsmith-auth-kit.widget.react-external.js",
];

/** Every file the `exports` map (and main/module/types) points at, as tarball paths. */
export function exportTargets(manifest) {
  const targets = new Set();
  const add = (value) => {
    if (typeof value === "string") targets.add(value.replace(/^\.\//, ""));
    else if (value && typeof value === "object")
      for (const inner of Object.values(value)) add(inner);
  };
  add(manifest.exports);
  for (const field of ["main", "module", "types"]) add(manifest[field]);
  return targets;
}

/** The problems with a tarball's file list (paths without the `package/` prefix). */
export function contentProblems(files, manifest) {
  const problems = [];
  const present = new Set(files);
  for (const file of files) {
    if (!ALLOWED.some((pattern) => pattern.test(file))) problems.push(`not for users: ${file}`);
    if (file.endsWith(".map") && !present.has(file.slice(0, -".map".length))) {
      problems.push(`source map without its file: ${file}`);
    }
  }
  for (const file of [...REQUIRED, ...exportTargets(manifest)]) {
    if (!present.has(file)) problems.push(`missing: ${file}`);
  }
  return problems;
}

function checkMaps(files) {
  const problems = [];
  for (const file of files.filter((name) => name.endsWith(".map"))) {
    const map = JSON.parse(readFileSync(join(root, file), "utf8"));
    const inlined = map.sourcesContent?.length === map.sources?.length;
    if (!inlined) problems.push(`source map without its sources inlined: ${file}`);
  }
  return problems;
}

const isMain = process.argv[1] === fileURLToPath(import.meta.url);
if (isMain) {
  console.log("publint --strict");
  run("npx", ["publint", "--strict"], { stdio: "inherit" });

  rmSync(packDir, { recursive: true, force: true });
  mkdirSync(packDir, { recursive: true });
  const [packed] = JSON.parse(run("npm", ["pack", "--json", "--pack-destination", packDir]));
  const files = packed.files.map((file) => file.path).sort();
  const manifest = JSON.parse(readFileSync(join(root, "package.json"), "utf8"));
  const problems = [...contentProblems(files, manifest), ...checkMaps(files)];
  if (problems.length > 0) {
    for (const problem of problems) console.error(`✗ ${packed.filename}: ${problem}`);
    process.exit(1);
  }
  const kb = (n) => `${(n / 1000).toFixed(1)} kB`;
  console.log(
    `✓ ${packed.filename}: ${files.length} files, ${kb(packed.size)} packed, ${kb(packed.unpackedSize)} unpacked; only what users need`,
  );

  const tarball = join(packDir, packed.filename);
  console.log(`attw ${packed.filename} --profile esm-only`);
  run("npx", ["attw", tarball, "--profile", "esm-only", "--format", "table-flipped"], {
    stdio: "inherit",
  });
}
