// The npm package the way an app uses it: a Vite app in its own folder, with the package
// installed under node_modules (a link to this repo, so its package.json `exports` decide
// what each import gets), built by Vite and opened in Chromium.
//   config  — `AuthProvider` from "appsmith-auth-kit/config" with the forms and useAuth from
//             the main entry: one shared context, and the provider's code fetched in a chunk
//             of its own only when the first call needs it.
//   adapter — the main entry with an adapter: no import(), so none of the preload helper Vite
//             wraps every import() in (its "vite:preloadError" event names it).
import { mkdir, mkdtemp, rm, symlink, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { build, parseAst, type Rolldown } from "vite";
import { collectProblems, type LaunchedBrowser, launchBrowser } from "./browser.js";
import { expectFieldError, typeAndEnter } from "./keyboard.js";
import { type StaticServer, startStaticServer } from "./staticServer.js";

const repo = fileURLToPath(new URL("../..", import.meta.url));

// Both forms, each in a region of its own; the sign-up policy is looser than the demo
// provider's 8 characters, so the server is the one to refuse a 7-character password.
const CONFIG_APP = `import { ConfigAuthProvider } from "appsmith-auth-kit/config";
import { LoginForm, LogoutButton, SignupForm, useAuth } from "appsmith-auth-kit";
import { createElement as h } from "react";
import { createRoot } from "react-dom/client";

function Account() {
  const { status, user } = useAuth();
  return status === "signed_in"
    ? h("p", null, "Hello " + user.email, h(LogoutButton))
    : h("div", null,
        h("section", { "aria-label": "Sign in" }, h(LoginForm)),
        h("section", { "aria-label": "Sign up" }, h(SignupForm, { passwordPolicy: { minLength: 6 } })));
}
createRoot(document.getElementById("root")).render(
  h(ConfigAuthProvider, { config: { type: "demo", latencyMs: 0 }, storage: "memory" }, h(Account)),
);
`;

const ADAPTER_APP = `import { AuthProvider, LoginForm } from "appsmith-auth-kit";
import { demo } from "appsmith-auth-kit/providers/demo";
import { createElement as h } from "react";
import { createRoot } from "react-dom/client";

createRoot(document.getElementById("root")).render(
  h(AuthProvider, { adapter: demo({ latencyMs: 0 }) }, h(LoginForm)),
);
`;

const HTML = `<!doctype html><html lang="en"><head><title>npm app</title><link rel="icon" href="data:,"></head>
<body><div id="root"></div><script type="module" src="./main.js"></script></body></html>`;

/** How many dynamic import() expressions `code` holds (text in strings does not count). */
function dynamicImports(code: string): number {
  let count = 0;
  const visit = (node: unknown): void => {
    if (typeof node !== "object" || node === null) return;
    if ((node as { type?: unknown }).type === "ImportExpression") count += 1;
    Object.values(node).forEach(visit);
  };
  visit(parseAst(code));
  return count;
}

let temp: string;
let browser: LaunchedBrowser;
let server: StaticServer;

/** Writes an app into its own folder beside a node_modules that holds the kit and React. */
async function appFolder(name: string, code: string): Promise<string> {
  const dir = join(temp, name);
  await mkdir(join(dir, "node_modules"), { recursive: true });
  await symlink(repo, join(dir, "node_modules", "appsmith-auth-kit"), "dir");
  for (const pkg of ["react", "react-dom"]) {
    await symlink(join(repo, "node_modules", pkg), join(dir, "node_modules", pkg), "dir");
  }
  await writeFile(join(dir, "main.js"), code);
  await writeFile(join(dir, "index.html"), HTML);
  return dir;
}

async function buildApp(dir: string): Promise<Rolldown.OutputChunk[]> {
  const output = (await build({
    configFile: false,
    logLevel: "warn",
    root: dir,
    base: "./",
    // The test runner's NODE_ENV is "test"; an app's production build is what ships.
    define: { "process.env.NODE_ENV": '"production"' },
    build: { outDir: join(dir, "out"), emptyOutDir: true },
  })) as Rolldown.RolldownOutput;
  return output.output.filter((item): item is Rolldown.OutputChunk => item.type === "chunk");
}

let configChunks: Rolldown.OutputChunk[];
let adapterChunks: Rolldown.OutputChunk[];

beforeAll(async () => {
  temp = await mkdtemp(join(tmpdir(), "aak-npm-app-"));
  const configDir = await appFolder("config", CONFIG_APP);
  const adapterDir = await appFolder("adapter", ADAPTER_APP);
  configChunks = await buildApp(configDir);
  adapterChunks = await buildApp(adapterDir);
  server = await startStaticServer({ "/config/": join(configDir, "out") });
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
  await server?.stop();
  if (temp) await rm(temp, { recursive: true, force: true });
});

describe("the npm package's entries in a Vite app", () => {
  it("signs in through <AuthProvider config> from appsmith-auth-kit/config", async () => {
    const lazy = configChunks.filter((chunk) =>
      chunk.moduleIds.some((id) => id.endsWith("/dist/providers/createAdapter.js")),
    );
    expect(lazy).toHaveLength(1);
    expect(lazy[0]?.isDynamicEntry).toBe(true);
    const lazyPath = `/config/${lazy[0]?.fileName}`;

    const tab = await browser.context.newPage();
    const problems = collectProblems(tab);
    await tab.goto(`${server.baseUrl}/config/index.html`);
    // A second copy of the context would throw "useAuth must be used within <AuthProvider>".
    await expect
      .poll(async () => problems.length > 0 || (await tab.getByLabel("Email").first().isVisible()))
      .toBe(true);
    expect(problems).toEqual([]);
    expect(server.requests).not.toContain(lazyPath);

    // Email, Tab, password, Enter: the show/hide button comes after the password.
    const signIn = tab.getByRole("region", { name: "Sign in" });
    await typeAndEnter(tab, signIn, "demo@example.com", "password123");
    await expect.poll(() => tab.getByText("Hello demo@example.com").isVisible()).toBe(true);
    expect(server.requests.filter((path) => path === lazyPath)).toHaveLength(1);
    expect(problems).toEqual([]);
    await tab.close();
  });

  it("signs up by keyboard, and shows the server's field errors on their fields", async () => {
    const tab = await browser.context.newPage();
    const problems = collectProblems(tab);
    await tab.goto(`${server.baseUrl}/config/index.html`);
    const signUp = tab.getByRole("region", { name: "Sign up" });
    await expect.poll(() => signUp.getByLabel("Email").isVisible()).toBe(true);
    await typeAndEnter(tab, signUp, "grace@example.com", "abcdefg");
    await expectFieldError(signUp, "Password", /too weak/);
    // Still on the password: a keyboard user retypes it and presses Enter again.
    await tab.keyboard.press("ControlOrMeta+A");
    await tab.keyboard.type("long-enough-1");
    await tab.keyboard.press("Enter");
    await expect.poll(() => tab.getByText("Hello grace@example.com").isVisible()).toBe(true);
    await tab.getByRole("button", { name: "Sign out" }).click();
    await typeAndEnter(tab, signUp, "grace@example.com", "long-enough-1");
    await expectFieldError(signUp, "Email", /already exists/);
    expect(
      await signUp.getByLabel("Password", { exact: true }).getAttribute("aria-invalid"),
    ).toBeNull();
    expect(problems).toEqual([]);
    await tab.close();
  });

  it("ships no import() and no preload helper to an app that passes an adapter", () => {
    const code = adapterChunks.map((chunk) => chunk.code).join("\n");
    expect(adapterChunks).toHaveLength(1);
    expect(code).toContain("aak-form");
    expect(dynamicImports(code)).toBe(0);
    expect(code).not.toContain("vite:preloadError");
    // The same app from the config entry does carry both, in its main chunk.
    const configMain = configChunks.find((chunk) => chunk.isEntry)?.code ?? "";
    expect(dynamicImports(configMain)).toBe(1);
    expect(configMain).toContain("vite:preloadError");
  });
});
