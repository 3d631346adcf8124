// @vitest-environment node
import { readFileSync } from "node:fs";
import { isAuthError } from "../../../src/core/AuthError.js";
import { createAdapter } from "../../../src/providers/createAdapter.js";
import { type RestOptions, rest } from "../../../src/providers/rest.js";
import { expectNoLeak } from "../../fakes/faults.js";
import { createDirectusFake, createSimpleJwtFake } from "../../fakes/restFakes.js";
import { rejectionOf } from "../../support/rejectionOf.js";

const NOW = Date.UTC(2030, 2, 3, 4, 5, 6);
const clock = { now: () => NOW };

/** The worked examples are read from README.md, so the documentation is what gets tested. */
function readmeExample(name: string): Record<string, unknown> {
  const readme = readFileSync(new URL("../../../README.md", import.meta.url), "utf8");
  const match = readme.match(
    new RegExp(`<!-- rest-example: ${name} -->\\s*\`\`\`json\\n([\\s\\S]*?)\`\`\``),
  );
  if (!match?.[1]) throw new Error(`README has no rest example "${name}"`);
  return JSON.parse(match[1]) as Record<string, unknown>;
}

describe("rest worked example 1: Django simplejwt", () => {
  const setup = () => {
    const fake = createSimpleJwtFake(clock.now, 300);
    const adapter = createAdapter(readmeExample("simplejwt") as never, {
      fetch: fake.fetch,
      clock,
    });
    return { fake, adapter };
  };

  it("signs in with renamed fields, takes expiry and user id from the JWT", async () => {
    const { fake, adapter } = setup();
    const session = await adapter.signIn({ email: "ann@example.com", password: "correct-horse" });
    expect(fake.requests[0]?.body).toEqual({
      username: "ann@example.com",
      password: "correct-horse",
    });
    expect(session.expiresAt).toBe(Math.floor(NOW / 1000) * 1000 + 300_000);
    expect(session.user).toMatchObject({ id: "42", email: "ann@example.com" });
    expect(session.provider).toBe("django");
    expect(adapter.capabilities).toMatchObject({ signUp: false, refresh: true, revoke: true });
  });

  it("rotates on refresh, rejects reuse as session_expired, blacklists on sign-out", async () => {
    const { fake, adapter } = setup();
    const first = await adapter.signIn({ email: "ann@example.com", password: "correct-horse" });
    const second = await adapter.refresh(first.refreshToken ?? "");
    expect(fake.requests[1]?.body).toEqual({ refresh: first.refreshToken });
    expect(second.refreshToken).not.toBe(first.refreshToken);
    expect(second.user.id).toBe("42");
    const reused = await rejectionOf(adapter.refresh(first.refreshToken ?? ""));
    expect(reused.code).toBe("session_expired");
    expectNoLeak(reused, [first.refreshToken ?? "", first.accessToken, "Token is blacklisted"]);
    await adapter.signOut(second);
    const blacklist = fake.requests.at(-1);
    expect([blacklist?.path, blacklist?.body, blacklist?.headers.get("authorization")]).toEqual([
      "/api/token/blacklist/",
      { refresh: second.refreshToken },
      null,
    ]);
  });

  it("maps the code of a wrong password and keeps the server's words out", async () => {
    const { adapter } = setup();
    const error = await rejectionOf(
      adapter.signIn({ email: "ann@example.com", password: "nope-secret" }),
    );
    expect([error.code, error.status]).toEqual(["invalid_credentials", 401]);
    expectNoLeak(error, ["nope-secret", "No active account"]);
  });

  it("says not_supported for sign-up, which it has no endpoint for", async () => {
    const { adapter } = setup();
    const error = await rejectionOf(adapter.signUp({ email: "z@example.com", password: "x" }));
    expect(error.code).toBe("not_supported");
  });
});

describe("rest worked example 2: data.access_token with expires in ms", () => {
  const setup = () => {
    const fake = createDirectusFake();
    const adapter = createAdapter(readmeExample("directus") as never, { fetch: fake.fetch, clock });
    return { fake, adapter };
  };

  it("reads nested tokens, a millisecond expiry and the user from /users/me", async () => {
    const { fake, adapter } = setup();
    const session = await adapter.signIn({ email: "ann@example.com", password: "correct-horse" });
    expect(session.accessToken).toMatch(/^opaque-access-/);
    expect(session.expiresAt).toBe(NOW + 900_000);
    expect(session.user).toMatchObject({
      id: "uuid-ann",
      email: "ann@example.com",
      first_name: "Ann",
    });
    expect(fake.requests[1]?.headers.get("authorization")).toBe(`Bearer ${session.accessToken}`);
  });

  it("registers (204), then signs in; a second registration is email_taken", async () => {
    const { adapter } = setup();
    const result = await adapter.signUp({ email: "bob@example.com", password: "pw-12345678" });
    expect(result.kind).toBe("session");
    const again = await rejectionOf(
      adapter.signUp({ email: "bob@example.com", password: "pw-12345678" }),
    );
    expect(again.code).toBe("email_taken");
  });

  it("refreshes with the fixed mode field, signs out, and the old token is then dead", async () => {
    const { fake, adapter } = setup();
    const first = await adapter.signIn({ email: "ann@example.com", password: "correct-horse" });
    const second = await adapter.refresh(first.refreshToken ?? "");
    const refreshCall = fake.requests.find((r) => r.path === "/auth/refresh");
    expect(refreshCall?.body).toEqual({ mode: "json", refresh_token: first.refreshToken });
    await adapter.signOut(second);
    expect((await rejectionOf(adapter.refresh(second.refreshToken ?? ""))).code).toBe(
      "session_expired",
    );
    expect((await rejectionOf(adapter.getUser?.("stale") ?? Promise.resolve())).code).toBe(
      "session_expired",
    );
  });
});

