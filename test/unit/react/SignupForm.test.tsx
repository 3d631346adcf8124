import { screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import {
  AuthError,
  type AuthErrorCode,
  DEFAULT_ERROR_MESSAGES,
} from "../../../src/core/AuthError.js";
import type { SignUpResult } from "../../../src/core/adapter.js";
import { createAuthClient } from "../../../src/core/createAuthClient.js";
import { SignupForm } from "../../../src/react/index.js";
import { deferred, fakeAdapter, fakeSession, renderWithAuth } from "./fakes.js";

const email = () => screen.getByLabelText("Email");
const password = () => screen.getByLabelText("Password");
const submit = () => screen.getByRole("button", { name: /creat(e|ing) account/i });
const hint = (text: string) => screen.getByText(text, { exact: false, selector: "li" });

describe("SignupForm", () => {
  it("uses new-password autofill and shows the policy as hints while typing", async () => {
    const user = userEvent.setup();
    renderWithAuth(
      <SignupForm
        passwordPolicy={{
          minLength: 10,
          requireLowercase: true,
          requireUppercase: true,
          requireDigit: true,
          requireSymbol: true,
        }}
      />,
    );
    expect(password()).toHaveAttribute("autocomplete", "new-password");
    const hints = within(screen.getByRole("list")).getAllByRole("listitem");
    expect(hints.map((li) => li.textContent)).toEqual([
      "At least 10 characters (missing)",
      "A lowercase letter (missing)",
      "An uppercase letter (missing)",
      "A digit (missing)",
      "A symbol (missing)",
    ]);
    expect(password()).toHaveAccessibleDescription(/At least 10 characters/);
    await user.type(password(), "Ab1");
    expect(hint("An uppercase letter")).toHaveTextContent("(done)");
    expect(hint("An uppercase letter")).toHaveAttribute("data-met", "true");
    expect(hint("A digit")).toHaveTextContent("(done)");
    expect(hint("A symbol")).toHaveTextContent("(missing)");
    expect(hint("At least 10 characters")).toHaveAttribute("data-met", "false");
    await user.type(password(), "cdefgh!");
    for (const li of screen.getAllByRole("listitem")) expect(li).toHaveTextContent("(done)");
  });

  it("refuses a password that breaks the policy, without a request", async () => {
    const user = userEvent.setup();
    const { adapter } = renderWithAuth(<SignupForm passwordPolicy={{ minLength: 12 }} />);
    await user.type(email(), "ada@example.com");
    await user.type(password(), "short");
    await user.click(submit());
    await waitFor(() => expect(password()).toHaveFocus());
    expect(password()).toHaveAttribute("aria-invalid", "true");
    expect(password()).toHaveAccessibleDescription(/meets every requirement/);
    expect(adapter.signUp).not.toHaveBeenCalled();
  });

  it("checks the confirmation and focuses it when it differs", async () => {
    const user = userEvent.setup();
    const { adapter } = renderWithAuth(<SignupForm confirmPassword />);
    await user.type(email(), "ada@example.com");
    await user.type(password(), "long-enough-1");
    const confirm = screen.getByLabelText("Confirm password");
    expect(confirm).toHaveAttribute("autocomplete", "new-password");
    await user.type(confirm, "long-enough-2");
    await user.click(submit());
    expect(await screen.findByText("The passwords do not match.")).toBeVisible();
    expect(confirm).toHaveFocus();
    expect(confirm).toHaveAttribute("aria-invalid", "true");
    await user.clear(confirm);
    await user.type(confirm, "long-enough-1{Enter}");
    await waitFor(() => expect(adapter.signUp).toHaveBeenCalledTimes(1));
    expect(adapter.signUp.mock.calls[0]?.[0]).toEqual({
      email: "ada@example.com",
      password: "long-enough-1",
    });
  });

  it("passes extra fields through and validates the required ones", async () => {
    const user = userEvent.setup();
    const onSuccess = vi.fn();
    const { adapter } = renderWithAuth(
      <SignupForm
        onSuccess={onSuccess}
        extraFields={[
          { name: "name", label: "Full name", autoComplete: "name", required: true },
          { name: "company", label: "Company" },
        ]}
      />,
    );
    const name = screen.getByLabelText("Full name");
    expect(name).toHaveAttribute("autocomplete", "name");
    await user.type(email(), "ada@example.com");
    await user.type(password(), "long-enough-1");
    await user.click(submit());
    await waitFor(() => expect(name).toHaveFocus());
    expect(name).toHaveAccessibleDescription("Enter your full name.");
    await user.type(name, "Ada Lovelace");
    await user.click(submit());
    await waitFor(() => expect(onSuccess).toHaveBeenCalledTimes(1));
    expect(adapter.signUp).toHaveBeenCalledWith({
      name: "Ada Lovelace",
      company: "",
      email: "ada@example.com",
      password: "long-enough-1",
    });
    expect(onSuccess.mock.calls[0]?.[0]).toMatchObject({ kind: "session" });
    expect(screen.getByRole("status", { name: "auth status" })).toHaveTextContent("signed_in");
  });

  it("says to check the email when the provider asks for confirmation", async () => {
    const user = userEvent.setup();
    const adapter = fakeAdapter();
    const call = deferred<SignUpResult>();
    adapter.signUp.mockReturnValue(call.promise);
    const onSuccess = vi.fn();
    renderWithAuth(<SignupForm onSuccess={onSuccess} />, { adapter });
    await user.type(email(), "ada@example.com");
    await user.type(password(), "long-enough-1");
    await user.click(submit());
    const busy = await screen.findByRole("button", { name: "Creating account…" });
    expect(busy).toBeDisabled();
    expect(busy.closest("form")).toHaveAttribute("aria-busy", "true");
    call.resolve({ kind: "confirmation_required", user: null });
    const message = await screen.findByText(/Check your email/);
    expect(message).toHaveAttribute("role", "status");
    expect(message).toHaveFocus();
    expect(screen.queryByRole("button", { name: "Create account" })).toBeNull();
    expect(onSuccess).toHaveBeenCalledWith({ kind: "confirmation_required", user: null });
    expect(screen.getByRole("status", { name: "auth status" })).toHaveTextContent("signed_out");
  });

  const fieldCodes = [
    { code: "email_taken", field: "Email" },
    { code: "invalid_email", field: "Email" },
    { code: "weak_password", field: "Password" },
  ] as const;
  it.each(fieldCodes)("shows $code on the $field field, focused and described", async (row) => {
    const user = userEvent.setup();
    const adapter = fakeAdapter();
    adapter.signUp.mockRejectedValue(new AuthError(row.code, { message: "raw server text" }));
    const onError = vi.fn();
    renderWithAuth(<SignupForm onError={onError} />, { adapter });
    await user.type(email(), "ada@example.com");
    await user.type(password(), "long-enough-1{Enter}");
    const field = screen.getByLabelText(row.field);
    const other = row.field === "Email" ? password() : email();
    await waitFor(() => expect(field).toHaveFocus());
    expect(field).toHaveAttribute("aria-invalid", "true");
    expect(field).toHaveAccessibleDescription(
      expect.stringContaining(DEFAULT_ERROR_MESSAGES[row.code]),
    );
    expect(other).not.toHaveAttribute("aria-invalid");
    // Said once, on its field: the live region above the button stays empty.
    expect(screen.getByRole("alert")).toHaveTextContent("");
    expect(screen.getAllByText(DEFAULT_ERROR_MESSAGES[row.code])).toHaveLength(1);
    expect(screen.queryByText("raw server text")).toBeNull();
    expect(email()).toHaveValue("ada@example.com");
    expect(password()).toHaveValue("long-enough-1");
    expect(onError.mock.calls[0]?.[0]).toMatchObject({ code: row.code });
    // A second try that fails elsewhere moves the message off the field.
    adapter.signUp.mockRejectedValue(new AuthError("network"));
    await user.click(submit());
    await waitFor(() =>
      expect(screen.getByRole("alert")).toHaveTextContent(DEFAULT_ERROR_MESSAGES.network),
    );
    expect(field).not.toHaveAttribute("aria-invalid");
  });

  it("signs up by Email, Tab, password, Enter, with the eye button after the password", async () => {
    const user = userEvent.setup();
    const { adapter } = renderWithAuth(<SignupForm />);
    await user.tab();
    expect(email()).toHaveFocus();
    await user.keyboard("ada@example.com");
    await user.tab();
    expect(password()).toHaveFocus();
    await user.keyboard("long-enough-1{Enter}");
    await waitFor(() => expect(adapter.signUp).toHaveBeenCalledTimes(1));
    expect(adapter.signUp).toHaveBeenCalledWith({
      email: "ada@example.com",
      password: "long-enough-1",
    });
  });

  it("tabs from the password to its eye button, then to the confirmation", async () => {
    const user = userEvent.setup();
    renderWithAuth(<SignupForm confirmPassword />);
    password().focus();
    await user.tab();
    expect(document.activeElement).toHaveAccessibleName("Show password");
    await user.tab();
    expect(screen.getByLabelText("Confirm password")).toHaveFocus();
  });

  const signUpCodes: AuthErrorCode[] = [
    "rate_limited",
    "network",
    "timeout",
    "not_supported",
    "invalid_response",
    "invalid_config",
    "provider_error",
  ];
  it.each(signUpCodes)("announces %s and keeps every input", async (code) => {
    const user = userEvent.setup();
    const adapter = fakeAdapter();
    adapter.signUp.mockRejectedValue(new AuthError(code, { message: "raw server text" }));
    renderWithAuth(<SignupForm confirmPassword />, { adapter });
    await user.type(email(), "ada@example.com");
    await user.type(password(), "long-enough-1");
    await user.type(screen.getByLabelText("Confirm password"), "long-enough-1");
    await user.click(submit());
    await waitFor(() =>
      expect(screen.getByRole("alert")).toHaveTextContent(DEFAULT_ERROR_MESSAGES[code]),
    );
    expect(screen.queryByText("raw server text")).toBeNull();
    expect(email()).toHaveValue("ada@example.com");
    expect(password()).toHaveValue("long-enough-1");
    expect(screen.getByLabelText("Confirm password")).toHaveValue("long-enough-1");
  });

  it("sends one request on a double click, and on Enter where forms never submit", async () => {
    const block = (event: Event) => event.stopImmediatePropagation();
    window.addEventListener("submit", block, true);
    try {
      const user = userEvent.setup();
      const adapter = fakeAdapter();
      const call = deferred<SignUpResult>();
      adapter.signUp.mockReturnValue(call.promise);
      renderWithAuth(<SignupForm />, { adapter });
      await user.type(email(), "ada@example.com");
      await user.type(password(), "long-enough-1{Enter}");
      await user.dblClick(submit());
      await screen.findByRole("button", { name: "Creating account…" });
      expect(adapter.signUp).toHaveBeenCalledTimes(1);
      call.reject(new AuthError("email_taken"));
      await waitFor(() => expect(email()).toHaveAccessibleDescription(/already exists/));
    } finally {
      window.removeEventListener("submit", block, true);
    }
  });

  it("reports nothing when a sign-out overtakes the sign-up in flight", async () => {
    const user = userEvent.setup();
    const adapter = fakeAdapter();
    const call = deferred<SignUpResult>();
    adapter.signUp.mockReturnValue(call.promise);
    const client = createAuthClient({ adapter, storage: "memory" });
    const onError = vi.fn();
    const onSuccess = vi.fn();
    renderWithAuth(<SignupForm onError={onError} onSuccess={onSuccess} />, { adapter, client });
    await user.type(email(), "ada@example.com");
    await user.type(password(), "long-enough-1");
    await user.click(submit());
    await screen.findByRole("button", { name: "Creating account…" });
    await client.signOut();
    call.resolve({ kind: "session", session: fakeSession() });
    await screen.findByRole("button", { name: "Create account" });
    expect(onError).not.toHaveBeenCalled();
    expect(onSuccess).not.toHaveBeenCalled();
    expect(screen.getByRole("alert")).toHaveTextContent("");
    expect(client.getState().status).toBe("signed_out");
  });

  it("takes overrides for labels, hints, validation and error texts", async () => {
    const user = userEvent.setup();
    renderWithAuth(
      <SignupForm
        passwordPolicy={{ minLength: 6, requireDigit: true }}
        messages={{
          signUp: "Registrieren",
          hintMinLength: "Mindestens {min} Zeichen",
          hintDigit: "Eine Ziffer",
          emailRequired: "E-Mail fehlt.",
        }}
      />,
    );
    expect(screen.getByText("Mindestens 6 Zeichen", { exact: false })).toBeVisible();
    expect(screen.getByText("Eine Ziffer", { exact: false })).toBeVisible();
    await user.click(screen.getByRole("button", { name: "Registrieren" }));
    expect(await screen.findByText("E-Mail fehlt.")).toBeVisible();
  });
});
