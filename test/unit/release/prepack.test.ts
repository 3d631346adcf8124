// @vitest-environment node
// `npm pack` on an unbuilt tree must refuse (scripts/prepack.mjs runs as npm's prepack).
import { spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

const script = fileURLToPath(new URL("../../../scripts/prepack.mjs", import.meta.url));
const manifest = readFileSync(
  fileURLToPath(new URL("../../../package.json", import.meta.url)),
  "utf8",
);
const prepack = (cwd: string) => spawnSync(process.execPath, [script], { cwd, encoding: "utf8" });

describe("prepack", () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), "aak-prepack-"));
    writeFileSync(join(dir, "package.json"), manifest);
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it("refuses when dist/ is missing, saying what to run", () => {
    const result = prepack(dir);
    expect(result.status).toBe(1);
    expect(result.stderr).toMatch(/not packing: \d+ file\(s\) the exports name are not built/);
    expect(result.stderr).toContain("npm run build");
  });

  it("refuses when one export's file is missing, and passes once all are there", () => {
    const targets = new Set<string>();
    const add = (value: unknown) => {
      if (typeof value === "string") targets.add(value.replace(/^\.\//, ""));
      else if (value && typeof value === "object")
        for (const inner of Object.values(value)) add(inner);
    };
    const parsed = JSON.parse(manifest);
    add(parsed.exports);
    const files = [...targets].filter((file) => file !== "package.json");
    for (const file of files) {
      mkdirSync(join(dir, file, ".."), { recursive: true });
      writeFileSync(join(dir, file), "");
    }
    expect(prepack(dir).status).toBe(0);
    rmSync(join(dir, files[0] as string));
    expect(prepack(dir).status).toBe(1);
  });
});
