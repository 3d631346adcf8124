import { AuthError } from "../../../src/core/AuthError.js";
import { flush, HOUR, makeSession, setupClient, T0 } from "./fakeAdapter.js";

beforeEach(() => {
  vi.useFakeTimers();
  vi.setSystemTime(T0);
});
afterEach(() => {
  vi.useRealTimers();
});

describe("signIn", () => {
  it("sets state, persists, emits signed_in and schedules the refresh", async () => {
    const { client, adapter, events, stored } = setupClient();
    client.start();
    const session = await client.signIn({ email: "ada@example.com", password: "pw" });
    expect(adapter.signIn).toHaveBeenCalledWith({ email: "ada@example.com", password: "pw" });
    expect(client.getState()).toMatchObject({ status: "signed_in", session, error: null });
    expect(JSON.parse(stored() ?? "null")).toEqual(session);
    expect(events).toEqual([{ type: "signed_in", session }]);
    await vi.advanceTimersByTimeAsync(HOUR - 60_000);
    expect(adapter.refresh).toHaveBeenCalledWith(session.refreshToken);
  });

  it("on failure sets state.error, emits error with the action and rethrows the AuthError", async () => {
    const { client, adapter, events } = setupClient();
    client.start();
    const failure = new AuthError("invalid_credentials", { status: 400 });
    adapter.signIn.mockRejectedValueOnce(failure);
    await expect(client.signIn({ email: "a@b.co", password: "x" })).rejects.toBe(failure);
    expect(client.getState()).toMatchObject({ status: "signed_out", error: failure });
    // The event carries the error as plain JSON; the state and the rejection keep the instance.
    const error = { code: "invalid_credentials", message: failure.message, status: 400 };
    expect(events).toEqual([{ type: "error", action: "sign_in", error }]);
  });

  it("wraps a non-AuthError failure and clears the error on the next success", async () => {
    const { client, adapter } = setupClient();
    client.start();
    adapter.signIn.mockRejectedValueOnce(new TypeError("bug"));
    const error = await client.signIn({ email: "a@b.co", password: "x" }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AuthError);
    expect((error as AuthError).code).toBe("provider_error");
    await client.signIn({ email: "a@b.co", password: "x" });
    expect(client.getState().error).toBeNull();
  });
});

describe("signUp", () => {
  it("signs in and emits signed_up when the provider returns a session", async () => {
    const { client, events } = setupClient();
    client.start();
    const result = await client.signUp({ email: "a@b.co", password: "pw" });
    if (result.kind !== "session") throw new Error("expected a session");
    expect(client.getState()).toMatchObject({ status: "signed_in", session: result.session });
    expect(events).toEqual([
      {
        type: "signed_up",
        session: result.session,
        needsConfirmation: false,
        user: result.session.user,
      },
    ]);
  });

  it("emits signed_up with needsConfirmation and no session when confirmation is required", async () => {
    const { client, adapter, events } = setupClient();
    client.start();
    const user = { id: "u-2", email: "b@c.co" };
    adapter.signUp.mockResolvedValueOnce({ kind: "confirmation_required", user });
    await expect(client.signUp({ email: "b@c.co", password: "pw" })).resolves.toEqual({
      kind: "confirmation_required",
      user,
    });
    expect(client.getState()).toMatchObject({ status: "signed_out", session: null });
    expect(events).toEqual([{ type: "signed_up", session: null, needsConfirmation: true, user }]);
  });

  it("reports a failure as an error event with action sign_up and rethrows", async () => {
    const { client, adapter, events } = setupClient();
    const failure = new AuthError("email_taken", { status: 422 });
    adapter.signUp.mockRejectedValueOnce(failure);
    await expect(client.signUp({ email: "a@b.co", password: "pw" })).rejects.toBe(failure);
    expect(client.getState().error).toBe(failure);
    const error = { code: "email_taken", message: failure.message, status: 422 };
    expect(events).toEqual([{ type: "error", action: "sign_up", error }]);
  });
});

