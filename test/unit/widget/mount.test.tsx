import { act, screen, waitFor } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { mount } from "../../../src/widget/mount.js";
import { createFakeAppsmith } from "./fakeAppsmith.js";
import { mountInAppsmith } from "./mountInAppsmith.js";

const provider = { type: "demo", latencyMs: 0, accessTokenTtlSeconds: 3600 };

const setup = mountInAppsmith;

async function signIn(email: string, password: string) {
  const user = userEvent.setup();
  await user.type(await screen.findByLabelText("Email"), email);
  await user.type(screen.getByLabelText("Password", { selector: "input" }), password);
  await user.click(screen.getByRole("button", { name: "Sign in" }));
}

describe("mount in an Appsmith frame", () => {
  let cleanup: () => void = () => {};
  afterEach(() => cleanup());

  it("signs in, writes the model state and triggers onLogin with a plain context", async () => {
    const widget = setup({ provider, view: "login" });
    cleanup = widget.cleanup;
    await waitFor(() => expect(widget.host.hostModel().status).toBe("signed_out"));
    await signIn("demo@example.com", "password123");
    await screen.findByText("Signed in as demo@example.com");
    const model = widget.host.hostModel();
    expect(model).toMatchObject({
      status: "signed_in",
      accessToken: expect.any(String),
      expiresAt: expect.any(Number),
      user: { id: expect.any(String), email: "demo@example.com" },
      error: null,
    });
    const login = widget.host.events.find((event) => event.name === "onLogin");
    expect(login?.context).toEqual({
      accessToken: model.accessToken,
      refreshToken: expect.any(String),
      expiresAt: model.expiresAt,
      user: { id: expect.any(String), email: "demo@example.com" },
    });
    expect(widget.element.innerHTML).not.toContain(model.accessToken as string);
  });

  it("does not loop on the host echoing its own writes", async () => {
    const widget = setup({ provider, view: "login" });
    cleanup = widget.cleanup;
    await signIn("demo@example.com", "password123");
    await screen.findByText("Signed in as demo@example.com");
    await new Promise((resolve) => setTimeout(resolve, 50));
    const settled = widget.host.updates.length;
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(widget.host.updates.length).toBe(settled);
    expect(settled).toBeLessThanOrEqual(4);
  });

  it("reports a wrong password through onAuthError and the model's error", async () => {
    const widget = setup({ provider, view: "login" });
    cleanup = widget.cleanup;
    await signIn("demo@example.com", "wrongpass");
    await waitFor(() =>
      expect(widget.host.events).toContainEqual({
        name: "onAuthError",
        context: { action: "sign_in", code: "invalid_credentials", message: expect.any(String) },
      }),
    );
    await waitFor(() =>
      expect(widget.host.hostModel().error).toMatchObject({ code: "invalid_credentials" }),
    );
    expect(await screen.findByRole("alert")).toHaveTextContent(/incorrect/);
  });

  it("signs out with the logout button and triggers onLogout", async () => {
    const widget = setup({ provider, view: "auto" });
    cleanup = widget.cleanup;
    await signIn("demo@example.com", "password123");
    await userEvent.click(await screen.findByRole("button", { name: "Sign out" }));
    await waitFor(() =>
      expect(widget.host.events.at(-1)).toEqual({ name: "onLogout", context: { reason: "user" } }),
    );
    await waitFor(() =>
      expect(widget.host.hostModel()).toMatchObject({
        status: "signed_out",
        accessToken: null,
        user: null,
      }),
    );
    expect(await screen.findByRole("button", { name: "Sign in" })).toBeInTheDocument();
  });

  it("switches between sign-in and sign-up in the auto view, and signs up", async () => {
    const widget = setup({
      provider,
      view: "auto",
      passwordPolicy: { minLength: 8, requireDigit: true },
    });
    cleanup = widget.cleanup;
    const user = userEvent.setup();
    await user.click(await screen.findByRole("button", { name: /Create one/ }));
    await user.type(screen.getByLabelText("Email"), "new@example.com");
    await user.type(screen.getByLabelText("Password", { selector: "input" }), "secret123");
    await user.click(screen.getByRole("button", { name: "Create account" }));
    await screen.findByText("Signed in as new@example.com");
    const signup = widget.host.events.find((event) => event.name === "onSignup");
    expect(signup?.context).toMatchObject({
      accessToken: expect.any(String),
      refreshToken: expect.any(String),
      needsConfirmation: false,
      user: { email: "new@example.com" },
    });
  });

  it("titles each card and keeps the switch link inside the form, focused after a switch", async () => {
    const widget = setup({
      provider,
      view: "auto",
      messages: { signInSubtitle: "", signUpTitle: "Join us" },
    });
    cleanup = widget.cleanup;
    const user = userEvent.setup();
    const toSignUp = await screen.findByRole("button", { name: /Create one/ });
    expect(screen.getByRole("heading", { level: 2, name: "Sign in" })).toBeInTheDocument();
    // An empty message leaves its line out.
    expect(screen.queryByText(/Welcome back/)).toBeNull();
    expect(toSignUp.closest("form")).toBe(screen.getByLabelText("Email").closest("form"));
    await user.click(toSignUp);
    expect(await screen.findByRole("heading", { level: 2, name: "Join us" })).toBeInTheDocument();
    expect(screen.getByText("Enter your email and choose a password.")).toBeVisible();
    const toSignIn = screen.getByRole("button", { name: /Already have an account/ });
    expect(toSignIn.closest("form")).not.toBeNull();
    await waitFor(() => expect(toSignIn).toHaveFocus());
    // The link is no submit button: Enter on it switches, it does not sign up.
    await user.keyboard("{Enter}");
    await screen.findByRole("heading", { level: 2, name: "Sign in" });
    expect(widget.host.events.filter((event) => event.name === "onAuthError")).toEqual([]);
  });

  it("shows the signed-in card with its title and who is signed in", async () => {
    const widget = setup({ provider, view: "auto" });
    cleanup = widget.cleanup;
    await signIn("demo@example.com", "password123");
    const title = await screen.findByRole("heading", { level: 2, name: "You are signed in" });
    const card = title.parentElement as HTMLElement;
    expect(card).toHaveClass("aak", "aak-status", "aak-signed-in");
    expect(card).toContainElement(screen.getByRole("button", { name: "Sign out" }));
    expect(screen.getByRole("status")).toHaveTextContent("Signed in as demo@example.com");
  });

  it("renders an accessible error for an invalid configuration and reports it in the model", async () => {
    const errors = vi.spyOn(console, "error");
    const widget = setup({ provider: { type: "nope" }, view: "sideways" });
    cleanup = widget.cleanup;
    const alert = await screen.findByRole("alert", { name: /not configured correctly/ });
    expect(alert).toHaveTextContent(/"view"/);
    await waitFor(() =>
      expect(widget.host.hostModel().error).toMatchObject({ code: "invalid_config" }),
    );
    expect(widget.host.events).toEqual([]);
    expect(errors).not.toHaveBeenCalled();
  });

  it("titles the configuration error with the model's configErrorTitle", async () => {
    const messages = { configErrorTitle: "Login box misconfigured" };
    const widget = setup({ provider: { type: "demo" }, view: "sideways", messages });
    cleanup = widget.cleanup;
    expect(await screen.findByRole("alert", { name: "Login box misconfigured" })).toBeVisible();
  });

  it("recovers when the app fixes the Default Model", async () => {
    const widget = setup({});
    cleanup = widget.cleanup;
    expect(await screen.findByRole("alert")).toHaveTextContent(/"provider" is missing/);
    act(() => widget.host.resetModel({ provider, view: "login" }));
    expect(await screen.findByRole("button", { name: "Sign in" })).toBeInTheDocument();
    await waitFor(() =>
      expect(widget.host.hostModel()).toMatchObject({ status: "signed_out", error: null }),
    );
  });

  it("writes its keys again after the app resets the model to its Default Model", async () => {
    const widget = setup({ provider, view: "login" });
    cleanup = widget.cleanup;
    await signIn("demo@example.com", "password123");
    await screen.findByText("Signed in as demo@example.com");
    const token = widget.host.hostModel().accessToken;
    act(() => widget.host.resetModel({ provider, view: "login", refreshToken: "stored" }));
    await waitFor(() => expect(widget.host.hostModel().accessToken).toBe(token));
    expect(widget.host.hostModel().status).toBe("signed_in");
    expect(widget.host.events.filter((event) => event.name === "onTokenRefresh")).toEqual([]);
  });

  it("maps the Appsmith theme onto the kit's CSS variables, live", async () => {
    const widget = setup({ provider }, { primaryColor: "#ff0000", borderRadius: "0px" });
    cleanup = widget.cleanup;
    expect(widget.element.style.getPropertyValue("--aak-primary")).toBe("#ff0000");
    expect(widget.element.style.getPropertyValue("--aak-radius")).toBe("0px");
    act(() => widget.host.setTheme({ primaryColor: "#00ff00", boxShadow: "none" }));
    expect(widget.element.style.getPropertyValue("--aak-primary")).toBe("#00ff00");
    expect(widget.element.style.getPropertyValue("--aak-shadow")).toBe("none");
    expect(widget.element.style.getPropertyValue("--aak-radius")).toBe("");
  });

  it("keeps the author's inline --aak-* values where the theme sets none, and on unmount", async () => {
    for (const theme of [undefined, { primaryColor: "#00ff00" }]) {
      const host = createFakeAppsmith({ model: { provider }, firstRelease: theme === undefined });
      if (theme) host.appsmith.theme = theme;
      const uninstall = host.install();
      const element = document.createElement("div");
      element.style.setProperty("--aak-primary", "purple");
      element.style.setProperty("--aak-radius", "2px");
      document.body.appendChild(element);
      let unmount: () => void = () => {};
      act(() => {
        unmount = mount(element);
      });
      expect(element.style.getPropertyValue("--aak-primary")).toBe(theme ? "#00ff00" : "purple");
      expect(element.style.getPropertyValue("--aak-radius")).toBe("2px");
      act(() => unmount());
      expect(element.style.getPropertyValue("--aak-primary")).toBe("purple");
      expect(element.style.getPropertyValue("--aak-radius")).toBe("2px");
      element.remove();
      uninstall();
    }
  });

  it("unmounts cleanly: nothing rendered, variables cleared, no more writes", async () => {
    const widget = setup({ provider }, { primaryColor: "#ff0000" });
    await screen.findByRole("button", { name: "Sign in" });
    widget.unmount();
    expect(widget.element).toBeEmptyDOMElement();
    expect(widget.element.style.getPropertyValue("--aak-primary")).toBe("");
    const writes = widget.host.updates.length;
    act(() => widget.host.resetModel({ provider, view: "signup" }));
    expect(widget.host.updates.length).toBe(writes);
    cleanup = widget.cleanup;
  });

  it("shows only the signed-out note in the logout view", async () => {
    const widget = setup({ provider, view: "logout" });
    cleanup = widget.cleanup;
    expect(await screen.findByText("You are signed out.")).toBeInTheDocument();
    expect(screen.queryByRole("button", { name: "Sign in" })).toBeNull();
  });
});

describe("mount outside Appsmith", () => {
  it("says clearly when the element is missing", () => {
    expect(() => mount(null as unknown as HTMLElement)).toThrow(/not a DOM element/);
  });

  it("takes its whole config from the options: engine events to onEvent, host ones to onHostEvent", async () => {
    const element = document.createElement("div");
    document.body.appendChild(element);
    const onEvent = vi.fn();
    const onHostEvent = vi.fn();
    let unmount: () => void = () => {};
    act(() => {
      unmount = mount(element, { provider, view: "login", onEvent, onHostEvent });
    });
    await signIn("demo@example.com", "password123");
    await screen.findByText("Signed in as demo@example.com");
    expect(onEvent).toHaveBeenCalledWith({
      type: "signed_in",
      session: expect.objectContaining({ accessToken: expect.any(String) }),
    });
    expect(onEvent.mock.calls.every((call) => call.length === 1)).toBe(true);
    expect(onHostEvent).toHaveBeenCalledWith(
      "onLogin",
      expect.objectContaining({ accessToken: expect.any(String) }),
    );
    expect(onHostEvent).toHaveBeenCalledWith("onNoSession", { reason: "no_session" });
    act(() => unmount());
    element.remove();
  });
});
