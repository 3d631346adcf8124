// A sign-in or sign-up reply that a later sign-in, sign-up or sign-out overtook is dropped.
import type { AuthError } from "../../../src/core/AuthError.js";
import type { SignUpResult } from "../../../src/core/adapter.js";
import type { Session } from "../../../src/core/types.js";
import { deferred, flush, makeSession, setupClient, T0 } from "./fakeAdapter.js";

beforeEach(() => {
  vi.useFakeTimers();
  vi.setSystemTime(T0);
});
afterEach(() => {
  vi.useRealTimers();
});

const ada = { email: "ada@example.com", password: "pw" };

describe("an overtaken sign-in or sign-up", () => {
  it("a sign-in overtaken by a sign-out: rejected superseded, not adopted, revoked", async () => {
    const { client, adapter, events, stored } = setupClient({ stored: makeSession() });
    client.start();
    const reply = deferred<Session>();
    adapter.signIn.mockReturnValueOnce(reply.promise);
    const signingIn = client.signIn(ada);
    await client.signOut();
    const late = makeSession();
    reply.resolve(late);
    await expect(signingIn).rejects.toMatchObject({ name: "AuthError", code: "superseded" });
    expect(client.getState()).toMatchObject({ status: "signed_out", session: null, error: null });
    expect(stored()).toBeNull();
    expect(events).toEqual([{ type: "signed_out", reason: "user" }]);
    expect(adapter.signOut).toHaveBeenLastCalledWith(late);
    expect(adapter.signOut).toHaveBeenCalledTimes(2);
  });

  it("a sign-in overtaken by a newer sign-in: the newer one stays, the older is not revoked", async () => {
    const { client, adapter, events } = setupClient();
    client.start();
    const first = deferred<Session>();
    adapter.signIn.mockReturnValueOnce(first.promise);
    const older = client.signIn(ada);
    const newer = await client.signIn({ email: "bo@example.com", password: "pw" });
    first.resolve(makeSession());
    await expect(older).rejects.toMatchObject({ code: "superseded" });
    expect(client.getState().session).toBe(newer);
    expect(events).toEqual([{ type: "signed_in", session: newer }]);
    expect(adapter.signOut).not.toHaveBeenCalled();
  });

  it("a failure overtaken by a newer action sets no error and emits nothing", async () => {
    const { client, adapter, events } = setupClient();
    client.start();
    const first = deferred<Session>();
    adapter.signIn.mockReturnValueOnce(first.promise);
    const older = client.signIn(ada);
    const newer = await client.signIn(ada);
    first.reject(new Error("boom"));
    const error = (await older.catch((e: unknown) => e)) as AuthError;
    expect(error.code).toBe("superseded");
    expect(client.getState()).toMatchObject({ status: "signed_in", session: newer, error: null });
    expect(events.map((e) => e.type)).toEqual(["signed_in"]);
  });

  it("a sign-out while already signed out still cancels a sign-in in flight", async () => {
    const { client, adapter, events } = setupClient();
    client.start();
    const reply = deferred<Session>();
    adapter.signIn.mockReturnValueOnce(reply.promise);
    const signingIn = client.signIn(ada);
    await client.signOut();
    reply.resolve(makeSession());
    await expect(signingIn).rejects.toMatchObject({ code: "superseded" });
    expect(client.getState()).toMatchObject({ status: "signed_out", session: null });
    expect(events).toEqual([]);
  });

  it("a sign-up with a session overtaken by a sign-out is dropped and revoked", async () => {
    const { client, adapter, events } = setupClient();
    client.start();
    const reply = deferred<SignUpResult>();
    adapter.signUp.mockReturnValueOnce(reply.promise);
    const signingUp = client.signUp(ada);
    await client.signOut();
    const late = makeSession();
    reply.resolve({ kind: "session", session: late });
    await expect(signingUp).rejects.toMatchObject({ code: "superseded" });
    expect(client.getState().status).toBe("signed_out");
    expect(events).toEqual([]);
    expect(adapter.signOut).toHaveBeenCalledWith(late);
  });

  it("a sign-up needing confirmation is still reported after a later action: the account exists", async () => {
    const { client, adapter, events } = setupClient();
    client.start();
    const reply = deferred<SignUpResult>();
    adapter.signUp.mockReturnValueOnce(reply.promise);
    const signingUp = client.signUp(ada);
    const session = await client.signIn(ada);
    reply.resolve({ kind: "confirmation_required", user: { id: "u-2" } });
    await expect(signingUp).resolves.toEqual({
      kind: "confirmation_required",
      user: { id: "u-2" },
    });
    await flush();
    expect(client.getState()).toMatchObject({ status: "signed_in", session });
    expect(events.map((e) => e.type)).toEqual(["signed_in", "signed_up"]);
  });
});
