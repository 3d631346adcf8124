import { xano } from "../../../src/providers/xano.js";
import { expectNoLeak } from "../../fakes/faults.js";
import { createXanoFake } from "../../fakes/xanoFake.js";
import { rejectionOf } from "../../support/rejectionOf.js";

const NOW = Date.UTC(2030, 5, 1);
const BASE = "https://x8ki-letl-twmt.n7.xano.io/api:test";

function setup(options: Partial<Parameters<typeof xano>[0]> = {}) {
  const fake = createXanoFake();
  const adapter = xano({
    baseUrl: `${BASE}/`,
    fetch: fake.fetch,
    clock: { now: () => NOW },
    ...options,
  });
  return { fake, adapter };
}

describe("xano adapter", () => {
  it("signs up, then reads the user from /auth/me with the token as Bearer", async () => {
    const { fake, adapter } = setup({ extraSignUpFields: { role: "member" } });
    const result = await adapter.signUp({
      email: "a@example.com",
      password: "longenough",
      name: "Ann",
    });
    if (result.kind !== "session") throw new Error("expected a session");
    expect(result.session.user).toMatchObject({ id: "1", email: "a@example.com", name: "Ann" });
    expect(result.session.refreshToken).toBeUndefined();
    expect(result.session.expiresAt).toBe(NOW + 86_400_000);
    expect(fake.requests[0]?.body).toEqual({
      role: "member",
      email: "a@example.com",
      password: "longenough",
      name: "Ann",
    });
    expect(fake.requests[1]?.headers.get("authorization")).toBe(
      `Bearer ${result.session.accessToken}`,
    );
    expect(fake.requests.map((r) => `${r.method} ${r.path}`)).toEqual([
      "POST /auth/signup",
      "GET /auth/me",
    ]);
  });

  it("signs in with a configured TTL and custom paths", async () => {
    const fake = createXanoFake();
    const adapter = xano({
      baseUrl: BASE,
      paths: { signIn: "auth/login" },
      tokenTtlSeconds: 600,
      fetch: fake.fetch,
      clock: { now: () => NOW },
    });
    fake.users.set("b@example.com", { id: 7, email: "b@example.com", password: "longenough" });
    const session = await adapter.signIn({ email: "b@example.com", password: "longenough" });
    expect(session.expiresAt).toBe(NOW + 600_000);
    expect(session.user.id).toBe("7");
    expect(session.provider).toBe("xano");
  });

  it("cannot refresh or revoke, and says so", async () => {
    const { adapter } = setup();
    expect(adapter.capabilities).toMatchObject({ signUp: true, refresh: false, revoke: false });
    expect((await rejectionOf(adapter.refresh("anything"))).code).toBe("not_supported");
    await expect(
      adapter.signOut({
        accessToken: "t",
        tokenType: "bearer",
        user: { id: "1" },
        provider: "xano",
      }),
    ).resolves.toBeUndefined();
  });

  it("rejects a missing baseUrl with invalid_config", () => {
    expect(() => xano({ baseUrl: "" })).toThrow(
      expect.objectContaining({ code: "invalid_config" }),
    );
  });
});

describe("xano error mapping", () => {
  it.each([
    [
      "sign-in with a wrong password",
      "signIn",
      "b@example.com",
      "wrong-password",
      "invalid_credentials",
      403,
    ],
    ["sign-up with an address in use", "signUp", "b@example.com", "longenough", "email_taken", 403],
    ["sign-up with a bad email", "signUp", "not-an-email", "longenough", "invalid_email", 400],
    ["sign-up with a short password", "signUp", "c@example.com", "short", "weak_password", 400],
  ] as const)("%s → %s", async (_label, method, email, password, code, status) => {
    const { fake, adapter } = setup();
    fake.users.set("b@example.com", { id: 2, email: "b@example.com", password: "longenough" });
    const error = await rejectionOf(adapter[method]({ email, password }));
    expect([error.code, error.status, error.provider]).toEqual([code, status, "xano"]);
    expectNoLeak(error, [password, "Invalid Credentials", "already in use"]);
  });

  it("maps an unknown token on /auth/me to session_expired", async () => {
    const { adapter } = setup();
    expect((await rejectionOf(adapter.getUser?.("stale-token"))).code).toBe("session_expired");
  });

  it("maps ERROR_CODE_TOO_MANY_REQUESTS and an unknown code", async () => {
    const replies = [
      new Response('{"code":"ERROR_CODE_TOO_MANY_REQUESTS","message":"slow"}', {
        status: 429,
        headers: { "content-type": "application/json", "retry-after": "3" },
      }),
      new Response('{"code":"ERROR_FATAL","message":"boom"}', {
        status: 500,
        headers: { "content-type": "application/json" },
      }),
    ];
    const adapter = xano({ baseUrl: BASE, fetch: async () => replies.shift() as Response });
    const limited = await rejectionOf(adapter.signIn({ email: "a@b.co", password: "x" }));
    expect([limited.code, limited.retryAfterMs]).toEqual(["rate_limited", 3000]);
    const fatal = await rejectionOf(adapter.signIn({ email: "a@b.co", password: "x" }));
    expect([fatal.code, fatal.status]).toEqual(["provider_error", 500]);
  });
});
