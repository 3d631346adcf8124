// Races at the React and engine level, against a real adapter over a scripted fetch. The
// engine's own ordering rules are unit-tested in test/unit/core (client*.test.ts): StrictMode
// start/stop/start, sign-out or sign-in during a refresh with a fake adapter, a late timer, wake
// events, cross-tab adoption. Here: the same races end to end, and the ones those leave out.
import { render, screen, waitFor } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { StrictMode } from "react";
import type { AuthAdapter } from "../../../src/core/adapter.js";
import { createAuthClient } from "../../../src/core/createAuthClient.js";
import { createMemoryStorage } from "../../../src/core/storage.js";
import type { AuthEvent, Session } from "../../../src/core/types.js";
import { demo } from "../../../src/providers/demo.js";
import { supabase } from "../../../src/providers/supabase.js";
import { AuthProvider, LoginForm, LogoutButton, useAuth } from "../../../src/react/index.js";
import { FakeBroadcastChannel } from "../core/fakeBroadcastChannel.js";
import { expectConsistent, guardConsoleAndRejections, makeJwt, watchStates } from "./guards.js";
import { scriptedFetch } from "./scriptedFetch.js";

guardConsoleAndRejections();

const URL_ = "https://p.supabase.co";

function oldSession(lifetimeMs: number): Session {
  const expiresAt = Date.now() + lifetimeMs;
  return {
    accessToken: makeJwt({ sub: "id-ada", exp: Math.floor(expiresAt / 1000), old: true }),
    refreshToken: "rt-old",
    expiresAt,
    tokenType: "bearer",
    user: { id: "id-ada", email: "ada@example.com" },
    provider: "supabase",
  };
}

function setup(options: Parameters<typeof scriptedFetch>[0], initial?: Session) {
  const script = scriptedFetch(options);
  const adapter: AuthAdapter = supabase({ url: URL_, anonKey: "anon", fetch: script.fetch });
  const client = createAuthClient({
    adapter,
    storage: createMemoryStorage(),
    crossTab: false,
    ...(initial ? { initialSession: initial } : { initialRefreshToken: "rt-old" }),
  });
  const events: AuthEvent[] = [];
  client.onEvent((event) => events.push(event));
  const states = watchStates(client);
  const refreshes = () => script.calls.filter((url) => url.includes("refresh_token")).length;
  return { ...script, client, events, states, refreshes };
}

function Probe() {
  const { status, user } = useAuth();
  return <output aria-label="auth status">{`${status}${user ? ` as ${user.email}` : ""}`}</output>;
}
const status = () => screen.getByRole("status", { name: "auth status" });

describe("through the React components", () => {
  it("sign-in during the start-up refresh: the new user stays, the late refresh is dropped", async () => {
    const t = setup({ hold: /refresh_token/ });
    render(
      <StrictMode>
        <AuthProvider client={t.client}>
          <LoginForm />
          <Probe />
        </AuthProvider>
      </StrictMode>,
    );
    await waitFor(() => expect(t.held).toHaveLength(1));
    const user = userEvent.setup();
    await user.type(screen.getByLabelText("Email"), "bo@example.com");
    await user.type(screen.getByLabelText("Password", { selector: "input" }), "pw-12345678{Enter}");
    await waitFor(() => expect(status()).toHaveTextContent("signed_in as bo@example.com"));
    t.held[0]?.release();
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(status()).toHaveTextContent("signed_in as bo@example.com");
    expect(t.events.map((e) => e.type)).toEqual(["signed_in"]);
    expect(t.refreshes()).toBe(1);
    t.states.forEach(expectConsistent);
  });

  it("sign-out during a refresh: out at once, the late reply never signs back in", async () => {
    const initial = oldSession(30_000);
    const t = setup({ hold: /refresh_token/ }, initial);
    render(
      <StrictMode>
        <AuthProvider client={t.client}>
          <LogoutButton />
          <Probe />
        </AuthProvider>
      </StrictMode>,
    );
    await waitFor(() => expect(t.held).toHaveLength(1));
    await userEvent.setup().click(screen.getByRole("button", { name: "Sign out" }));
    expect(status()).toHaveTextContent("signed_out");
    t.held[0]?.release();
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(status()).toHaveTextContent("signed_out");
    await expect(t.client.getAccessToken()).resolves.toBeNull();
    expect(t.events).toEqual([{ type: "signed_out", reason: "user" }]);
    // The revoke went out with the session the user saw, not the one still in flight.
    const logout = t.fetch.mock.calls.find(([url]) => url.includes("/logout"));
    expect(new Headers(logout?.[1]?.headers).get("authorization")).toBe(
      `Bearer ${initial.accessToken}`,
    );
    t.states.forEach(expectConsistent);
  });
});

