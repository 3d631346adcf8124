import { createAuthClient } from "../../../src/core/createAuthClient.js";
import {
  createFakeAdapter,
  flush,
  HOUR,
  makeJwt,
  makeSession,
  rejected,
  STORAGE_KEY,
  setupClient,
  T0,
} from "./fakeAdapter.js";

beforeEach(() => {
  vi.useFakeTimers();
  vi.setSystemTime(T0);
});
afterEach(() => {
  vi.useRealTimers();
  localStorage.clear();
});

describe("createAuthClient: construction and start", () => {
  it("does nothing at construction: no storage read, no request, status initializing", () => {
    const adapter = createFakeAdapter();
    const storage = { getItem: vi.fn(() => null), setItem: vi.fn(), removeItem: vi.fn() };
    const client = createAuthClient({ adapter, storage });
    expect(client.getState()).toEqual({
      status: "initializing",
      session: null,
      error: null,
      persistence: "custom",
    });
    expect(storage.getItem).not.toHaveBeenCalled();
    expect(vi.getTimerCount()).toBe(0);
  });

  it("defaults to localStorage and reports persistence 'local'", () => {
    const client = createAuthClient({ adapter: createFakeAdapter() });
    expect(client.getState().persistence).toBe("local");
  });

  it("starts signed out when nothing is stored", () => {
    const { client, adapter, events } = setupClient();
    client.start();
    expect(client.getState().status).toBe("signed_out");
    expect(adapter.refresh).not.toHaveBeenCalled();
    expect(events).toEqual([]);
  });

  it("adopts a stored session valid beyond the margin without a request, and schedules", () => {
    const session = makeSession();
    const { client, adapter } = setupClient({ stored: session });
    client.start();
    expect(client.getState()).toMatchObject({ status: "signed_in", session });
    expect(adapter.refresh).not.toHaveBeenCalled();
    expect(vi.getTimerCount()).toBe(1);
  });

  it("refreshes on start when the stored token is within the margin", async () => {
    const session = makeSession({}, 30_000);
    const { client, adapter, events } = setupClient({ stored: session });
    client.start();
    expect(adapter.refresh).toHaveBeenCalledWith(session.refreshToken);
    expect(client.getState()).toMatchObject({ status: "refreshing", session });
    await vi.advanceTimersByTimeAsync(5);
    expect(client.getState().status).toBe("signed_in");
    expect(client.getState().session?.accessToken).not.toBe(session.accessToken);
    expect(events.map((event) => event.type)).toEqual(["token_refreshed"]);
  });

  it("stays initializing while refreshing an expired stored session, then signs in", async () => {
    const session = makeSession({}, -1_000);
    const { client, adapter, stored } = setupClient({ stored: session });
    client.start();
    expect(adapter.refresh).toHaveBeenCalledTimes(1);
    expect(client.getState()).toMatchObject({ status: "initializing", session: null });
    await vi.advanceTimersByTimeAsync(5);
    const now = client.getState();
    expect(now.status).toBe("signed_in");
    // The refresh reply has no name: the stored one is kept.
    expect(now.session?.user).toEqual({ id: "user-1", email: "ada@example.com", name: "Ada" });
    expect(JSON.parse(stored() ?? "null").accessToken).toBe(now.session?.accessToken);
  });

  it("never reports signed_in without a session while a refused start-up refresh ends", async () => {
    const session = makeSession({}, -1_000);
    const { client, adapter, events } = setupClient({ stored: session });
    adapter.refresh.mockRejectedValueOnce(rejected());
    const seen: string[] = [];
    client.subscribe(() => {
      const { status, session: now } = client.getState();
      if (status === "signed_in" && now === null) seen.push("signed_in without a session");
    });
    client.start();
    await flush();
    expect(client.getState()).toMatchObject({ status: "signed_out", session: null });
    expect(events.map((event) => event.type)).toEqual(["error", "signed_out"]);
    expect(seen).toEqual([]);
  });

  it("drops an expired stored session without a refresh token and clears storage", () => {
    const session = makeSession({}, -1);
    delete session.refreshToken;
    const { client, adapter, stored } = setupClient({ stored: session });
    client.start();
    expect(client.getState().status).toBe("signed_out");
    expect(adapter.refresh).not.toHaveBeenCalled();
    expect(stored()).toBeNull();
  });

  it("discards corrupted stored JSON without throwing and removes it", () => {
    const { client, stored } = setupClient({ stored: "{corrupt" });
    expect(() => client.start()).not.toThrow();
    expect(client.getState().status).toBe("signed_out");
    expect(stored()).toBeNull();
  });

  it("uses initialSession when nothing is stored, and persists it", () => {
    const initialSession = makeSession();
    const { client, stored } = setupClient({ initialSession });
    client.start();
    expect(client.getState().session).toEqual(initialSession);
    expect(JSON.parse(stored() ?? "null")).toEqual(initialSession);
  });

  it("prefers the stored session over initialSession", () => {
    const session = makeSession();
    const { client } = setupClient({ stored: session, initialSession: makeSession() });
    client.start();
    expect(client.getState().session).toEqual(session);
  });

  it("falls back to initialSession when the stored one expired with no refresh token", () => {
    const dead = makeSession({}, -1);
    delete dead.refreshToken;
    const initialSession = makeSession();
    const { client, stored } = setupClient({ stored: dead, initialSession });
    client.start();
    expect(client.getState()).toMatchObject({ status: "signed_in", session: initialSession });
    expect(JSON.parse(stored() ?? "null")).toEqual(initialSession);
  });

  it("restores from initialRefreshToken on start", async () => {
    const { client, adapter, events } = setupClient({ initialRefreshToken: "handed-over" });
    client.start();
    expect(adapter.refresh).toHaveBeenCalledWith("handed-over");
    expect(client.getState().status).toBe("initializing");
    await vi.advanceTimersByTimeAsync(5);
    expect(client.getState().status).toBe("signed_in");
    expect(events.map((event) => event.type)).toEqual(["token_refreshed"]);
  });

  it("reads an async custom store before deciding", async () => {
    const session = makeSession();
    const adapter = createFakeAdapter();
    const storage = {
      getItem: vi.fn(async () => JSON.stringify(session)),
      setItem: vi.fn(async () => {}),
      removeItem: vi.fn(async () => {}),
    };
    const client = createAuthClient({ adapter, storage });
    client.start();
    expect(client.getState().status).toBe("initializing");
    await flush();
    expect(client.getState()).toMatchObject({ status: "signed_in", session });
    expect(storage.getItem).toHaveBeenCalledWith(STORAGE_KEY);
  });

  it("fills expiresAt from the JWT exp claim when a session has none", () => {
    const accessToken = makeJwt({ exp: (T0 + HOUR) / 1000 });
    const session = makeSession({ accessToken });
    delete session.expiresAt;
    const { client } = setupClient({ initialSession: session });
    client.start();
    expect(client.getState().session?.expiresAt).toBe(T0 + HOUR);
  });

  it("StrictMode start → stop → start makes exactly one refresh request", async () => {
    const session = makeSession({}, 30_000);
    const { client, adapter } = setupClient({ stored: session });
    const stop = client.start();
    stop();
    const stop2 = client.start();
    await vi.advanceTimersByTimeAsync(5);
    expect(adapter.refresh).toHaveBeenCalledTimes(1);
    expect(client.getState().status).toBe("signed_in");
    // The restarted client kept scheduling: the next refresh is due again before expiry.
    await vi.advanceTimersByTimeAsync(HOUR);
    expect(adapter.refresh).toHaveBeenCalledTimes(2);
    stop2();
  });

  it("StrictMode with an expired token: the second start joins the refresh in flight", async () => {
    const { client, adapter } = setupClient({ stored: makeSession({}, -1) });
    client.start()();
    client.start();
    await vi.advanceTimersByTimeAsync(5);
    expect(adapter.refresh).toHaveBeenCalledTimes(1);
    expect(client.getState().status).toBe("signed_in");
  });

  it("stop clears its timer and listeners; no refresh happens while stopped", async () => {
    const { client, adapter } = setupClient({ stored: makeSession() });
    const stop = client.start();
    expect(vi.getTimerCount()).toBe(1);
    stop();
    stop();
    expect(vi.getTimerCount()).toBe(0);
    await vi.advanceTimersByTimeAsync(2 * HOUR);
    document.dispatchEvent(new Event("visibilitychange"));
    window.dispatchEvent(new Event("online"));
    expect(adapter.refresh).not.toHaveBeenCalled();
  });
});
