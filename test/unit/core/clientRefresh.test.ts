import { AuthError } from "../../../src/core/AuthError.js";
import type { Session } from "../../../src/core/types.js";
import {
  deferred,
  flush,
  HOUR,
  makeSession,
  rejected,
  setupClient,
  T0,
  transient,
} from "./fakeAdapter.js";

beforeEach(() => {
  vi.useFakeTimers();
  vi.setSystemTime(T0);
});
afterEach(() => {
  vi.useRealTimers();
});

const MARGIN = 60_000;

describe("refresh scheduling", () => {
  it("refreshes refreshMarginMs before expiry, not earlier", async () => {
    const session = makeSession({}, HOUR);
    const { client, adapter, events } = setupClient({ stored: session });
    client.start();
    await vi.advanceTimersByTimeAsync(HOUR - MARGIN - 1);
    expect(adapter.refresh).not.toHaveBeenCalled();
    await vi.advanceTimersByTimeAsync(1);
    expect(adapter.refresh).toHaveBeenCalledTimes(1);
    await vi.advanceTimersByTimeAsync(5);
    expect(events.map((event) => event.type)).toEqual(["token_refreshed"]);
    // And again for the new session.
    await vi.advanceTimersByTimeAsync(HOUR - MARGIN);
    expect(adapter.refresh).toHaveBeenCalledTimes(2);
  });

  it("does not refresh in a loop when every reply arrives already due (expires_in: 0)", async () => {
    const { client, adapter } = setupClient(
      { stored: makeSession({}, MARGIN / 2) },
      { lifetimeMs: 0 },
    );
    client.start();
    await vi.advanceTimersByTimeAsync(60_000);
    // One request at start, then at most one per ARRIVED_DUE_GAP (5 s): not thousands.
    expect(adapter.refresh.mock.calls.length).toBeGreaterThanOrEqual(2);
    expect(adapter.refresh.mock.calls.length).toBeLessThanOrEqual(13);
    expect(client.getState().status).not.toBe("signed_out");
  });

  it("honours a custom margin", async () => {
    const { client, adapter } = setupClient({ stored: makeSession(), refreshMarginMs: 5_000 });
    client.start();
    await vi.advanceTimersByTimeAsync(HOUR - 5_001);
    expect(adapter.refresh).not.toHaveBeenCalled();
    await vi.advanceTimersByTimeAsync(1);
    expect(adapter.refresh).toHaveBeenCalledTimes(1);
  });

  it("re-checks the clock when a timer fires late (a laptop that slept)", async () => {
    const session = makeSession({}, HOUR);
    const { client, adapter } = setupClient({ stored: session });
    client.start();
    // The wall clock jumps past expiry while no timer ran; the next timer to fire sees it.
    vi.setSystemTime(T0 + 2 * HOUR);
    await vi.advanceTimersByTimeAsync(HOUR - MARGIN);
    expect(adapter.refresh).toHaveBeenCalledTimes(1);
    await vi.advanceTimersByTimeAsync(5);
    expect(client.getState().status).toBe("signed_in");
  });

  it("re-checks when a timer fires early (long delays are capped), without refreshing", async () => {
    const session = makeSession({}, 40 * 24 * HOUR);
    const { client, adapter } = setupClient({ stored: session });
    client.start();
    await vi.advanceTimersByTimeAsync(2_147_483_647);
    expect(adapter.refresh).not.toHaveBeenCalled();
    expect(vi.getTimerCount()).toBe(1);
  });

  it("re-checks on visibilitychange to visible and on online", async () => {
    const { client, adapter } = setupClient({ stored: makeSession() });
    client.start();
    vi.setSystemTime(T0 + HOUR - 1_000);
    const visibility = vi.spyOn(document, "visibilityState", "get").mockReturnValue("hidden");
    document.dispatchEvent(new Event("visibilitychange"));
    expect(adapter.refresh).not.toHaveBeenCalled();
    visibility.mockReturnValue("visible");
    document.dispatchEvent(new Event("visibilitychange"));
    expect(adapter.refresh).toHaveBeenCalledTimes(1);
    await vi.advanceTimersByTimeAsync(5);

    vi.setSystemTime(T0 + 3 * HOUR);
    window.dispatchEvent(new Event("online"));
    expect(adapter.refresh).toHaveBeenCalledTimes(2);
  });

  it("never schedules a session without expiresAt or a refresh token", async () => {
    const session = makeSession();
    delete session.expiresAt;
    delete session.refreshToken;
    const { client, adapter } = setupClient({ stored: session });
    client.start();
    expect(vi.getTimerCount()).toBe(0);
    await vi.advanceTimersByTimeAsync(100 * HOUR);
    expect(adapter.refresh).not.toHaveBeenCalled();
    await expect(client.getAccessToken()).resolves.toBe(session.accessToken);
  });

  it("renews a token of unknown lifetime (opaque, or expires_in: 1e308) hourly", async () => {
    const session = makeSession();
    delete session.expiresAt;
    const { client, adapter } = setupClient({ stored: session });
    adapter.refresh.mockImplementation(async () => {
      const next = makeSession();
      delete next.expiresAt;
      return next;
    });
    client.start();
    await vi.advanceTimersByTimeAsync(HOUR - 1);
    expect(adapter.refresh).not.toHaveBeenCalled();
    await vi.advanceTimersByTimeAsync(1);
    expect(adapter.refresh).toHaveBeenCalledTimes(1);
    await vi.advanceTimersByTimeAsync(10 * HOUR);
    expect(adapter.refresh).toHaveBeenCalledTimes(11);
    expect(client.getState().status).toBe("signed_in");
  });

  it("ends a session without a refresh token (Xano) with reason expired at expiry", async () => {
    const session = makeSession();
    delete session.refreshToken;
    const { client, adapter, events, stored } = setupClient({ stored: session });
    client.start();
    await vi.advanceTimersByTimeAsync(HOUR - 1);
    expect(client.getState().status).toBe("signed_in");
    await vi.advanceTimersByTimeAsync(1);
    expect(client.getState()).toMatchObject({ status: "signed_out", session: null });
    expect(events).toEqual([{ type: "signed_out", reason: "expired" }]);
    // A form mounted afterwards can still tell the session ran out.
    expect(client.getState().error?.code).toBe("session_expired");
    expect(adapter.refresh).not.toHaveBeenCalled();
    expect(stored()).toBeNull();
  });

  it("does not loop when the token lives shorter than the margin", async () => {
    const { client, adapter } = setupClient(
      { stored: makeSession({}, 10_000) },
      { lifetimeMs: 30_000 },
    );
    client.start();
    await vi.advanceTimersByTimeAsync(5);
    expect(adapter.refresh).toHaveBeenCalledTimes(1);
    await vi.advanceTimersByTimeAsync(14_000);
    expect(adapter.refresh).toHaveBeenCalledTimes(1);
    await vi.advanceTimersByTimeAsync(1_000);
    expect(adapter.refresh).toHaveBeenCalledTimes(2);
  });

  it("keeps the old refresh token and user fields when the reply lacks them", async () => {
    const session = makeSession({}, 1_000);
    const { client, adapter } = setupClient({ stored: session });
    adapter.refresh.mockResolvedValueOnce({
      accessToken: "new-access",
      tokenType: "bearer",
      expiresAt: T0 + HOUR,
      user: { id: "user-1", email: "", plan: "pro" },
      provider: "fake",
    });
    client.start();
    await flush();
    expect(client.getState().session).toEqual({
      accessToken: "new-access",
      refreshToken: session.refreshToken,
      tokenType: "bearer",
      expiresAt: T0 + HOUR,
      user: { id: "user-1", email: "ada@example.com", name: "Ada", plan: "pro" },
      provider: "fake",
    });
  });
});