describe("through the engine", () => {
  // An overtaken sign-in reply is dropped: no state change, no event, and its promise rejects
  // with `superseded` so a form can tell it apart from a real failure.
  it("two overlapping sign-ins: the later one wins, whichever reply lands last", async () => {
    const t = setup({ hold: /grant_type=password/ }, oldSession(3_600_000));
    t.client.start();
    const first = t.client.signIn({ email: "ada@example.com", password: "pw" });
    const second = t.client.signIn({ email: "bo@example.com", password: "pw" });
    await vi.waitFor(() => expect(t.held).toHaveLength(2));
    t.held[1]?.release();
    await second;
    t.held[0]?.release();
    await expect(first).rejects.toMatchObject({ code: "superseded" });
    expect(t.client.getState().session?.user.email).toBe("bo@example.com");
    expect(t.client.getState().error).toBeNull();
    expect(t.events.map((e) => e.type)).toEqual(["signed_in"]);
    // Not revoked: a revoke with a global scope would end the winner's session too.
    expect(t.calls.filter((url) => url.includes("/logout"))).toEqual([]);
    t.states.forEach(expectConsistent);
  });

  it("sign-out while a sign-in is in flight: the late sign-in reply does not sign back in", async () => {
    const initial = oldSession(3_600_000);
    const t = setup({ hold: /grant_type=password/ }, initial);
    t.client.start();
    const signingIn = t.client.signIn({ email: "bo@example.com", password: "pw" });
    await vi.waitFor(() => expect(t.held).toHaveLength(1));
    await t.client.signOut();
    t.held[0]?.release();
    await expect(signingIn).rejects.toMatchObject({ code: "superseded" });
    expect(t.client.getState()).toMatchObject({ status: "signed_out", session: null, error: null });
    expect(t.events).toEqual([{ type: "signed_out", reason: "user" }]);
    // The dropped reply's server session is revoked too, as the user asked to be signed out.
    await vi.waitFor(() => {
      const revoked = t.fetch.mock.calls
        .filter(([url]) => url.includes("/logout"))
        .map(([, init]) => new Headers(init?.headers).get("authorization"));
      expect(revoked).toHaveLength(2);
      expect(revoked[0]).toBe(`Bearer ${initial.accessToken}`);
      expect(revoked[1]).not.toBe(revoked[0]);
    });
    t.states.forEach(expectConsistent);
  });

  it("sign-out while a sign-in that fails is in flight: no error shows on the signed-out engine", async () => {
    const t = setup({ hold: /grant_type=password/ }, oldSession(3_600_000));
    t.client.start();
    const signingIn = t.client.signIn({ email: "bo@example.com", password: "wrong" });
    await vi.waitFor(() => expect(t.held).toHaveLength(1));
    await t.client.signOut();
    t.held[0]?.release({ error: "invalid_grant", error_description: "Invalid login" }, 400);
    await expect(signingIn).rejects.toMatchObject({ code: "superseded" });
    expect(t.client.getState()).toMatchObject({ status: "signed_out", error: null });
    expect(t.events.map((e) => e.type)).toEqual(["signed_out"]);
  });

  it("hiding and showing the tab during a refresh starts no second refresh", async () => {
    let visibility: DocumentVisibilityState = "visible";
    vi.spyOn(document, "visibilityState", "get").mockImplementation(() => visibility);
    const t = setup({ hold: /refresh_token/ }, oldSession(30_000));
    const stop = t.client.start();
    await vi.waitFor(() => expect(t.held).toHaveLength(1));
    for (const next of ["hidden", "visible", "hidden"] as const) {
      visibility = next;
      document.dispatchEvent(new Event("visibilitychange"));
    }
    window.dispatchEvent(new Event("online"));
    t.held[0]?.release();
    await vi.waitFor(() => expect(t.client.getState().status).toBe("signed_in"));
    visibility = "visible";
    document.dispatchEvent(new Event("visibilitychange"));
    await new Promise((resolve) => setTimeout(resolve, 10));
    stop();
    expect(t.refreshes()).toBe(1);
    expect(t.events.map((e) => e.type)).toEqual(["token_refreshed"]);
    t.states.forEach(expectConsistent);
  });
});