describe("signOut", () => {
  it("clears state and storage at once, emits signed_out user, then revokes best-effort", async () => {
    const session = makeSession();
    const { client, adapter, events, stored } = setupClient({ stored: session });
    client.start();
    let resolveRevoke!: () => void;
    adapter.signOut.mockReturnValueOnce(new Promise<void>((resolve) => (resolveRevoke = resolve)));
    const done = client.signOut();
    expect(client.getState()).toMatchObject({ status: "signed_out", session: null, error: null });
    expect(stored()).toBeNull();
    expect(events).toEqual([{ type: "signed_out", reason: "user" }]);
    expect(adapter.signOut).toHaveBeenCalledWith(session);
    expect(vi.getTimerCount()).toBe(0);
    resolveRevoke();
    await expect(done).resolves.toBeUndefined();
  });

  it("swallows a failing server-side revoke: no error state, no rejection", async () => {
    const { client, adapter, events } = setupClient({ stored: makeSession() });
    client.start();
    adapter.signOut.mockRejectedValueOnce(new AuthError("network"));
    await expect(client.signOut()).resolves.toBeUndefined();
    expect(client.getState().error).toBeNull();
    expect(events).toEqual([{ type: "signed_out", reason: "user" }]);
  });

  it("does nothing visible when already signed out", async () => {
    const { client, adapter, events } = setupClient();
    client.start();
    await client.signOut();
    expect(events).toEqual([]);
    expect(adapter.signOut).not.toHaveBeenCalled();
  });
});

describe("restore", () => {
  it("refreshes from the given token while signed out", async () => {
    const { client, adapter, events } = setupClient();
    client.start();
    const restoring = client.restore("from-host");
    await flush();
    // Restoring from a token handed over reads like restoring at start.
    expect(client.getState()).toMatchObject({ status: "initializing", session: null });
    await vi.advanceTimersByTimeAsync(5);
    const session = await restoring;
    expect(adapter.refresh).toHaveBeenCalledWith("from-host");
    expect(session?.refreshToken).toBeDefined();
    expect(client.getState()).toMatchObject({ status: "signed_in", session });
    expect(events.map((event) => event.type)).toEqual(["token_refreshed"]);
  });

  it("does nothing while signed in", async () => {
    const session = makeSession();
    const { client, adapter } = setupClient({ stored: session });
    client.start();
    await expect(client.restore("other")).resolves.toEqual(session);
    expect(adapter.refresh).not.toHaveBeenCalled();
  });

  it("ends as revoked when the handed-over token is rejected", async () => {
    const { client, adapter, events } = setupClient();
    adapter.refresh.mockRejectedValueOnce(new AuthError("session_expired"));
    await expect(client.restore("stale")).resolves.toBeNull();
    expect(client.getState().status).toBe("signed_out");
    expect(events.at(-1)).toEqual({ type: "signed_out", reason: "revoked" });
  });
});

describe("refresh()", () => {
  it("resolves null when signed out and makes no request", async () => {
    const { client, adapter } = setupClient();
    await expect(client.refresh()).resolves.toBeNull();
    expect(adapter.refresh).not.toHaveBeenCalled();
  });

  it("forces a refresh of a fresh session", async () => {
    const { client, adapter } = setupClient({ stored: makeSession() });
    const refreshing = client.refresh();
    await vi.advanceTimersByTimeAsync(5);
    await expect(refreshing).resolves.toEqual(client.getState().session);
    expect(adapter.refresh).toHaveBeenCalledTimes(1);
  });
});

describe("snapshots", () => {
  it("stay the same object between changes and change on each transition", async () => {
    const { client } = setupClient({ stored: makeSession({}, 10_000) });
    const seen = new Set<object>();
    client.subscribe(() => seen.add(client.getState()));
    const before = client.getState();
    expect(client.getState()).toBe(before);
    client.start();
    const refreshing = client.getState();
    expect(refreshing).not.toBe(before);
    expect(client.getState()).toBe(refreshing);
    await vi.advanceTimersByTimeAsync(5);
    const signedIn = client.getState();
    expect(signedIn.status).toBe("signed_in");
    expect(client.getState()).toBe(signedIn);
    // initializing → signed_in (stored) → refreshing → signed_in: three changes, three snapshots.
    expect(seen.size).toBe(3);
  });
});
