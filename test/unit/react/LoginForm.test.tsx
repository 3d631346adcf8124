import { fireEvent, screen, waitFor } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import type { ReactNode } from "react";
import {
  AuthError,
  type AuthErrorCode,
  DEFAULT_ERROR_MESSAGES,
} from "../../../src/core/AuthError.js";
import type { Session } from "../../../src/core/types.js";
import { BUSY_DELAY_MS } from "../../../src/react/Field.js";
import { LoginForm, useAuth } from "../../../src/react/index.js";
import { deferred, fakeAdapter, fakeSession, renderWithAuth } from "./fakes.js";

const email = () => screen.getByLabelText("Email");
const password = () => screen.getByLabelText("Password");
const submit = () => screen.getByRole("button", { name: /sign(ing)? in/i });

async function fill(user: ReturnType<typeof userEvent.setup>, mail: string, pass: string) {
  await user.type(email(), mail);
  await user.type(password(), pass);
}

describe("LoginForm", () => {
  it("labels its fields and asks the browser for the right autofill", () => {
    renderWithAuth(<LoginForm />);
    expect(email()).toHaveAttribute("autocomplete", "email");
    expect(email()).toHaveAttribute("type", "email");
    expect(password()).toHaveAttribute("autocomplete", "current-password");
    expect(password()).toHaveAttribute("type", "password");
  });

  it("shows validation errors, marks fields invalid and focuses the first one", async () => {
    const user = userEvent.setup();
    const { adapter } = renderWithAuth(<LoginForm />);
    await user.click(submit());
    expect(await screen.findByText("Enter your email address.")).toBeVisible();
    expect(email()).toHaveAttribute("aria-invalid", "true");
    expect(email()).toHaveAccessibleDescription("Enter your email address.");
    expect(password()).toHaveAccessibleDescription("Enter your password.");
    expect(email()).toHaveFocus();

    await user.type(email(), "not-an-email");
    await user.click(submit());
    await waitFor(() => expect(email()).toHaveAccessibleDescription(/Enter a valid email address/));
    await user.clear(email());
    await user.type(email(), "ada@example.com");
    await user.click(submit());
    await waitFor(() => expect(password()).toHaveFocus());
    expect(email()).not.toHaveAttribute("aria-invalid");
    expect(adapter.signIn).not.toHaveBeenCalled();
  });

  it("looks busy only once a request has lasted BUSY_DELAY_MS; a faster reply never flashes it", async () => {
    const user = userEvent.setup();
    const adapter = fakeAdapter();
    const slow = deferred<Session>();
    adapter.signIn.mockReturnValueOnce(slow.promise);
    const onSuccess = vi.fn();
    renderWithAuth(<LoginForm onSuccess={onSuccess} />, { adapter });
    await fill(user, "ada@example.com", "secret-pass");
    const clicked = performance.now();
    fireEvent.click(submit());
    expect(adapter.signIn).toHaveBeenCalledTimes(1);
    // Polls until it looks busy; it must not before the delay (a slow machine only adds).
    const busy = await screen.findByRole("button", { name: "Signing in…" });
    expect(performance.now() - clicked).toBeGreaterThanOrEqual(BUSY_DELAY_MS - 1);
    expect(busy).toBeDisabled();
    expect(busy.closest("form")).toHaveAttribute("aria-busy", "true");
    slow.resolve(fakeSession("ada@example.com"));
    await waitFor(() => expect(onSuccess).toHaveBeenCalledTimes(1));

    // A reply inside the delay (already there when the click asks): the button reads
    // "Sign in" all along, never "Signing in…". Its success is scheduled before the busy
    // timer starts, so a slow machine cannot make the timer win.
    adapter.signIn.mockResolvedValueOnce(fakeSession("ada@example.com"));
    const labels: string[] = [];
    const button = screen.getByRole("button", { name: "Sign in" });
    const watch = new MutationObserver(() => labels.push(button.textContent ?? ""));
    watch.observe(button, { childList: true, characterData: true, subtree: true });
    await user.click(button);
    await waitFor(() => expect(onSuccess).toHaveBeenCalledTimes(2));
    await new Promise((resolve) => setTimeout(resolve, BUSY_DELAY_MS + 20));
    watch.disconnect();
    expect(labels).not.toContain("Signing in…");
  });

  it("is busy while pending, then calls onSuccess with the session", async () => {
    const user = userEvent.setup();
    const adapter = fakeAdapter();
    const call = deferred<Session>();
    adapter.signIn.mockReturnValueOnce(call.promise);
    const onSuccess = vi.fn();
    renderWithAuth(<LoginForm onSuccess={onSuccess} />, { adapter });
    await fill(user, "ada@example.com", "secret-pass");
    await user.click(submit());
    const busy = await screen.findByRole("button", { name: "Signing in…" });
    expect(busy).toBeDisabled();
    expect(busy.closest("form")).toHaveAttribute("aria-busy", "true");
    call.resolve(fakeSession("ada@example.com"));
    await waitFor(() => expect(onSuccess).toHaveBeenCalledTimes(1));
    expect(onSuccess.mock.calls[0]?.[0]).toMatchObject({ user: { email: "ada@example.com" } });
    expect(screen.getByRole("button", { name: "Sign in" })).toBeEnabled();
    expect(screen.getByRole("status", { name: "auth status" })).toHaveTextContent(
      "signed_in as ada@example.com",
    );
    expect(adapter.signIn).toHaveBeenCalledWith({
      email: "ada@example.com",
      password: "secret-pass",
    });
  });

  const signInCodes: AuthErrorCode[] = [
    "invalid_credentials",
    "email_not_confirmed",
    "user_disabled",
    "rate_limited",
    "network",
    "timeout",
    "not_supported",
    "invalid_response",
    "invalid_config",
    "provider_error",
  ];
  it.each(signInCodes)("announces %s in the live region and keeps the inputs", async (code) => {
    const user = userEvent.setup();
    const adapter = fakeAdapter();
    // The server's own text must never reach the page.
    adapter.signIn.mockRejectedValue(new AuthError(code, { message: "<html>raw body</html>" }));
    const onError = vi.fn();
    renderWithAuth(<LoginForm onError={onError} />, { adapter });
    await fill(user, "ada@example.com", "secret-pass");
    await user.click(submit());
    await waitFor(() =>
      expect(screen.getByRole("alert")).toHaveTextContent(DEFAULT_ERROR_MESSAGES[code]),
    );
    expect(screen.getAllByRole("alert")).toHaveLength(1);
    expect(screen.queryByText(/raw body/)).toBeNull();
    expect(email()).toHaveValue("ada@example.com");
    expect(password()).toHaveValue("secret-pass");
    expect(onError.mock.calls[0]?.[0]).toMatchObject({ code });
  });

  it("sends one request however fast the user double-clicks", async () => {
    const user = userEvent.setup();
    const adapter = fakeAdapter();
    adapter.signIn.mockReturnValue(deferred<Session>().promise);
    renderWithAuth(<LoginForm />, { adapter });
    await fill(user, "ada@example.com", "secret-pass");
    await user.dblClick(submit());
    await user.tripleClick(submit());
    await screen.findByRole("button", { name: "Signing in…" });
    expect(adapter.signIn).toHaveBeenCalledTimes(1);
  });

  it("sends one request when a click and the form's submit event both fire", async () => {
    const user = userEvent.setup();
    const { adapter } = renderWithAuth(<LoginForm />);
    await fill(user, "ada@example.com", "secret-pass");
    const button = submit();
    const form = button.closest("form") as HTMLFormElement;
    button.click();
    form.dispatchEvent(new Event("submit", { bubbles: true, cancelable: true }));
    await screen.findByText(/signed_in/);
    expect(adapter.signIn).toHaveBeenCalledTimes(1);
  });

  it("submits once on Enter in a normal page", async () => {
    const user = userEvent.setup();
    const { adapter } = renderWithAuth(<LoginForm />);
    await fill(user, "ada@example.com", "secret-pass{Enter}");
    await screen.findByText(/signed_in/);
    expect(adapter.signIn).toHaveBeenCalledTimes(1);
  });

  describe("where forms are never submitted (sandbox without allow-forms)", () => {
    const blockSubmit = (event: Event) => {
      event.preventDefault();
      event.stopImmediatePropagation();
    };
    beforeEach(() => {
      window.addEventListener("submit", blockSubmit, true);
      vi.spyOn(HTMLFormElement.prototype, "requestSubmit").mockImplementation(() => {});
      vi.spyOn(HTMLFormElement.prototype, "submit").mockImplementation(() => {});
    });
    afterEach(() => window.removeEventListener("submit", blockSubmit, true));

    it("submits once on Enter in the password field", async () => {
      const user = userEvent.setup();
      const { adapter } = renderWithAuth(<LoginForm />);
      await fill(user, "ada@example.com", "secret-pass{Enter}");
      await screen.findByText(/signed_in/);
      expect(adapter.signIn).toHaveBeenCalledTimes(1);
    });

    it("submits once on Enter in the email field", async () => {
      const user = userEvent.setup();
      const { adapter } = renderWithAuth(<LoginForm />);
      await user.type(password(), "secret-pass");
      await user.type(email(), "ada@example.com{Enter}");
      await screen.findByText(/signed_in/);
      expect(adapter.signIn).toHaveBeenCalledTimes(1);
    });

    it("submits from its own Enter handler, without implicit submission", async () => {
      const user = userEvent.setup();
      const { adapter } = renderWithAuth(<LoginForm />);
      await fill(user, "ada@example.com", "secret-pass");
      // fireEvent runs no default action, so nothing but the form's keydown handler can submit.
      expect(fireEvent.keyDown(password(), { key: "Enter" })).toBe(false);
      expect(fireEvent.keyDown(password(), { key: "Enter", isComposing: true })).toBe(true);
      await screen.findByText(/signed_in/);
      expect(adapter.signIn).toHaveBeenCalledTimes(1);
    });

    it("submits once on a click of the button, and by keyboard", async () => {
      const user = userEvent.setup();
      const { adapter } = renderWithAuth(<LoginForm />);
      await fill(user, "ada@example.com", "secret-pass");
      await user.click(submit());
      await screen.findByText(/signed_in/);
      expect(adapter.signIn).toHaveBeenCalledTimes(1);
      submit().focus();
      await user.keyboard(" ");
      await waitFor(() => expect(adapter.signIn).toHaveBeenCalledTimes(2));
    });
  });

  it("toggles password visibility with the eye button at the end of the field", async () => {
    const user = userEvent.setup();
    renderWithAuth(<LoginForm />);
    await user.type(password(), "secret-pass");
    const eye = screen.getByRole("button", { name: "Show password" });
    expect(eye).toHaveAttribute("aria-controls", password().id);
    // Inside the field's box, after the input: not on the label's line.
    expect(eye.parentElement).toBe(password().parentElement);
    expect(password().compareDocumentPosition(eye) & Node.DOCUMENT_POSITION_FOLLOWING).toBeTruthy();
    await user.click(eye);
    expect(eye).toHaveAccessibleName("Hide password");
    expect(password()).toHaveAttribute("type", "text");
    expect(password()).toHaveValue("secret-pass");
    await user.keyboard("{Enter}");
    expect(eye).toHaveAccessibleName("Show password");
    expect(password()).toHaveAttribute("type", "password");
  });

  it("signs in by Email, Tab, password, Enter; the eye button comes after the password", async () => {
    const user = userEvent.setup();
    const { adapter } = renderWithAuth(<LoginForm />);
    await user.tab();
    expect(email()).toHaveFocus();
    await user.keyboard("ada@example.com");
    await user.tab();
    expect(password()).toHaveFocus();
    await user.keyboard("secret-pass{Enter}");
    await screen.findByText(/signed_in/);
    expect(adapter.signIn).toHaveBeenCalledTimes(1);
    expect(adapter.signIn).toHaveBeenCalledWith({
      email: "ada@example.com",
      password: "secret-pass",
    });
  });

  it("keeps the natural order: email, password, eye button, submit", async () => {
    const user = userEvent.setup();
    renderWithAuth(<LoginForm />);
    const order: (string | null)[] = [];
    for (let i = 0; i < 4; i += 1) {
      await user.tab();
      const focused = document.activeElement as HTMLElement;
      order.push(focused.getAttribute("aria-label") ?? focused.textContent ?? focused.id);
      if (focused.tagName === "INPUT") order[i] = (focused as HTMLInputElement).type;
    }
    expect(order).toEqual(["email", "password", "Show password", "Sign in"]);
  });

  it("shows invalid_email on the email field, focused, and nothing above the button", async () => {
    const user = userEvent.setup();
    const adapter = fakeAdapter();
    adapter.signIn.mockRejectedValue(new AuthError("invalid_email"));
    const onError = vi.fn();
    renderWithAuth(<LoginForm onError={onError} />, { adapter });
    await fill(user, "ada@example.com", "secret-pass{Enter}");
    await waitFor(() => expect(email()).toHaveFocus());
    expect(email()).toHaveAttribute("aria-invalid", "true");
    expect(email()).toHaveAccessibleDescription(DEFAULT_ERROR_MESSAGES.invalid_email);
    expect(password()).not.toHaveAttribute("aria-invalid");
    expect(screen.getByRole("alert")).toHaveTextContent("");
    expect(onError.mock.calls[0]?.[0]).toMatchObject({ code: "invalid_email" });
    // Fixing the field clears the server's error on it.
    await user.clear(email());
    await user.type(email(), "ada@example.org");
    await waitFor(() => expect(email()).not.toHaveAttribute("aria-invalid"));
  });

  it("shows an optional title, subtitle and footer inside the card", () => {
    const { container } = renderWithAuth(
      <LoginForm
        title="Welcome back"
        subtitle="Sign in to continue."
        footer={<a href="#signup">Create an account</a>}
      />,
    );
    const form = container.querySelector("form") as HTMLFormElement;
    const heading = screen.getByRole("heading", { level: 2, name: "Welcome back" });
    expect(form.firstElementChild).toBe(heading);
    expect(heading.nextElementSibling).toHaveTextContent("Sign in to continue.");
    expect(heading.nextElementSibling).toHaveClass("aak-subtitle");
    // The footer comes last, after the submit button, still inside the form.
    const link = screen.getByRole("link", { name: "Create an account" });
    expect(form.lastElementChild).toContainElement(link);
    expect(submit().compareDocumentPosition(link) & Node.DOCUMENT_POSITION_FOLLOWING).toBeTruthy();
  });

  it("renders no heading without a title", () => {
    renderWithAuth(<LoginForm />);
    expect(screen.queryByRole("heading")).toBeNull();
  });

  it("takes messages from the provider and the component", async () => {
    const user = userEvent.setup();
    const adapter = fakeAdapter();
    adapter.signIn.mockRejectedValue(new AuthError("invalid_credentials"));
    renderWithAuth(<LoginForm messages={{ signIn: "Log in", passwordLabel: "Passwort" }} />, {
      adapter,
      messages: { emailLabel: "E-Mail", errors: { invalid_credentials: "Falsche Daten." } },
    });
    await user.type(screen.getByLabelText("E-Mail"), "ada@example.com");
    await user.type(screen.getByLabelText("Passwort"), "x");
    await user.click(screen.getByRole("button", { name: "Log in" }));
    await waitFor(() => expect(screen.getByRole("alert")).toHaveTextContent("Falsche Daten."));
  });

  it("accepts a schema that extends the default one", async () => {
    const user = userEvent.setup();
    const { z } = await import("zod/mini").then((zod) => ({ z: zod }));
    const { adapter } = renderWithAuth(
      <LoginForm
        schema={(base) =>
          base.check(
            z.refine((v) => v.email.endsWith("@corp.example"), {
              message: "Use your work email.",
              path: ["email"],
            }),
          )
        }
      />,
    );
    await fill(user, "ada@example.com", "secret-pass");
    await user.click(submit());
    expect(await screen.findByText("Use your work email.")).toBeVisible();
    expect(email()).toHaveFocus();
    expect(adapter.signIn).not.toHaveBeenCalled();
  });
});