describe("rest options", () => {
  const tokenReply = (body: unknown) =>
    new Response(JSON.stringify(body), { headers: { "content-type": "application/json" } });

  it("takes a JWT-only expiry as the token's lifetime from this clock, not the server's exp", async () => {
    // A device clock 10 minutes fast saw every 5-minute token as expired on arrival and
    // refreshed again at once, in a loop.
    const issued = Math.floor(NOW / 1000) - 600;
    const b64 = (value: unknown) => Buffer.from(JSON.stringify(value)).toString("base64url");
    const access = `${b64({ alg: "none" })}.${b64({ iat: issued, exp: issued + 300, user_id: 7 })}.`;
    const adapter = rest({
      endpoints: { signIn: { url: "https://a.test/login" } },
      response: { accessToken: "access", refreshToken: "refresh" },
      fetch: async () => tokenReply({ access, refresh: "r1" }),
      clock,
    });
    const session = await adapter.signIn({ email: "a@b.co", password: "p" });
    expect(session.expiresAt).toBe(NOW + 300_000);
  });

  it.each([
    [{ path: "expires_in" }, { expires_in: 60 }, NOW + 60_000],
    [{ path: "exp", kind: "absolute" }, { exp: 2_000_000_000 }, 2_000_000_000_000],
    [
      { path: "exp", kind: "absolute", unit: "milliseconds" },
      { exp: 1_900_000_000_123 },
      1_900_000_000_123,
    ],
    [{ path: "exp", kind: "absolute" }, { exp: "2031-01-01T00:00:00Z" }, Date.UTC(2031, 0, 1)],
    [{ path: "missing" }, {}, undefined],
  ] as const)("expiry %j of %j → %s", async (expires, extra, expected) => {
    const adapter = rest({
      endpoints: { signIn: { url: "https://a.test/login", bodyFormat: "form" } },
      response: { accessToken: "token", expires },
      fetch: async () => tokenReply({ token: "opaque", ...extra }),
      clock,
    });
    const session = await adapter.signIn({ email: "a@b.co", password: "p" });
    expect(session.expiresAt).toBe(expected);
    expect(session.user).toEqual({ id: "a@b.co", email: "a@b.co" });
  });

  it("sends a form body with fixed fields and headers", async () => {
    let seen: RequestInit | undefined;
    const adapter = rest({
      baseUrl: "https://a.test/v1/",
      endpoints: {
        signIn: {
          path: "login",
          bodyFormat: "form",
          body: { client_id: "web" },
          headers: { "x-app": "kit" },
        },
      },
      fetch: async (_url, init) => {
        seen = init;
        return tokenReply({ access_token: "t", user: { id: 5 } });
      },
      response: { user: "user" },
    });
    const session = await adapter.signIn({ email: "a@b.co", password: "p w" });
    expect(seen?.body).toBe("client_id=web&email=a%40b.co&password=p+w");
    expect(new Headers(seen?.headers).get("x-app")).toBe("kit");
    expect(session.user.id).toBe("5");
  });
});

describe("rest config validation", () => {
  it.each([
    [{}, /"endpoints" expected object/],
    [{ endpoints: {} }, /"endpoints.signIn" expected object/],
    [{ endpoints: { signIn: {} } }, /"endpoints.signIn" needs "url" or "path"/],
    [{ endpoints: { signIn: { path: "/login" } } }, /need "baseUrl"/],
    [{ endpoints: { signIn: { url: "not a url" } } }, /"endpoints.signIn.url" must be a valid url/],
    [
      { endpoints: { signIn: { url: "https://a.test", method: "FETCH" } } },
      /"endpoints.signIn.method" expected one of/,
    ],
    [
      {
        baseUrl: "https://a.test",
        endpoints: { signIn: { path: "/x" } },
        response: { expires: { path: "e", unit: "hours" } },
      },
      /"response.expires.unit"/,
    ],
    [
      {
        baseUrl: "https://a.test",
        endpoints: { signIn: { path: "/x" } },
        errors: { codeMap: { X: "oops" } },
      },
      /"errors.codeMap.X"/,
    ],
    [
      { baseUrl: "https://a.test", endpoints: { signIn: { path: "/x" } }, tokenPath: "t" },
      /unknown option\(s\) "tokenPath"/,
    ],
  ])("%j → invalid_config %s", (config, message) => {
    let error: unknown;
    try {
      rest(config as unknown as RestOptions);
    } catch (caught) {
      error = caught;
    }
    expect(isAuthError(error) && error.code).toBe("invalid_config");
    expect((error as Error).message).toMatch(message);
  });
});
