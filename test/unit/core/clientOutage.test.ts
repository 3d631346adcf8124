// Outages and odd replies: the session is kept, retried at once when the page has a reason
// to, refreshed at a bounded rate whatever the provider answers, and the state says what is
// true at every moment.
import { AuthError } from "../../../src/core/AuthError.js";
import type { FetchLike } from "../../../src/core/ports.js";
import { rest } from "../../../src/providers/rest.js";
import { flush, HOUR, makeSession, setupClient, T0, transient } from "./fakeAdapter.js";

beforeEach(() => {
  vi.useFakeTimers();
  vi.setSystemTime(T0);
});
afterEach(() => {
  vi.useRealTimers();
});

describe("retrying at once when the page has a reason to", () => {
  it("getAccessToken() in an outage retries now instead of waiting out the backoff", async () => {
    const expired = makeSession({}, -1);
    const { client, adapter } = setupClient({
      stored: expired,
      retry: { baseMs: 1_000, maxMs: 60_000 },
    });
    adapter.refresh.mockRejectedValue(transient());
    client.start();
    await vi.advanceTimersByTimeAsync(20_000);
    const before = adapter.refresh.mock.calls.length;
    // The backoff has grown to ~16 s; a caller waiting for a token does not wait that long.
    adapter.refresh.mockImplementation(async () => makeSession());
    const token = client.getAccessToken();
    await vi.advanceTimersByTimeAsync(1_005);
    await expect(token).resolves.toEqual(expect.stringMatching(/^access-/));
    expect(adapter.refresh.mock.calls.length).toBe(before + 1);
    expect(client.getState().status).toBe("signed_in");
  });

  it("online and visible retry at once, but no sooner than a server's Retry-After", async () => {
    const { client, adapter } = setupClient({ stored: makeSession({}, -1) });
    adapter.refresh.mockRejectedValueOnce(new AuthError("rate_limited", { retryAfterMs: 5_000 }));
    adapter.refresh.mockRejectedValueOnce(transient());
    client.start();
    await flush();
    window.dispatchEvent(new Event("online"));
    await vi.advanceTimersByTimeAsync(4_999);
    expect(adapter.refresh).toHaveBeenCalledTimes(1);
    await vi.advanceTimersByTimeAsync(1);
    expect(adapter.refresh).toHaveBeenCalledTimes(2);
    await flush();
    // Now a plain network failure: the backoff is 1.5 s, the tab coming back cuts it to 1 s.
    await vi.advanceTimersByTimeAsync(1_000);
    expect(adapter.refresh).toHaveBeenCalledTimes(2);
    vi.spyOn(document, "visibilityState", "get").mockReturnValue("visible");
    document.dispatchEvent(new Event("visibilitychange"));
    expect(adapter.refresh).toHaveBeenCalledTimes(3);
    await vi.advanceTimersByTimeAsync(5);
    expect(client.getState().status).toBe("signed_in");
  });

  it("a laptop that wakes offline past expiry keeps the session, then refreshes when online", async () => {
    const { client, adapter, events } = setupClient({ stored: makeSession({}, HOUR) });
    client.start();
    adapter.refresh.mockRejectedValue(transient());
    vi.setSystemTime(T0 + 3 * HOUR);
    await vi.advanceTimersByTimeAsync(HOUR);
    expect(client.getState().status).toBe("reconnecting");
    await expect(client.getAccessToken()).resolves.toBeNull();
    adapter.refresh.mockImplementation(async () => makeSession());
    window.dispatchEvent(new Event("online"));
    await vi.advanceTimersByTimeAsync(1_000);
    expect(client.getState().status).toBe("signed_in");
    expect(events.map((event) => event.type)).toEqual(["error", "token_refreshed"]);
  });
});

describe("no refresh storms, and a state that says what is true", () => {
  it("expires_in: 1 is refreshed at most every 10 s, reconnecting while the token is dead", async () => {
    const { client, adapter } = setupClient(
      { stored: makeSession({}, 1_000) },
      { lifetimeMs: 1_000 },
    );
    const seen = new Set<string>();
    client.subscribe(() => seen.add(client.getState().status));
    client.start();
    await vi.advanceTimersByTimeAsync(60_000);
    // Today 121 a minute; the floor allows one per 10 s.
    expect(adapter.refresh.mock.calls.length).toBeLessThanOrEqual(7);
    expect(adapter.refresh.mock.calls.length).toBeGreaterThanOrEqual(5);
    expect(seen).toContain("reconnecting");
    // Whenever the state says signed in, the token it holds is valid.
    const unsubscribe = client.subscribe(() => {
      const { status, session } = client.getState();
      if (status === "signed_in") expect(session?.expiresAt).toBeGreaterThan(Date.now());
    });
    await vi.advanceTimersByTimeAsync(30_000);
    unsubscribe();
  });

  it("a REST config with the wrong expiry unit (ms for seconds) does not storm", async () => {
    let refreshes = 0;
    const fetch: FetchLike = async () => {
      refreshes += 1;
      const body = {
        access_token: `at-${refreshes}`,
        refresh_token: `rt-${refreshes}`,
        expires_in: 3600,
      };
      return new Response(JSON.stringify(body), {
        headers: { "content-type": "application/json" },
      });
    };
    const adapter = rest({
      baseUrl: "https://api.test",
      endpoints: { signIn: { path: "/login" }, refresh: { path: "/refresh" } },
      response: { expires: { path: "expires_in", unit: "milliseconds" } },
      fetch,
    });
    // setupClient's options go to createAuthClient: this adapter replaces the fake one.
    const wrong = setupClient({ initialRefreshToken: "rt-0", adapter });
    wrong.client.start();
    await vi.advanceTimersByTimeAsync(60_000);
    // 3.6 s tokens: today 134 a minute.
    expect(refreshes).toBeLessThanOrEqual(7);
    expect(wrong.client.getState().status).not.toBe("signed_out");
  });

  it("a reply that is already expired is not signed in: reconnecting, retried with backoff", async () => {
    const { client, adapter } = setupClient({ stored: makeSession({}, -1) });
    adapter.refresh.mockImplementation(async () => makeSession({}, -5_000));
    const statuses: string[] = [];
    client.subscribe(() => statuses.push(client.getState().status));
    client.start();
    await vi.advanceTimersByTimeAsync(60_000);
    expect(statuses).not.toContain("signed_in");
    expect(client.getState()).toMatchObject({
      status: "reconnecting",
      error: { code: "invalid_response" },
    });
    await expect(client.getAccessToken()).resolves.toBeNull();
    // Backoff from 1 s to the 30 s cap: a handful of requests, not a storm.
    expect(adapter.refresh.mock.calls.length).toBeLessThanOrEqual(8);
  });
});
