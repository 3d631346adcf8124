// The React-external CDN file the way its README section says to use it: a page with an
// import map that sends every bare specifier the file imports to ESM builds of the page's
// own React (the repo's dev React 19.3.1, built here with Vite), one copy shared by the
// widget, react-dom and the page.
import { mkdir, mkdtemp, rm, writeFile } from "node:fs/promises";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { build, parseAst, type Rolldown } from "vite";
import { inject } from "vitest";
import { collectProblems, type LaunchedBrowser, launchBrowser } from "./browser.js";
import { type StaticServer, startStaticServer } from "./staticServer.js";

const base = inject("staticBaseUrl");
const WIDGET = `${base}/cdn/appsmith-auth-kit.widget.react-external.js`;
const require = createRequire(import.meta.url);

const MODULE_SOURCES = new Set([
  "ImportDeclaration",
  "ImportExpression",
  "ExportNamedDeclaration",
  "ExportAllDeclaration",
]);
type AstNode = { type?: unknown; source?: { value?: unknown } | null };

/** Every bare specifier of the file's static and dynamic imports and re-exports. */
function bareSpecifiers(code: string): string[] {
  const found = new Set<string>();
  const visit = (node: unknown): void => {
    // Arrays too: their values are their elements.
    if (typeof node !== "object" || node === null) return;
    const { type, source } = node as AstNode;
    if (MODULE_SOURCES.has(String(type)) && typeof source?.value === "string") {
      found.add(source.value);
    }
    Object.values(node).forEach(visit);
  };
  visit(parseAst(code));
  return [...found].filter((id) => !/^(\.|\/|[a-z][a-z0-9+.-]*:)/i.test(id)).sort();
}

const fileNameOf = (specifier: string) => `${specifier.replace(/\//g, "__")}.js`;

/**
 * Builds one ESM entry per specifier (re-exporting all of it, default included) with the
 * shared code in common chunks, and returns the output chunks.
 */
async function buildReact(specifiers: string[], outDir: string, entriesDir: string) {
  const entry: Record<string, string> = {};
  for (const specifier of specifiers) {
    const names = Object.keys(require(specifier)).filter((name) => name !== "default");
    const from = JSON.stringify(require.resolve(specifier));
    const file = join(entriesDir, fileNameOf(specifier));
    await writeFile(
      file,
      `export { ${names.join(", ")} } from ${from};\nexport { default } from ${from};\n`,
    );
    entry[fileNameOf(specifier).slice(0, -3)] = file;
  }
  const output = (await build({
    configFile: false,
    logLevel: "warn",
    define: { "process.env.NODE_ENV": '"production"' },
    build: {
      outDir,
      emptyOutDir: true,
      minify: false,
      lib: { entry, formats: ["es"], fileName: (_format, name) => `${name}.js` },
    },
  })) as Rolldown.RolldownOutput[];
  return output.flatMap((o) => o.output).filter((chunk) => chunk.type === "chunk");
}

let browser: LaunchedBrowser;
let server: StaticServer;
let temp: string;
let specifiers: string[];
let chunks: Rolldown.OutputChunk[];

beforeAll(async () => {
  const response = await fetch(WIDGET);
  if (!response.ok) throw new Error(`${WIDGET}: ${response.status} (run \`npm run build\`)`);
  const code = await response.text();
  specifiers = bareSpecifiers(code);
  temp = await mkdtemp(join(tmpdir(), "aak-react-external-"));
  await Promise.all(["entries", "react", "page"].map((dir) => mkdir(join(temp, dir))));
  // react-dom too, though the file may import only react-dom/client: pages map it anyway.
  const mapped = [...new Set([...specifiers, "react", "react-dom"])];
  chunks = await buildReact(mapped, join(temp, "react"), join(temp, "entries"));
  server = await startStaticServer({
    "/react/": join(temp, "react"),
    "/page/": join(temp, "page"),
  });
  const imports = Object.fromEntries(
    mapped.map((s) => [s, `${server.baseUrl}/react/${fileNameOf(s)}`]),
  );
  await writeFile(join(temp, "page", "index.html"), page(imports));
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
  await server?.stop();
  if (temp) await rm(temp, { recursive: true, force: true });
});

