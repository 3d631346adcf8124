// @vitest-environment node
import { readdirSync, readFileSync } from "node:fs";
import { contentProblems, exportTargets, REQUIRED } from "../../../scripts/check-package.mjs";

// Files inside the repository only: the README and the manifest it documents.
const read = (file: string) => readFileSync(new URL(`../../../${file}`, import.meta.url), "utf8");
const manifest = JSON.parse(read("package.json")) as Record<string, unknown> & { version: string };

describe("README CDN URLs", () => {
  it("name the version in package.json, every one of them", () => {
    const versions = [...read("README.md").matchAll(/appsmith-auth-kit@([^/\s"'`]+)\//g)].map(
      (match) => match[1],
    );
    // jsDelivr and esm.sh, in the walkthrough and the postMessage example.
    expect(versions.length).toBeGreaterThanOrEqual(3);
    expect(new Set(versions)).toEqual(new Set([manifest.version]));
  });
});

describe("locales", () => {
  const codes = readdirSync(new URL("../../../src/locales/", import.meta.url))
    .filter((file) => file.endsWith(".ts") && file !== "types.ts")
    .map((file) => file.replace(/\.ts$/, ""));

  it("each src/locales file is its own package entry, with its types", () => {
    expect(codes.length).toBeGreaterThanOrEqual(6);
    const exports = manifest.exports as Record<string, unknown>;
    for (const code of codes) {
      expect(exports[`./locales/${code}`], code).toEqual({
        types: `./dist/types/locales/${code}.d.ts`,
        default: `./dist/locales/${code}.js`,
      });
    }
    const shipped = Object.keys(exports).filter((key) => key.startsWith("./locales/"));
    expect(shipped.sort()).toEqual(codes.map((code) => `./locales/${code}`).sort());
  });

  it("the widget carries every one", async () => {
    const { WIDGET_LOCALES } = await import("../../../src/widget/locales.js");
    expect(Object.keys(WIDGET_LOCALES).sort()).toEqual([...codes].sort());
  });
});

describe("tarball contents check", () => {
  const needed = [
    ...REQUIRED,
    "dist/chunks/jwt-abc.js",
    "dist/chunks/jwt-abc.js.map",
    ...exportTargets(manifest),
  ];

  it("accepts the package's own files", () => {
    expect(exportTargets(manifest)).toContain("dist/types/index.d.ts");
    expect(contentProblems(needed, manifest)).toEqual([]);
  });

  it("names what users do not need and what is missing", () => {
    const files = [
      ...needed.filter((file) => file !== "dist/providers/demo.js"),
      "dist/size/kit.js",
      "dist/cdn/appsmith-auth-kit.widget.js.map",
      "dist/chunks/orphan.js.map",
      "test/unit/release/package.test.ts",
      "src/index.ts",
    ];
    expect(contentProblems(files, manifest)).toEqual([
      "not for users: dist/size/kit.js",
      "not for users: dist/cdn/appsmith-auth-kit.widget.js.map",
      "source map without its file: dist/chunks/orphan.js.map",
      "not for users: test/unit/release/package.test.ts",
      "not for users: src/index.ts",
      "missing: dist/providers/demo.js",
    ]);
  });
});
