// @vitest-environment node

import { type AuthError, isAuthError } from "../../../src/core/AuthError.js";
import type { AuthAdapter } from "../../../src/core/adapter.js";
import { decodeJwt } from "../../../src/core/jwt.js";
import { demo } from "../../../src/providers/demo.js";

const START = Date.UTC(2030, 0, 1);

beforeEach(() => {
  vi.useFakeTimers({ now: START });
});
afterEach(() => {
  vi.useRealTimers();
});

/** Runs an adapter call through its simulated latency. */
async function settle<T>(promise: Promise<T>, ms = 300): Promise<T> {
  await vi.advanceTimersByTimeAsync(ms);
  return promise;
}

async function rejectionOf(promise: Promise<unknown>): Promise<AuthError> {
  const outcome = promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  const error = await settle(outcome);
  if (!isAuthError(error)) throw new Error("expected an AuthError rejection");
  return error;
}

const signIn = (adapter: AuthAdapter, email = "demo@example.com", password = "password123") =>
  settle(adapter.signIn({ email, password }));

describe("demo adapter", () => {
  it("waits its latency, then signs in with an alg:none JWT carrying sub, email and a real exp", async () => {
    const adapter = demo();
    let done = false;
    const pending = adapter
      .signIn({ email: "demo@example.com", password: "password123" })
      .then((s) => {
        done = true;
        return s;
      });
    await vi.advanceTimersByTimeAsync(299);
    expect(done).toBe(false);
    await vi.advanceTimersByTimeAsync(1);
    const session = await pending;
    const [header] = session.accessToken.split(".");
    expect(JSON.parse(Buffer.from(header ?? "", "base64url").toString())).toEqual({
      alg: "none",
      typ: "JWT",
    });
    const claims = decodeJwt(session.accessToken);
    expect(claims).toMatchObject({
      sub: session.user.id,
      email: "demo@example.com",
      exp: Math.floor((START + 300 + 30_000) / 1000),
    });
    // Whole seconds, as a JWT `exp` is.
    expect(session.expiresAt).toBe(Math.floor((START + 300 + 30_000) / 1000) * 1000);
  });

  it("rotates refresh tokens and treats reuse as session_expired", async () => {
    const adapter = demo({ latencyMs: 0 });
    const first = await signIn(adapter);
    const second = await settle(adapter.refresh(first.refreshToken ?? ""));
    expect(second.refreshToken).not.toBe(first.refreshToken);
    expect((await rejectionOf(adapter.refresh(first.refreshToken ?? ""))).code).toBe(
      "session_expired",
    );
    await settle(adapter.signOut(second));
    expect((await rejectionOf(adapter.refresh(second.refreshToken ?? ""))).code).toBe(
      "session_expired",
    );
  });

  it("getUser answers until the access token expires on the injected clock", async () => {
    let now = START;
    const adapter = demo({ accessTokenTtlSeconds: 10, latencyMs: 0, clock: { now: () => now } });
    const session = await signIn(adapter);
    await expect(
      settle(adapter.getUser?.(session.accessToken) as Promise<unknown>),
    ).resolves.toMatchObject({ email: "demo@example.com" });
    now += 10_000;
    expect(
      (await rejectionOf(adapter.getUser?.(session.accessToken) as Promise<unknown>)).code,
    ).toBe("session_expired");
  });

  it("signs up new users, and seeds custom ones", async () => {
    const adapter = demo({
      users: [{ email: "ann@example.com", password: "annpassword", name: "Ann" }],
    });
    const result = await settle(
      adapter.signUp({ email: "new@example.com", password: "longenough", name: "N" }),
    );
    expect(result.kind === "session" && result.session.user).toMatchObject({
      email: "new@example.com",
      name: "N",
    });
    expect((await signIn(adapter, "ann@example.com", "annpassword")).user.name).toBe("Ann");
    expect(
      (await rejectionOf(adapter.signIn({ email: "demo@example.com", password: "password123" })))
        .code,
    ).toBe("invalid_credentials");
  });

  it("a caller's abort cancels the simulated request", async () => {
    const controller = new AbortController();
    const pending = demo().signIn(
      { email: "demo@example.com", password: "password123" },
      { signal: controller.signal },
    );
    controller.abort();
    expect((await rejectionOf(pending)).code).toBe("network");
  });

  it.each([
    ["signIn", "demo@example.com", "wrongpass", "invalid_credentials"],
    ["signIn", "x+ratelimit@example.com", "password123", "rate_limited"],
    ["signIn", "x+network@example.com", "password123", "network"],
    ["signIn", "x+timeout@example.com", "password123", "timeout"],
    ["signIn", "x+servererror@example.com", "password123", "provider_error"],
    ["signIn", "x+disabled@example.com", "password123", "user_disabled"],
    ["signIn", "x+unconfirmed@example.com", "password123", "email_not_confirmed"],
    ["signUp", "short@example.com", "1234567", "weak_password"],
    ["signUp", "demo@example.com", "longenough", "email_taken"],
    ["signUp", "not-an-email", "longenough", "invalid_email"],
  ] as const)("%s(%s, %s) → %s", async (method, email, password, code) => {
    const error = await rejectionOf(demo()[method]({ email, password }));
    expect(error.code).toBe(code);
    expect(error.provider).toBe("demo");
    if (code === "rate_limited") expect(error.retryAfterMs).toBe(30_000);
  });

  it("+confirm on sign-up asks for confirmation instead of starting a session", async () => {
    const result = await settle(
      demo().signUp({ email: "a+confirm@example.com", password: "longenough" }),
    );
    expect(result.kind).toBe("confirmation_required");
  });

  it("starts nothing at construction", () => {
    demo();
    expect(vi.getTimerCount()).toBe(0);
  });
});
