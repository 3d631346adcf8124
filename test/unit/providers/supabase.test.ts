import { SUPABASE_ERROR_CODES, supabase } from "../../../src/providers/supabase.js";
import { expectNoLeak } from "../../fakes/faults.js";
import { documentedErrorCodes, loadGotrueSpec, specProblems } from "../../fakes/openapiCheck.js";
import { createSupabaseFake } from "../../fakes/supabaseFake.js";
import { rejectionOf } from "../../support/rejectionOf.js";

const NOW = Date.UTC(2030, 0, 1);
const clock = { now: () => NOW };
const URL_ = "https://abcdefghijklmnopqrst.supabase.co";

function setup(fakeOptions: Parameters<typeof createSupabaseFake>[0] = {}) {
  const fake = createSupabaseFake({ now: clock.now, ...fakeOptions });
  const adapter = supabase({ url: URL_, anonKey: fake.anonKey, fetch: fake.fetch, clock });
  return { fake, adapter };
}

describe("supabase adapter flows", () => {
  it("signs up with auto-confirm into a session, then reads the user", async () => {
    const { adapter } = setup();
    const result = await adapter.signUp({ email: "a@example.com", password: "secret123" });
    if (result.kind !== "session") throw new Error("expected a session");
    expect(result.session.user.email).toBe("a@example.com");
    expect(result.session.expiresAt).toBe(NOW + 3600_000);
    expect(result.session.provider).toBe("supabase");
    const user = await adapter.getUser?.(result.session.accessToken);
    expect(user?.id).toBe(result.session.user.id);
  });

  it("reports confirmation_required when sign-up returns only a user", async () => {
    const { adapter } = setup({ autoConfirm: false });
    const result = await adapter.signUp({
      email: "b@example.com",
      password: "secret123",
      name: "B",
    });
    expect(result.kind).toBe("confirmation_required");
    if (result.kind === "confirmation_required") expect(result.user?.email).toBe("b@example.com");
  });

  it("signs in, rotates the refresh token, and rejects its reuse as session_expired", async () => {
    const { fake, adapter } = setup();
    fake.addUser("c@example.com", "secret123");
    const first = await adapter.signIn({ email: "c@example.com", password: "secret123" });
    const second = await adapter.refresh(first.refreshToken ?? "");
    expect(second.refreshToken).not.toBe(first.refreshToken);
    expect(second.user.email).toBe("c@example.com");
    const error = await rejectionOf(adapter.refresh(first.refreshToken ?? ""));
    expect(error.code).toBe("session_expired");
    expectNoLeak(error, [first.refreshToken ?? "", first.accessToken]);
  });

  it("signs out with the access token and a local scope, then the refresh token is dead", async () => {
    const { fake, adapter } = setup();
    fake.addUser("d@example.com", "secret123");
    const session = await adapter.signIn({ email: "d@example.com", password: "secret123" });
    await adapter.signOut(session);
    const logout = fake.requests.at(-1);
    expect(logout?.query.get("scope")).toBe("local");
    expect(logout?.headers.get("authorization")).toBe(`Bearer ${session.accessToken}`);
    expect((await rejectionOf(adapter.refresh(session.refreshToken ?? ""))).code).toBe(
      "session_expired",
    );
    // Signing out a session the server already ended is not an error.
    await expect(adapter.signOut(session)).resolves.toBeUndefined();
  });

  it("sends the configured sign-out scope", async () => {
    const fake = createSupabaseFake({ now: clock.now });
    fake.addUser("e@example.com", "secret123");
    const adapter = supabase({
      url: `${URL_}/auth/v1/`,
      anonKey: fake.anonKey,
      fetch: fake.fetch,
      clock,
      signOutScope: "global",
    });
    await adapter.signOut(await adapter.signIn({ email: "e@example.com", password: "secret123" }));
    expect(fake.requests.at(-1)?.query.get("scope")).toBe("global");
    expect(fake.requests.every((r) => !r.path.includes("/auth/v1"))).toBe(true);
  });

  it("rejects a missing url or key with invalid_config", () => {
    expect(() => supabase({ url: "", anonKey: "k" })).toThrow(
      expect.objectContaining({ code: "invalid_config" }),
    );
    expect(() => supabase({ url: URL_, anonKey: " " })).toThrow(/anonKey/);
  });
});