/** The app around the form: the form only once signed out, as most apps show it. */
function Gate(props: { children: ReactNode }) {
  const { status } = useAuth();
  return status === "signed_out" ? props.children : <p>Welcome back</p>;
}

/** Signs out through the engine, as a host page or another component would. */
function SignOutElsewhere() {
  const { signOut } = useAuth();
  return (
    <button type="button" onClick={() => void signOut()}>
      Sign out elsewhere
    </button>
  );
}

describe("LoginForm after a session ended on its own", () => {
  const alert = () => screen.getByRole("alert");
  const SESSION_EXPIRED = "Your session has expired. Please sign in again.";
  /** A session due for refresh at once (inside the 60 s margin). */
  const dueSession = () => ({ ...fakeSession("ada@example.com"), expiresAt: Date.now() + 30_000 });

  it("says so when the session is revoked while the form is shown", async () => {
    const adapter = fakeAdapter();
    // A refusal that keeps its own code in state: only the signed_out event tells the form.
    adapter.refresh.mockRejectedValue(new AuthError("user_disabled", { status: 400 }));
    renderWithAuth(<LoginForm />, { adapter, initialSession: dueSession() });
    await waitFor(() => expect(alert()).toHaveTextContent(SESSION_EXPIRED));
    expect(screen.getByRole("status", { name: "auth status" })).toHaveTextContent("signed_out");
  });

  it("says so when mounted after the session expired, while the state still says so", async () => {
    const adapter = fakeAdapter();
    adapter.refresh.mockRejectedValue(new AuthError("session_expired", { status: 400 }));
    renderWithAuth(
      <Gate>
        <LoginForm />
      </Gate>,
      { adapter, initialSession: dueSession() },
    );
    await waitFor(() => expect(alert()).toHaveTextContent(SESSION_EXPIRED));
    expect(screen.getAllByRole("alert")).toHaveLength(1);
  });

  it("clears the notice when the user submits, and takes a messages override", async () => {
    const user = userEvent.setup();
    const adapter = fakeAdapter();
    adapter.refresh.mockRejectedValue(new AuthError("session_expired", { status: 400 }));
    const call = deferred<Session>();
    adapter.signIn.mockReturnValueOnce(call.promise);
    renderWithAuth(<LoginForm messages={{ sessionExpired: "Signed out: time ran out." }} />, {
      adapter,
      initialSession: dueSession(),
    });
    await waitFor(() => expect(alert()).toHaveTextContent("Signed out: time ran out."));
    await fill(user, "ada@example.com", "secret-pass");
    await user.click(submit());
    await screen.findByRole("button", { name: "Signing in…" });
    expect(alert()).toHaveTextContent("");
    call.resolve(fakeSession("ada@example.com"));
    await screen.findByText(/signed_in/);
    expect(alert()).toHaveTextContent("");
  });

  it("says nothing after the user signed out", async () => {
    const user = userEvent.setup();
    renderWithAuth(
      <>
        <SignOutElsewhere />
        <LoginForm />
      </>,
      { initialSession: fakeSession("ada@example.com") },
    );
    await screen.findByText(/signed_in/);
    await user.click(screen.getByRole("button", { name: "Sign out elsewhere" }));
    await screen.findByText(/signed_out/);
    expect(alert()).toHaveTextContent("");
  });

  it("shows no error and stops pending when a sign-out overtakes its sign-in", async () => {
    const user = userEvent.setup();
    const adapter = fakeAdapter();
    const call = deferred<Session>();
    adapter.signIn.mockReturnValueOnce(call.promise);
    const onError = vi.fn();
    const onSuccess = vi.fn();
    renderWithAuth(
      <>
        <SignOutElsewhere />
        <LoginForm onError={onError} onSuccess={onSuccess} />
      </>,
      { adapter },
    );
    await fill(user, "ada@example.com", "secret-pass");
    await user.click(submit());
    await screen.findByRole("button", { name: "Signing in…" });
    await user.click(screen.getByRole("button", { name: "Sign out elsewhere" }));
    call.resolve(fakeSession("ada@example.com"));
    await screen.findByRole("button", { name: "Sign in" });
    expect(alert()).toHaveTextContent("");
    expect(onError).not.toHaveBeenCalled();
    expect(onSuccess).not.toHaveBeenCalled();
    expect(screen.getByRole("status", { name: "auth status" })).toHaveTextContent("signed_out");
  });
});