describe("single flight", () => {
  it("100 concurrent getAccessToken() calls on an expiring session make one request", async () => {
    const { client, adapter } = setupClient({ stored: makeSession({}, 10_000) });
    const calls = Array.from({ length: 100 }, () => client.getAccessToken());
    await vi.advanceTimersByTimeAsync(5);
    const tokens = await Promise.all(calls);
    expect(adapter.refresh).toHaveBeenCalledTimes(1);
    expect(new Set(tokens)).toEqual(new Set([client.getState().session?.accessToken]));
  });

  it("refresh(), getAccessToken() and start() share one request", async () => {
    const { client, adapter } = setupClient({ stored: makeSession({}, 10_000) });
    const a = client.refresh();
    const b = client.getAccessToken();
    client.start();
    const c = client.refresh();
    await vi.advanceTimersByTimeAsync(5);
    const [sa, tb, sc] = await Promise.all([a, b, c]);
    expect(adapter.refresh).toHaveBeenCalledTimes(1);
    expect(sa).toBe(sc);
    expect(tb).toBe(sa?.accessToken);
  });

  it("getAccessToken returns a fresh token without a request", async () => {
    const session = makeSession();
    const { client, adapter } = setupClient({ stored: session });
    await expect(client.getAccessToken()).resolves.toBe(session.accessToken);
    expect(adapter.refresh).not.toHaveBeenCalled();
  });

  it("getAccessToken resolves null when signed out", async () => {
    const { client } = setupClient();
    await expect(client.getAccessToken()).resolves.toBeNull();
  });
});