describe("supabase requests follow the OpenAPI spec", () => {
  const spec = loadGotrueSpec();

  it("every request's method, path, query, body and security match gotrue-openapi.yaml", async () => {
    const { fake, adapter } = setup();
    const signUp = await adapter.signUp({
      email: "s@example.com",
      password: "secret123",
      name: "S",
    });
    if (signUp.kind !== "session") throw new Error("expected a session");
    await adapter.signIn({ email: "s@example.com", password: "secret123" });
    const refreshed = await adapter.refresh(signUp.session.refreshToken ?? "");
    await adapter.getUser?.(refreshed.accessToken);
    await adapter.signOut(refreshed);
    const paths = fake.requests.map((r) => `${r.method} ${r.path}?${r.query}`);
    expect(paths).toEqual([
      "POST /signup?",
      "POST /token?grant_type=password",
      "POST /token?grant_type=refresh_token",
      "GET /user?",
      "POST /logout?scope=local",
    ]);
    for (const request of fake.requests) expect(specProblems(spec, request)).toEqual([]);
    // apikey alone where the spec asks for APIKeyAuth only: the anon key is not a user token.
    expect(fake.requests[0]?.headers.get("authorization")).toBeNull();
  });

  it("the checker itself catches a request the spec does not allow", () => {
    const bad = {
      method: "POST",
      path: "/token",
      query: new URLSearchParams("grant_type=magic"),
      headers: new Headers(),
      body: { pass: "x" },
    };
    expect(specProblems(spec, bad).length).toBeGreaterThanOrEqual(3);
  });
});

describe("supabase error mapping", () => {
  const spec = loadGotrueSpec();
  const rows = Object.entries(SUPABASE_ERROR_CODES);

  it("covers every documented error code in the spec that it maps", () => {
    const documented = documentedErrorCodes(spec);
    const mappedAndDocumented = rows.filter(([code]) => documented.has(code)).map(([code]) => code);
    expect(mappedAndDocumented.sort()).toEqual(["bad_jwt", "no_authorization"]);
    expect(documented.has("validation_failed")).toBe(true);
  });

  const formats = [
    { label: "x-sb-error-code header", fake: { errorCodeHeader: true, legacyErrors: true } },
    {
      label: "{ code: <http>, error_code, msg } body",
      fake: { errorCodeHeader: false, legacyErrors: true },
    },
    { label: "{ code: <error_code>, message } body", fake: { errorCodeHeader: false } },
  ];
  for (const format of formats) {
    describe(format.label, () => {
      for (const [errorCode, expected] of rows) {
        it(`${errorCode} → ${expected}`, async () => {
          const { fake, adapter } = setup(format.fake);
          const status = expected === "rate_limited" ? 429 : 400;
          fake.failNext(status, errorCode);
          const error = await rejectionOf(
            adapter.signIn({ email: "x@example.com", password: "pw-secret" }),
          );
          expect(error.code).toBe(expected);
          expect(error.status).toBe(status);
          expect(error.provider).toBe("supabase");
          expectNoLeak(error, ["pw-secret", `fake ${errorCode}`]);
        });
      }
    });
  }

  it("maps the fake's own rejections: taken, weak (with reasons), bad email, unconfirmed, banned", async () => {
    const { fake, adapter } = setup();
    fake.addUser("taken@example.com", "secret123");
    fake.addUser("new@example.com", "secret123", { confirmed: false });
    fake.addUser("ban@example.com", "secret123", { banned: true });
    const weak = await rejectionOf(adapter.signUp({ email: "w@example.com", password: "123" }));
    expect([weak.code, weak.reasons]).toEqual(["weak_password", ["length"]]);
    expect(
      (await rejectionOf(adapter.signUp({ email: "taken@example.com", password: "secret123" })))
        .code,
    ).toBe("email_taken");
    expect((await rejectionOf(adapter.signUp({ email: "nope", password: "secret123" }))).code).toBe(
      "invalid_email",
    );
    expect(
      (await rejectionOf(adapter.signIn({ email: "new@example.com", password: "secret123" }))).code,
    ).toBe("email_not_confirmed");
    expect(
      (await rejectionOf(adapter.signIn({ email: "ban@example.com", password: "secret123" }))).code,
    ).toBe("user_disabled");
    expect(
      (await rejectionOf(adapter.signIn({ email: "taken@example.com", password: "wrong" }))).code,
    ).toBe("invalid_credentials");
    expect((await rejectionOf(adapter.getUser?.("not-a-jwt") ?? Promise.resolve())).code).toBe(
      "session_expired",
    );
  });

  it("an unmapped code is a provider_error with its status; a rate limit keeps Retry-After", async () => {
    const { fake, adapter } = setup();
    fake.failNext(422, "signup_disabled");
    const error = await rejectionOf(
      adapter.signUp({ email: "q@example.com", password: "secret123" }),
    );
    expect([error.code, error.status]).toEqual(["provider_error", 422]);
  });
});
