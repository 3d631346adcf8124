// The widget and the forms offer only what the adapter can do.
import { act, render, screen, waitFor } from "@testing-library/react";
import { createAuthClient } from "../../../src/core/createAuthClient.js";
import { demo } from "../../../src/providers/demo.js";
import { oauth2 } from "../../../src/providers/oauth2.js";
import { xano } from "../../../src/providers/xano.js";
import { AuthProvider } from "../../../src/react/AuthProvider.js";
import { SignupForm, useSignUp } from "../../../src/react/index.js";
import type { WidgetConfig } from "../../../src/widget/modelConfig.js";
import { WidgetApp } from "../../../src/widget/WidgetApp.js";
import { mountInAppsmith } from "./mountInAppsmith.js";

const OAUTH2 = { type: "oauth2", tokenUrl: "https://idp.test/oauth/token", clientId: "spa" };

const mountWidget = (model: Record<string, unknown>) => mountInAppsmith(model).cleanup;

describe("the widget offers sign-up only where the adapter can sign up", () => {
  let cleanup: () => void = () => {};
  afterEach(() => cleanup());

  it("oauth2 without signUpUrl: the auto view has no 'Create one' switch", async () => {
    cleanup = mountWidget({ provider: OAUTH2, view: "auto" });
    expect(await screen.findByRole("button", { name: "Sign in" })).toBeInTheDocument();
    expect(screen.queryByRole("button", { name: /Create one/ })).toBeNull();
  });

  it("oauth2 with signUpUrl: the switch is there", async () => {
    cleanup = mountWidget({
      provider: { ...OAUTH2, signUpUrl: "https://idp.test/dbconnections/signup" },
      view: "auto",
    });
    expect(await screen.findByRole("button", { name: /Create one/ })).toBeInTheDocument();
  });

  it("oauth2 without signUpUrl, signup view: a clear notice instead of a form that can only fail", async () => {
    cleanup = mountWidget({ provider: OAUTH2, view: "signup" });
    expect(
      await screen.findByText("This action is not supported by the sign-in service."),
    ).toBeInTheDocument();
    expect(screen.queryByRole("button", { name: "Create account" })).toBeNull();
    expect(screen.queryByLabelText("Email")).toBeNull();
  });
});

describe("no refresh-dependent promise from an adapter that cannot refresh", () => {
  // An engine stuck restoring a session from a refresh token, shown by the widget.
  function restoring(adapter: ReturnType<typeof demo>) {
    const stuck = { ...adapter, refresh: () => new Promise<never>(() => {}) };
    const client = createAuthClient({
      adapter: stuck,
      storage: "memory",
      initialRefreshToken: "r",
    });
    const config: WidgetConfig = { provider: {}, view: "auto" };
    return render(<WidgetApp state={{ kind: "ready", client, config, engineId: 1 }} />);
  }

  it("xano: no 'Restoring your session…'", async () => {
    const view = restoring(xano({ baseUrl: "https://x.xano.io/api:abc" }));
    await waitFor(() => expect(view.container.querySelector("[aria-busy='true']")).not.toBeNull());
    expect(screen.queryByText(/Restoring your session/)).toBeNull();
    view.unmount();
  });

  it("an adapter that refreshes (demo) does say it", async () => {
    const view = restoring(demo({ latencyMs: 0, storage: "memory" }));
    expect(await screen.findByText("Restoring your session…")).toBeInTheDocument();
    view.unmount();
  });
});

const seen: { supported?: boolean; error?: string } = {};

function SignUpProbe() {
  const signUp = useSignUp();
  seen.supported = signUp.supported;
  const attempt = () =>
    signUp.mutateAsync({ email: "a@example.com", password: "pw" }).catch((error) => {
      seen.error = error.code;
    });
  return (
    <button type="button" onClick={attempt}>
      try
    </button>
  );
}

describe("the forms and hooks outside the widget", () => {
  it("SignupForm with an adapter that cannot sign up shows the notice, and the hook says unsupported", async () => {
    const fetch = vi.fn();
    const adapter = oauth2({ tokenUrl: "https://idp.test/token", clientId: "spa", fetch });
    render(
      <AuthProvider adapter={adapter} storage="memory">
        <SignupForm />
        <SignUpProbe />
      </AuthProvider>,
    );
    expect(
      await screen.findByText("This action is not supported by the sign-in service."),
    ).toBeInTheDocument();
    expect(seen.supported).toBe(false);
    act(() => screen.getByRole("button", { name: "try" }).click());
    await waitFor(() => expect(seen.error).toBe("not_supported"));
    expect(fetch).not.toHaveBeenCalled();
  });
});
