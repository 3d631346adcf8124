import type { AuthError } from "../../../src/core/AuthError.js";
import { createAuthClient } from "../../../src/core/createAuthClient.js";
import { DEMO_STORAGE_KEY, type DemoStorage, demo } from "../../../src/providers/demo.js";
import { rejectionOf } from "../../support/rejectionOf.js";

// A page reload is modelled as it happens in a browser: a new adapter (and a new engine)
// built over the same Web Storage, with everything held in memory gone.
const START = Date.UTC(2030, 0, 1);

beforeEach(() => {
  vi.useFakeTimers({ now: START });
  localStorage.clear();
});
afterEach(() => {
  vi.useRealTimers();
  localStorage.clear();
});

async function settle<T>(promise: Promise<T>): Promise<T> {
  await vi.advanceTimersByTimeAsync(0);
  return promise;
}

const code = async (promise: Promise<unknown>) => {
  const outcome = rejectionOf(promise);
  await vi.advanceTimersByTimeAsync(0);
  return ((await outcome) as AuthError).code;
};

describe("demo adapter across a reload", () => {
  it("keeps its users and refresh tokens in localStorage: a stored session restores after a reload", async () => {
    const before = createAuthClient({ adapter: demo({ latencyMs: 0 }), crossTab: false });
    const stopBefore = before.start();
    await settle(before.signIn({ email: "demo@example.com", password: "password123" }));
    expect(before.getState().status).toBe("signed_in");
    stopBefore();

    // After the reload the access token is within the refresh margin: the engine refreshes.
    vi.setSystemTime(START + 29_000);
    const after = createAuthClient({ adapter: demo({ latencyMs: 0 }), crossTab: false });
    const events: string[] = [];
    after.onEvent((event) => events.push(event.type));
    after.start();
    await vi.advanceTimersByTimeAsync(0);
    expect(events).toEqual(["token_refreshed"]);
    expect(after.getState()).toMatchObject({
      status: "signed_in",
      session: { user: { email: "demo@example.com" } },
      error: null,
    });
  });

  it("still rotates refresh tokens after a reload, and reuse of a spent one still fails", async () => {
    const first = await settle(
      demo({ latencyMs: 0 }).signIn({ email: "demo@example.com", password: "password123" }),
    );
    const reloaded = demo({ latencyMs: 0 });
    const second = await settle(reloaded.refresh(first.refreshToken ?? ""));
    expect(second.refreshToken).not.toBe(first.refreshToken);
    expect(second.user.id).toBe(first.user.id);
    // The spent token is refused by this page and by the next one.
    expect(await code(reloaded.refresh(first.refreshToken ?? ""))).toBe("session_expired");
    expect(await code(demo({ latencyMs: 0 }).refresh(first.refreshToken ?? ""))).toBe(
      "session_expired",
    );
    await settle(demo({ latencyMs: 0 }).signOut(second));
    expect(await code(demo({ latencyMs: 0 }).refresh(second.refreshToken ?? ""))).toBe(
      "session_expired",
    );
  });

  it("a reused refresh token ends the session of the reloaded page as revoked", async () => {
    const stale = await settle(
      demo({ latencyMs: 0 }).signIn({ email: "demo@example.com", password: "password123" }),
    );
    await settle(demo({ latencyMs: 0 }).refresh(stale.refreshToken ?? ""));
    const client = createAuthClient({
      adapter: demo({ latencyMs: 0 }),
      storage: "memory",
      crossTab: false,
      initialRefreshToken: stale.refreshToken ?? "",
    });
    const reasons: unknown[] = [];
    client.onEvent((event) => {
      if (event.type === "signed_out") reasons.push(event.reason);
    });
    client.start();
    await vi.advanceTimersByTimeAsync(0);
    expect(client.getState()).toMatchObject({ status: "signed_out", session: null });
    expect(client.getState().error?.code).toBe("session_expired");
    expect(reasons).toEqual(["revoked"]);
  });

  it("knows users signed up before the reload, and their ids stay the same", async () => {
    const signedUp = await settle(
      demo({ latencyMs: 0 }).signUp({ email: "new@example.com", password: "longenough" }),
    );
    const reloaded = demo({ latencyMs: 0 });
    const session = await settle(
      reloaded.signIn({ email: "new@example.com", password: "longenough" }),
    );
    expect(signedUp.kind === "session" && signedUp.session.user.id).toBe(session.user.id);
    expect(await code(reloaded.signUp({ email: "new@example.com", password: "longenough" }))).toBe(
      "email_taken",
    );
    await expect(
      settle(reloaded.getUser?.(session.accessToken) as Promise<unknown>),
    ).resolves.toMatchObject({ email: "new@example.com" });
  });

  it('storage "memory" forgets on reload, as before', async () => {
    const first = await settle(
      demo({ latencyMs: 0, storage: "memory" }).signIn({
        email: "demo@example.com",
        password: "password123",
      }),
    );
    expect(localStorage.getItem(DEMO_STORAGE_KEY)).toBeNull();
    expect(
      await code(demo({ latencyMs: 0, storage: "memory" }).refresh(first.refreshToken ?? "")),
    ).toBe("session_expired");
  });

  it("falls back to memory where storage throws (a sandboxed frame), and ignores corrupt data", async () => {
    const broken: DemoStorage = {
      getItem: () => {
        throw new DOMException("sandboxed", "SecurityError");
      },
      setItem: () => {
        throw new DOMException("sandboxed", "SecurityError");
      },
    };
    const adapter = demo({ latencyMs: 0, storage: broken });
    const session = await settle(
      adapter.signIn({ email: "demo@example.com", password: "password123" }),
    );
    await expect(settle(adapter.refresh(session.refreshToken ?? ""))).resolves.toMatchObject({
      user: { email: "demo@example.com" },
    });

    localStorage.setItem(DEMO_STORAGE_KEY, "{not json");
    const fresh = demo({ latencyMs: 0 });
    await expect(
      settle(fresh.signIn({ email: "demo@example.com", password: "password123" })),
    ).resolves.toMatchObject({ user: { email: "demo@example.com" } });
  });
});
