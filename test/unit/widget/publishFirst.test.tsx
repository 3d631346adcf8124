import { screen, waitFor } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import type { Delivered } from "./fakeAppsmith.js";
import { mountInAppsmith } from "./mountInAppsmith.js";

const provider = { type: "demo", latencyMs: 0, accessTokenTtlSeconds: 3600 };

/** What the widget showed as each message reached the host page. */
type Seen = { type: Delivered["type"]; what: string; view: "signed in" | "forms" | "other" };

function watch(widget: ReturnType<typeof mountInAppsmith>) {
  const seen: Seen[] = [];
  widget.host.onDelivered(({ type, data }) => {
    const text = widget.element.textContent ?? "";
    const view = /Signed in as/.test(text) ? "signed in" : /Email/.test(text) ? "forms" : "other";
    const what = type === "TRIGGER_EVENT" ? String(data.eventName) : String(data.status);
    seen.push({ type, what, view });
  });
  return seen;
}

describe("the host hears of a session change before the view shows it", () => {
  let cleanup: () => void = () => {};
  afterEach(() => cleanup());

  it("sign-in: the model with the token, then onLogin, both before the signed-in card", async () => {
    const user = userEvent.setup();
    const widget = mountInAppsmith({ provider, view: "login" });
    cleanup = widget.cleanup;
    const seen = watch(widget);
    await user.type(await screen.findByLabelText("Email"), "demo@example.com");
    await user.type(screen.getByLabelText("Password", { selector: "input" }), "password123");
    await user.click(screen.getByRole("button", { name: "Sign in" }));
    await screen.findByText("Signed in as demo@example.com");
    const from = seen.findIndex((m) => m.what === "signed_in");
    expect(seen.slice(from)).toEqual([
      { type: "UPDATE_MODEL", what: "signed_in", view: "forms" },
      { type: "TRIGGER_EVENT", what: "onLogin", view: "forms" },
    ]);
    // The token the app's onLogin actions read is in the model by then.
    const update = widget.host.delivered.find((m) => m.data.status === "signed_in");
    expect(update?.data.accessToken).toEqual(expect.any(String));

    // Sign-out: the signed-out model and onLogout while the card still shows.
    const before = seen.length;
    await user.click(screen.getByRole("button", { name: "Sign out" }));
    await screen.findByLabelText("Email");
    expect(seen.slice(before)).toEqual([
      { type: "UPDATE_MODEL", what: "signed_out", view: "signed in" },
      { type: "TRIGGER_EVENT", what: "onLogout", view: "signed in" },
    ]);
  });

  it("restore: the model and onTokenRefresh before the signed-in card", async () => {
    const user = userEvent.setup();
    const first = mountInAppsmith({ provider, view: "login" });
    await user.type(await screen.findByLabelText("Email"), "demo@example.com");
    await user.type(screen.getByLabelText("Password", { selector: "input" }), "password123");
    await user.click(screen.getByRole("button", { name: "Sign in" }));
    await screen.findByText("Signed in as demo@example.com");
    const login = first.host.events.find((event) => event.name === "onLogin");
    first.cleanup();

    const widget = mountInAppsmith({ provider, refreshToken: login?.context.refreshToken });
    cleanup = widget.cleanup;
    const seen = watch(widget);
    await screen.findByText("Signed in as demo@example.com");
    await waitFor(() => expect(seen.some((m) => m.what === "onTokenRefresh")).toBe(true));
    const from = seen.findIndex((m) => m.what === "signed_in");
    expect(seen.slice(from)).toEqual([
      { type: "UPDATE_MODEL", what: "signed_in", view: "other" },
      { type: "TRIGGER_EVENT", what: "onTokenRefresh", view: "other" },
    ]);
  });
});
