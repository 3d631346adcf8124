// One event type for all three `onEvent`s: the engine's, <AuthProvider>'s and mount()'s. The
// same story (a restore, a sign-out, two refused sign-ins, a sign-in) runs through each, on a
// demo server whose clock and randomness are pinned, so the tokens are alike in every run.
import { act, render, screen, waitFor } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { StrictMode } from "react";
import { createAuthClient } from "../../../src/core/createAuthClient.js";
import type { AuthEvent } from "../../../src/core/types.js";
import { demo } from "../../../src/providers/demo.js";
import { AuthProvider, LoginForm, LogoutButton } from "../../../src/react/index.js";
import { mount } from "../../../src/widget/mount.js";

const PASSWORD = "password123";
const options = { latencyMs: 0, accessTokenTtlSeconds: 3600 };
const provider = { type: "demo", ...options };

/** A fresh demo server (in localStorage, where every demo adapter finds it) and a token of it. */
async function freshServer(): Promise<string> {
  localStorage.clear();
  const session = await demo(options).signIn({ email: "demo@example.com", password: PASSWORD });
  return session.refreshToken as string;
}

/** The story's sign-ins: refused, rate-limited, then accepted. */
const SIGN_INS = [
  { email: "demo@example.com", password: "wrongpass" },
  { email: "demo+ratelimit@example.com", password: PASSWORD },
  { email: "demo@example.com", password: PASSWORD },
];

/** The story through the forms, waiting for each step's event before the next. */
async function playInForms(events: AuthEvent[]): Promise<void> {
  const user = userEvent.setup();
  await waitFor(() => expect(events).toHaveLength(1));
  await user.click(screen.getByRole("button", { name: "Sign out" }));
  await waitFor(() => expect(events).toHaveLength(2));
  for (const [index, input] of SIGN_INS.entries()) {
    const email = screen.getByLabelText("Email");
    const password = screen.getByLabelText("Password", { selector: "input" });
    await user.clear(email);
    await user.type(email, input.email);
    await user.clear(password);
    await user.type(password, input.password);
    await user.click(screen.getByRole("button", { name: "Sign in" }));
    await waitFor(() => expect(events).toHaveLength(3 + index));
  }
}

async function throughEngine(token: string): Promise<AuthEvent[]> {
  const client = createAuthClient({
    adapter: demo(options),
    storage: "memory",
    crossTab: false,
    initialRefreshToken: token,
  });
  const events: AuthEvent[] = [];
  client.onEvent((event) => events.push(event));
  const stop = client.start();
  await waitFor(() => expect(events).toHaveLength(1));
  await client.signOut();
  for (const input of SIGN_INS) await client.signIn(input).catch(() => {});
  stop();
  return events;
}

async function throughProvider(token: string): Promise<AuthEvent[]> {
  const events: AuthEvent[] = [];
  const adapter = demo(options);
  const view = render(
    <StrictMode>
      <AuthProvider
        adapter={adapter}
        storage="memory"
        initialRefreshToken={token}
        onEvent={(event) => events.push(event)}
      >
        <LoginForm />
        <LogoutButton />
      </AuthProvider>
    </StrictMode>,
  );
  await playInForms(events);
  view.unmount();
  return events;
}

async function throughMount(
  token: string,
): Promise<{ events: AuthEvent[]; hostEvents: { name: string; context: unknown }[] }> {
  const events: AuthEvent[] = [];
  const hostEvents: { name: string; context: unknown }[] = [];
  const element = document.createElement("div");
  document.body.appendChild(element);
  let unmount = () => {};
  act(() => {
    unmount = mount(element, {
      provider,
      view: "auto",
      refreshToken: token,
      onEvent: (event) => events.push(event),
      onHostEvent: (name, context) => hostEvents.push({ name, context }),
    });
  });
  await playInForms(events);
  act(() => unmount());
  element.remove();
  return { events, hostEvents };
}

describe("client.onEvent, <AuthProvider onEvent> and mount's onEvent", () => {
  beforeEach(() => {
    vi.spyOn(Date, "now").mockReturnValue(Date.UTC(2026, 0, 1));
    vi.spyOn(Math, "random").mockReturnValue(0.5);
  });
  afterEach(() => localStorage.clear());

  it("deliver equal plain-JSON events for the same story", async () => {
    const engine = await throughEngine(await freshServer());
    const provided = await throughProvider(await freshServer());
    const mounted = await throughMount(await freshServer());

    expect(engine.map((event) => event.type)).toEqual([
      "token_refreshed",
      "signed_out",
      "error",
      "error",
      "signed_in",
    ]);
    expect(engine[0]).toMatchObject({
      type: "token_refreshed",
      session: { accessToken: expect.any(String), user: { email: "demo@example.com" } },
    });
    expect(engine[3]).toEqual({
      type: "error",
      action: "sign_in",
      error: {
        code: "rate_limited",
        message: expect.any(String),
        status: 429,
        provider: "demo",
        retryAfterMs: 30_000,
      },
    });
    expect(provided).toEqual(engine);
    expect(mounted.events).toEqual(engine);
    for (const event of engine) {
      // No class instances, no undefined fields, nothing JSON or structured cloning loses.
      expect(JSON.parse(JSON.stringify(event))).toStrictEqual(event);
      expect(structuredClone(event)).toStrictEqual(event);
    }
  });

  it("leave mount's onHostEvent every event the host sees, as it sees it", async () => {
    const { hostEvents } = await throughMount(await freshServer());
    expect(hostEvents.map((event) => event.name)).toEqual([
      "onTokenRefresh",
      "onLogout",
      "onAuthError",
      "onAuthError",
      "onLogin",
    ]);
    expect(hostEvents[2]).toEqual({
      name: "onAuthError",
      context: { action: "sign_in", code: "invalid_credentials", message: expect.any(String) },
    });
    expect(hostEvents[4]?.context).toMatchObject({
      accessToken: expect.any(String),
      refreshToken: expect.any(String),
      user: { email: "demo@example.com" },
    });
  });
});