describe("refresh failures", () => {
  it("retries transient failures with capped backoff, keeping the session past expiry", async () => {
    const first = makeSession({}, 30_000);
    const { client, adapter, events, stored } = setupClient({
      stored: first,
      retry: { baseMs: 1_000, maxMs: 4_000 },
    });
    adapter.refresh.mockRejectedValue(transient());
    client.start();
    const times: number[] = [];
    adapter.refresh.mockImplementation(async () => {
      times.push(Date.now() - T0);
      throw transient();
    });
    await vi.advanceTimersByTimeAsync(60_000);
    // random() = 0.5 → 75 % of 1 s, 2 s, 4 s, then capped at 4 s; the first call is at 0.
    expect(times.slice(0, 5)).toEqual([750, 2_250, 5_250, 8_250, 11_250]);
    // The access token expired at 30 s; the session and its refresh token are kept.
    expect(client.getState()).toMatchObject({ status: "reconnecting", session: first });
    expect(client.getState().error?.code).toBe("network");
    expect(JSON.parse(stored() ?? "null").refreshToken).toBe(first.refreshToken);
    // One error for the outage, not one per retry; never signed_out.
    expect(events).toEqual([
      { type: "error", action: "refresh", error: expect.objectContaining({ code: "network" }) },
    ]);
    await expect(client.getAccessToken()).resolves.toBeNull();
    // The provider answers again: the next retry takes the result.
    adapter.refresh.mockImplementation(async () => makeSession({ user: { id: "user-1" } }));
    await vi.advanceTimersByTimeAsync(3_000);
    expect(client.getState()).toMatchObject({ status: "signed_in", error: null });
    expect(events.map((event) => event.type)).toEqual(["error", "token_refreshed"]);
    expect(client.getState().session?.user).toEqual(first.user);
  });

  it("keeps the still-valid token for callers while backing off", async () => {
    const session = makeSession({}, 30_000);
    const { client, adapter } = setupClient({ stored: session });
    adapter.refresh.mockRejectedValueOnce(transient());
    client.start();
    await flush();
    expect(client.getState()).toMatchObject({ status: "signed_in", session });
    await expect(client.getAccessToken()).resolves.toBe(session.accessToken);
    expect(adapter.refresh).toHaveBeenCalledTimes(1);
  });

  it("recovers when a retry succeeds", async () => {
    const { client, adapter } = setupClient({ stored: makeSession({}, 30_000) });
    adapter.refresh.mockRejectedValueOnce(transient());
    client.start();
    await vi.advanceTimersByTimeAsync(750 + 5);
    expect(adapter.refresh).toHaveBeenCalledTimes(2);
    expect(client.getState()).toMatchObject({ status: "signed_in", error: null });
  });

  it("waits at least retryAfterMs when rate limited", async () => {
    const { client, adapter } = setupClient({ stored: makeSession({}, 50_000) });
    adapter.refresh.mockRejectedValueOnce(new AuthError("rate_limited", { retryAfterMs: 20_000 }));
    client.start();
    await vi.advanceTimersByTimeAsync(19_999);
    expect(adapter.refresh).toHaveBeenCalledTimes(1);
    await vi.advanceTimersByTimeAsync(1);
    expect(adapter.refresh).toHaveBeenCalledTimes(2);
  });

  it("keeps the session when the token expires while waiting out rate limiting", async () => {
    const { client, adapter, events } = setupClient({ stored: makeSession({}, 10_000) });
    adapter.refresh.mockRejectedValueOnce(new AuthError("rate_limited", { retryAfterMs: 60_000 }));
    client.start();
    await vi.advanceTimersByTimeAsync(10_000);
    expect(adapter.refresh).toHaveBeenCalledTimes(1);
    expect(client.getState().status).toBe("reconnecting");
    await vi.advanceTimersByTimeAsync(50_005);
    expect(adapter.refresh).toHaveBeenCalledTimes(2);
    expect(client.getState().status).toBe("signed_in");
    expect(events.map((event) => event.type)).toEqual(["error", "token_refreshed"]);
  });

  it("ends the session at once as revoked when the refresh token is rejected", async () => {
    const { client, adapter, events, stored } = setupClient({ stored: makeSession({}, 30_000) });
    adapter.refresh.mockRejectedValueOnce(rejected());
    client.start();
    await flush();
    expect(adapter.refresh).toHaveBeenCalledTimes(1);
    expect(client.getState()).toMatchObject({ status: "signed_out", session: null });
    expect(client.getState().error?.code).toBe("session_expired");
    expect(events).toEqual([
      {
        type: "error",
        action: "refresh",
        error: expect.objectContaining({ code: "session_expired" }),
      },
      { type: "signed_out", reason: "revoked" },
    ]);
    expect(stored()).toBeNull();
    await vi.advanceTimersByTimeAsync(HOUR);
    expect(adapter.refresh).toHaveBeenCalledTimes(1);
  });

  it("keeps an already expired session through a transient failure, then recovers", async () => {
    const expired = makeSession({}, -1);
    const { client, adapter, events, stored } = setupClient({ stored: expired });
    adapter.refresh.mockRejectedValueOnce(transient());
    client.start();
    await flush();
    expect(client.getState()).toMatchObject({ status: "reconnecting", session: expired });
    expect(stored()).toContain(expired.refreshToken);
    expect(events.map((event) => event.type)).toEqual(["error"]);
    await vi.advanceTimersByTimeAsync(755);
    expect(client.getState().status).toBe("signed_in");
    expect(events.map((event) => event.type)).toEqual(["error", "token_refreshed"]);
  });

  it("treats a malformed adapter reply as invalid_response, wrapped in AuthError", async () => {
    const { client, adapter, events } = setupClient({ stored: makeSession({}, -1) });
    adapter.refresh.mockResolvedValueOnce({ nope: true } as unknown as Session);
    client.start();
    await flush();
    expect(events[0]).toMatchObject({ type: "error", error: { code: "invalid_response" } });
  });

  it("wraps a non-AuthError rejection (adapter bug) so state.error is always an AuthError", async () => {
    const { client, adapter } = setupClient({ stored: makeSession({}, -1) });
    adapter.refresh.mockRejectedValueOnce(new TypeError("x is undefined"));
    client.start();
    await flush();
    expect(client.getState().error).toBeInstanceOf(AuthError);
    expect(client.getState().error?.code).toBe("refresh_failed");
  });
});

