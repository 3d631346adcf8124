import { screen, waitFor } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { Profiler, type ReactNode } from "react";
import * as z from "zod/mini";
import { AuthError } from "../../../src/core/AuthError.js";
import { LoginForm, SignupForm } from "../../../src/react/index.js";
import type { createLoginSchema } from "../../../src/react/schemas.js";
import { fakeAdapter, fakeSession, renderWithAuth } from "./fakes.js";

const email = () => screen.getByLabelText("Email");
const password = () => screen.getByLabelText("Password");

/**
 * Renders `form` inside a Profiler and watches the path from a click to the adapter: `calls`
 * records, for each request, the commits since the click began and whether the click's own
 * dispatch was still running (no microtask or task came between). The adapter fails with
 * `failures`, in turn, then succeeds.
 */
function renderCounted(form: ReactNode, failures: AuthError[] = []) {
  const adapter = fakeAdapter();
  let commits = 0;
  let clickStart = 0;
  let inClick = false;
  const calls: Array<{ commitsBefore: number; inClick: boolean }> = [];
  const reply = async <T,>(value: T) => {
    calls.push({ commitsBefore: commits - clickStart, inClick });
    const failure = failures.shift();
    if (failure) throw failure;
    return value;
  };
  adapter.signIn.mockImplementation((input) => reply(fakeSession(input.email)));
  adapter.signUp.mockImplementation((input) =>
    reply({ kind: "session" as const, session: fakeSession(input.email) }),
  );
  // Capture on the way down, bubble on the way up: React's handler runs between them.
  const start = () => {
    clickStart = commits;
    inClick = true;
  };
  const end = () => {
    inClick = false;
  };
  window.addEventListener("click", start, true);
  window.addEventListener("click", end);
  const view = renderWithAuth(
    <Profiler
      id="form"
      onRender={() => {
        commits += 1;
      }}
    >
      {form}
    </Profiler>,
    { adapter },
  );
  return {
    ...view,
    calls,
    commits: () => commits,
    cleanup: () => {
      window.removeEventListener("click", start, true);
      window.removeEventListener("click", end);
    },
  };
}

describe("from the click to the request", () => {
  it("LoginForm starts the request inside the click, with no render before it", async () => {
    const user = userEvent.setup();
    const view = renderCounted(<LoginForm />, [new AuthError("invalid_credentials")]);
    await user.type(email(), "ada@example.com");
    await user.type(password(), "secret-pass");
    await user.click(screen.getByRole("button", { name: "Sign in" }));
    await screen.findByText(/email or password/i);
    // Again after the failure: the notice and the field errors are as they were.
    await user.click(screen.getByRole("button", { name: "Sign in" }));
    await waitFor(() => expect(view.calls).toHaveLength(2));
    expect(view.calls).toEqual([
      { commitsBefore: 0, inClick: true },
      { commitsBefore: 0, inClick: true },
    ]);
    // What the user typed stays; the form is not pending any more.
    expect(email()).toHaveValue("ada@example.com");
    expect(password()).toHaveValue("secret-pass");
    view.cleanup();
  });

  it("LoginForm, with a server error on a field: the request first, then the error goes", async () => {
    const user = userEvent.setup();
    const view = renderCounted(<LoginForm />, [new AuthError("invalid_email")]);
    await user.type(email(), "ada@example.com");
    await user.type(password(), "secret-pass{Enter}");
    await waitFor(() => expect(email()).toHaveAttribute("aria-invalid", "true"));
    await user.click(screen.getByRole("button", { name: "Sign in" }));
    await waitFor(() => expect(view.calls).toHaveLength(2));
    expect(view.calls[1]).toEqual({ commitsBefore: 0, inClick: true });
    await waitFor(() => expect(email()).not.toHaveAttribute("aria-invalid"));
    view.cleanup();
  });

  it("SignupForm starts the request inside the click, with no render before it", async () => {
    const user = userEvent.setup();
    const view = renderCounted(<SignupForm confirmPassword />, [new AuthError("rate_limited")]);
    await user.type(email(), "ada@example.com");
    await user.type(password(), "long-enough-1");
    await user.type(screen.getByLabelText("Confirm password"), "long-enough-1");
    await user.click(screen.getByRole("button", { name: "Create account" }));
    await screen.findByText(/too many/i);
    await user.click(screen.getByRole("button", { name: "Create account" }));
    await waitFor(() => expect(view.calls).toHaveLength(2));
    expect(view.calls).toEqual([
      { commitsBefore: 0, inClick: true },
      { commitsBefore: 0, inClick: true },
    ]);
    view.cleanup();
  });

  it("a schema with an async rule still validates, then signs in", async () => {
    const user = userEvent.setup();
    const adapter = fakeAdapter();
    adapter.signIn.mockResolvedValue(fakeSession());
    const schema = (base: ReturnType<typeof createLoginSchema>) =>
      base.check(
        z.refine(async (v: { email: string }) => !v.email.endsWith(".test"), {
          message: "No test addresses.",
          path: ["email"],
        }),
      );
    renderWithAuth(<LoginForm schema={schema} />, { adapter });
    await user.type(email(), "ada@example.test");
    await user.type(password(), "secret-pass{Enter}");
    await waitFor(() => expect(email()).toHaveAccessibleDescription("No test addresses."));
    expect(email()).toHaveFocus();
    expect(adapter.signIn).not.toHaveBeenCalled();
    await user.clear(email());
    await user.type(email(), "ada@example.com{Enter}");
    await waitFor(() => expect(adapter.signIn).toHaveBeenCalledTimes(1));
  });
});