function page(imports: Record<string, string>): string {
  return `<!doctype html><html lang="en"><head><title>React-external widget</title><link rel="icon" href="data:,">
<script type="importmap">${JSON.stringify({ imports })}</script></head>
<body><div id="root"></div><script type="module">
import { version } from "react";
import { mount } from "${WIDGET}";
window.reactVersion = version;
window.kitEvents = [];
mount(document.getElementById("root"), {
  provider: { type: "demo", latencyMs: 0 }, view: "login",
  onHostEvent: (name, context) => window.kitEvents.push({ name, context }),
});
</script></body></html>`;
}

type KitWindow = {
  reactVersion: string;
  kitEvents: Array<{ name: string; context: Record<string, unknown> }>;
};

describe("the React-external CDN file with an import map", () => {
  it("imports nothing bare but React's and react-dom's entry points", () => {
    expect(specifiers).toEqual(
      expect.arrayContaining(["react", "react-dom/client", "react/jsx-runtime"]),
    );
    expect(specifiers.every((s) => /^react(-dom)?(\/|$)/.test(s))).toBe(true);
  });

  it("signs in with React 19 from the page, one copy of it shared with the widget", async () => {
    const tab = await browser.context.newPage();
    const problems = collectProblems(tab);
    const requested: string[] = [];
    tab.on("request", (request) => requested.push(request.url()));
    await tab.goto(`${server.baseUrl}/page/index.html`);
    const root = tab.locator("#root");
    // A second React copy throws before the form appears (production React 19 says "Cannot
    // read properties of null (reading 'useState')" where development says "Invalid hook call").
    const rendered = async () =>
      problems.length > 0 || (await root.getByLabel("Email").isVisible());
    await expect.poll(rendered, { timeout: 10_000 }).toBe(true);
    expect(problems).toEqual([]);
    await root.getByLabel("Email").fill("demo@example.com");
    await root.getByLabel("Password", { exact: true }).fill("password123");
    await root.getByRole("button", { name: "Sign in", exact: true }).click();
    await expect.poll(() => root.getByText("Signed in as demo@example.com").isVisible()).toBe(true);
    await expect(root.getByRole("button", { name: "Sign out" }).isVisible()).resolves.toBe(true);

    const state = await tab.evaluate(() => {
      const { reactVersion, kitEvents } = window as unknown as KitWindow;
      return { reactVersion, kitEvents };
    });
    expect(state.reactVersion).toBe(require("react/package.json").version);
    expect(state.reactVersion).toMatch(/^19\./);
    const login = state.kitEvents.filter((event) => event.name === "onLogin");
    expect(login).toHaveLength(1);
    expect(login[0]?.context.user).toMatchObject({ email: "demo@example.com" });

    // React's own code sits in exactly one chunk, fetched once; nothing is fetched twice and
    // the React-included file is never touched. (A second copy would also have thrown
    // "Invalid hook call" long before the signed-in view.)
    const withReact = chunks.filter((chunk) =>
      chunk.moduleIds.some((id) => /[\\/]react[\\/]cjs[\\/]react\.production\.js$/.test(id)),
    );
    expect(withReact).toHaveLength(1);
    const reactUrl = `${server.baseUrl}/react/${withReact[0]?.fileName}`;
    expect(requested.filter((url) => url === reactUrl)).toHaveLength(1);
    expect(requested.length).toBe(new Set(requested).size);
    expect(requested).toContain(WIDGET);
    expect(requested.some((url) => url.endsWith("/appsmith-auth-kit.widget.js"))).toBe(false);
    expect(chunks.some((c) => c.moduleIds.some((id) => /development/.test(id)))).toBe(false);
    expect(problems).toEqual([]);
    await tab.close();
  });
});
