// Renders per keystroke: types 30 characters into each kit form and into a baseline form
// with controlled inputs (useState per field), counting React <Profiler> commits for each.
// A SignupForm password keystroke commits only the hint list (useWatch lives in PasswordHints).
// Runs the TypeScript sources through Vite's SSR loader in jsdom: `npm run bench:renders`.
import { JSDOM } from "jsdom";
import { createServer } from "vite";

const dom = new JSDOM("<!doctype html><html><head></head><body></body></html>", {
  url: "http://localhost/",
  pretendToBeVisual: true,
});
for (const key of Object.getOwnPropertyNames(dom.window)) {
  if (!(key in globalThis)) globalThis[key] = dom.window[key];
}
for (const key of ["window", "document", "navigator"]) {
  Object.defineProperty(globalThis, key, { value: dom.window[key], configurable: true });
}
globalThis.IS_REACT_ACT_ENVIRONMENT = true;

const vite = await createServer({
  configFile: false,
  logLevel: "error",
  appType: "custom",
  server: { middlewareMode: true, hmr: false, ws: false },
});
try {
  const React = await import("react");
  const { render, cleanup, screen } = await import("@testing-library/react");
  const { default: userEvent } = await import("@testing-library/user-event");
  const kit = await vite.ssrLoadModule("/src/react/index.ts");
  const h = React.createElement;
  const TEXT = "ada.lovelace@analytical.engine"; // 30 characters

  const session = (email) => ({
    accessToken: "a",
    refreshToken: "r",
    expiresAt: Date.now() + 3_600_000,
    tokenType: "bearer",
    user: { id: "1", email },
    provider: "bench",
  });
  const adapter = {
    name: "bench",
    capabilities: { signUp: true, refresh: true, revoke: false },
    signIn: async (input) => session(input.email),
    signUp: async (input) => ({ kind: "session", session: session(input.email) }),
    refresh: async () => session("x@example.com"),
    signOut: async () => {},
  };

  function BaselineForm() {
    const [email, setEmail] = React.useState("");
    const [password, setPassword] = React.useState("");
    return h(
      "form",
      { onSubmit: (e) => e.preventDefault() },
      h(
        "label",
        null,
        "Email",
        h("input", { value: email, onChange: (e) => setEmail(e.target.value) }),
      ),
      h(
        "label",
        null,
        "Password",
        h("input", {
          type: "password",
          value: password,
          onChange: (e) => setPassword(e.target.value),
        }),
      ),
      h("button", { type: "submit" }, "Sign in"),
    );
  }

  async function measure(name, element, label, before) {
    let commits = 0;
    const tree = h(
      React.StrictMode,
      null,
      h(
        kit.AuthProvider,
        { adapter, storage: "memory" },
        h(React.Profiler, { id: name, onRender: () => commits++ }, element),
      ),
    );
    const user = userEvent.setup();
    render(tree);
    await before?.(user);
    const input = screen.getByLabelText(label);
    await user.click(input);
    commits = 0;
    await user.type(input, TEXT);
    cleanup();
    return {
      form: name,
      keystrokes: TEXT.length,
      commits,
      perKeystroke: Number((commits / TEXT.length).toFixed(2)),
    };
  }

  const failFirst = async (user) => {
    await user.click(screen.getByRole("button", { name: "Sign in" }));
  };
  const rows = [
    await measure("baseline (useState per field)", h(BaselineForm), "Email"),
    await measure("LoginForm email", h(kit.LoginForm), "Email"),
    await measure("SignupForm email", h(kit.SignupForm), "Email"),
    await measure(
      "SignupForm password (policy hints)",
      h(kit.SignupForm, { passwordPolicy: { minLength: 8, requireDigit: true } }),
      "Password",
    ),
    await measure("LoginForm email after a failed submit", h(kit.LoginForm), "Email", failFirst),
  ];
  const baseline = rows[0].commits;
  console.table(
    rows.map((row) => ({ ...row, vsBaseline: `${((row.commits / baseline) * 100).toFixed(0)}%` })),
  );
  for (const row of rows.slice(1, 3))
    console.log(
      `${row.form}: ${row.commits} commits vs baseline ${baseline} (ratio ${(row.commits / baseline).toFixed(2)})`,
    );
} finally {
  await vite.close();
}