describe("newer actions win over a refresh in flight", () => {
  it("signOut during a refresh: the late result is dropped", async () => {
    const { client, adapter, events, stored } = setupClient({ stored: makeSession({}, 10_000) });
    const reply = deferred<Session>();
    adapter.refresh.mockReturnValueOnce(reply.promise);
    client.start();
    const token = client.getAccessToken();
    await client.signOut();
    reply.resolve(makeSession());
    await flush();
    expect(client.getState()).toMatchObject({ status: "signed_out", session: null });
    expect(stored()).toBeNull();
    expect(events.map((event) => event.type)).toEqual(["signed_out"]);
    await expect(token).resolves.toBeNull();
  });

  it("signIn during a refresh: the new session stays, the late refresh is dropped", async () => {
    const { client, adapter, events } = setupClient({ stored: makeSession({}, 10_000) });
    const reply = deferred<Session>();
    adapter.refresh.mockReturnValueOnce(reply.promise);
    client.start();
    const signedIn = await client.signIn({ email: "a@b.co", password: "pw" });
    reply.resolve(makeSession());
    await flush();
    expect(client.getState().session).toBe(signedIn);
    expect(events.map((event) => event.type)).toEqual(["signed_in"]);
  });

  it("a late refresh failure after signOut does not report an error", async () => {
    const { client, adapter, events } = setupClient({ stored: makeSession({}, 10_000) });
    const reply = deferred<Session>();
    adapter.refresh.mockReturnValueOnce(reply.promise);
    client.start();
    await client.signOut();
    reply.reject(rejected());
    await flush();
    expect(events.map((event) => event.type)).toEqual(["signed_out"]);
    expect(client.getState().error).toBeNull();
  });
});