describe("a timer that fires minutes late (a laptop that slept)", () => {
  beforeEach(() => {
    vi.useFakeTimers({ toFake: ["setTimeout", "clearTimeout", "Date"] });
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it("getAccessToken on waking refreshes first, and the late timer adds no second refresh", async () => {
    const initial = oldSession(120_000);
    const t = setup({}, initial);
    const stop = t.client.start();
    expect(t.refreshes()).toBe(0);
    // Ten minutes pass with no timer running: the access token expired meanwhile.
    vi.setSystemTime(Date.now() + 600_000);
    const token = await t.client.getAccessToken();
    expect(token).not.toBeNull();
    expect(token).not.toBe(initial.accessToken);
    await vi.advanceTimersByTimeAsync(1_000);
    expect(t.refreshes()).toBe(1);
    stop();
    expect(t.states.map((s) => s.status)).not.toContain("signed_out");
    t.states.forEach(expectConsistent);
  });
});

// Real BroadcastChannel messages arrive as tasks, after the sender's pending microtasks.
class TaskBroadcastChannel extends FakeBroadcastChannel {
  override postMessage(data: unknown): void {
    const copy = structuredClone(data);
    for (const other of FakeBroadcastChannel.instances) {
      if (other === this || other.closed || other.name !== this.name) continue;
      setTimeout(() => other.dispatchEvent(new MessageEvent("message", { data: copy })), 0);
    }
  }
}

/** navigator.locks reduced to one exclusive mutex per name; like the real one, it grants the
 * next waiter in a later task, after the holder's own continuation has run. */
function fakeLocks() {
  const tails = new Map<string, Promise<unknown>>();
  const nextTask = () => new Promise((resolve) => setTimeout(resolve, 0));
  return {
    request<T>(name: string, run: () => Promise<T>): Promise<T> {
      const previous = tails.get(name);
      const result = previous ? previous.then(nextTask).then(run) : run();
      tails.set(
        name,
        result.catch(() => {}),
      );
      return result;
    },
  };
}

describe("the refresh token rotated by another tab (demo adapter: rotates, refuses reuse)", () => {
  beforeEach(() => {
    FakeBroadcastChannel.instances = [];
    vi.stubGlobal("BroadcastChannel", TaskBroadcastChannel);
  });
  afterEach(() => {
    vi.unstubAllGlobals();
    localStorage.clear();
  });

  async function twoTabsDueTogether(ttlSeconds: number) {
    // The demo's tokens carry no unique id: a later clock keeps the refreshed one distinct.
    let skew = 0;
    const clock = { now: () => Date.now() + skew };
    const server = demo({ latencyMs: 5, accessTokenTtlSeconds: ttlSeconds, clock });
    const issued = await server.signIn({ email: "demo@example.com", password: "password123" });
    skew = 5_000;
    // Stored by a tab that has since gone quiet, due for refresh now (margin 60 s).
    const due = { ...issued, expiresAt: Date.now() + 20_000 };
    localStorage.setItem("appsmith-auth-kit.session", JSON.stringify(due));
    const refresh = vi.spyOn(server, "refresh");
    const tabs = [0, 1].map(() => {
      const client = createAuthClient({ adapter: server, storage: "local" });
      const events: AuthEvent[] = [];
      client.onEvent((event) => events.push(event));
      return { client, events, states: watchStates(client) };
    });
    const stops = tabs.map((tab) => tab.client.start());
    await vi.waitFor(() => {
      for (const tab of tabs) expect(tab.client.getState().status).not.toBe("refreshing");
      expect(tabs[0]?.client.getState().session).toEqual(tabs[1]?.client.getState().session);
    });
    await new Promise((resolve) => setTimeout(resolve, 30));
    for (const stop of stops) stop();
    return { tabs, refresh, issued };
  }

  it("with Web Locks: one tab refreshes, the other takes its session; nobody is signed out", async () => {
    vi.stubGlobal("navigator", { ...navigator, locks: fakeLocks() });
    const { tabs, refresh, issued } = await twoTabsDueTogether(3600);
    expect(refresh).toHaveBeenCalledTimes(1);
    for (const tab of tabs) {
      expect(tab.client.getState().status).toBe("signed_in");
      expect(tab.client.getState().session?.refreshToken).not.toBe(issued.refreshToken);
      expect(tab.events.map((e) => e.type)).not.toContain("signed_out");
      tab.states.forEach(expectConsistent);
    }
  });

  // The tab that waited for the lock finds a different refresh token stored and takes that
  // session, even when a token living shorter than the margin already looks "due".
  it("with Web Locks and tokens that live shorter than the margin: nobody is signed out", async () => {
    vi.stubGlobal("navigator", { ...navigator, locks: fakeLocks() });
    const { tabs, refresh } = await twoTabsDueTogether(30);
    expect(refresh).toHaveBeenCalledTimes(1);
    for (const tab of tabs) expect(tab.events.map((e) => e.type)).not.toContain("signed_out");
  });

  // Without Web Locks both tabs spend the same refresh token; the loser reads the refusal as
  // "already rotated" when storage holds a different refresh token, and takes that session.
  it("without Web Locks: the tab that loses the race adopts the winner's session", async () => {
    const { tabs } = await twoTabsDueTogether(3600);
    for (const tab of tabs) {
      expect(tab.events.map((e) => e.type)).not.toContain("signed_out");
      expect(tab.client.getState().status).toBe("signed_in");
    }
  });
});
