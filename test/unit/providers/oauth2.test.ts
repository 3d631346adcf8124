// @vitest-environment node
import type { AuthErrorCode } from "../../../src/core/AuthError.js";
import type { FetchLike } from "../../../src/core/ports.js";
import type { Session } from "../../../src/core/types.js";
import { type OAuth2Options, oauth2 } from "../../../src/providers/oauth2.js";
import { rejectionOf } from "../../support/rejectionOf.js";

const NOW = Date.UTC(2030, 0, 1);
const clock = { now: () => NOW };
const TOKEN_URL = "https://idp.test/oauth/token";

interface Call {
  url: string;
  init: RequestInit | undefined;
}

function respondWith(...replies: (() => Response)[]) {
  const calls: Call[] = [];
  const fetch: FetchLike = async (url, init) => {
    calls.push({ url, init });
    const next = replies[Math.min(calls.length, replies.length) - 1];
    if (!next) throw new Error("no reply planned");
    return next();
  };
  return { calls, fetch };
}

const json = (body: unknown, status = 200, headers: Record<string, string> = {}) =>
  new Response(JSON.stringify(body), {
    status,
    headers: { "content-type": "application/json", ...headers },
  });

const jwt = (claims: Record<string, unknown>) =>
  ["eyJhbGciOiJub25lIn0", Buffer.from(JSON.stringify(claims)).toString("base64url"), "sig"].join(
    ".",
  );

const formOf = (call: Call | undefined) =>
  Object.fromEntries(new URLSearchParams(String(call?.init?.body)));

function make(fetch: FetchLike, extra: Partial<OAuth2Options> = {}) {
  return oauth2({ tokenUrl: TOKEN_URL, clientId: "spa", fetch, clock, ...extra });
}

const session: Session = {
  accessToken: "at-1",
  refreshToken: "rt-1",
  tokenType: "bearer",
  user: { id: "u1" },
  provider: "oauth2",
};

type Operation = "signUp" | "signIn" | "refresh" | "signOut";

function run(operation: Operation, fetch: FetchLike) {
  const adapter = make(fetch, {
    signUpUrl: "https://idp.test/dbconnections/signup",
    revokeUrl: "https://idp.test/oauth/revoke",
  });
  const credentials = { email: "a@example.com", password: "pw-secret-1" };
  switch (operation) {
    case "signUp":
      return adapter.signUp(credentials);
    case "signIn":
      return adapter.signIn(credentials);
    case "refresh":
      return adapter.refresh("rt-1");
    case "signOut":
      return adapter.signOut(session);
  }
}

describe("oauth2 error table", () => {
  const rows: [Operation, number, Record<string, unknown>, AuthErrorCode][] = [
    ["signIn", 400, { error: "invalid_grant" }, "invalid_credentials"],
    [
      "signIn",
      403,
      { error: "invalid_grant", error_description: "Wrong email" },
      "invalid_credentials",
    ],
    ["refresh", 400, { error: "invalid_grant" }, "session_expired"],
    ["signIn", 401, { error: "invalid_client" }, "invalid_config"],
    ["refresh", 401, { error: "invalid_client" }, "invalid_config"],
    ["signIn", 400, { error: "unauthorized_client" }, "invalid_config"],
    ["signIn", 400, { error: "unsupported_grant_type" }, "invalid_config"],
    ["signIn", 400, { error: "invalid_scope" }, "invalid_config"],
    ["signIn", 401, { error: "too_many_attempts" }, "rate_limited"],
    ["signIn", 400, { error: "invalid_request" }, "provider_error"],
    // Any other refused refresh is its token refused, as for every adapter (defineAdapter).
    ["refresh", 400, { error: "invalid_request" }, "session_expired"],
    ["signUp", 400, { name: "BadRequestError", code: "user_exists" }, "email_taken"],
    ["signUp", 400, { code: "username_exists" }, "email_taken"],
    ["signUp", 400, { name: "PasswordStrengthError", code: "invalid_password" }, "weak_password"],
    ["signUp", 400, { code: "password_strength_error" }, "weak_password"],
    ["signUp", 400, { code: "password_dictionary_error" }, "weak_password"],
    ["signUp", 400, { code: "password_no_user_info_error" }, "weak_password"],
    ["signUp", 400, { code: "invalid_signup" }, "provider_error"],
    ["signOut", 400, { error: "unsupported_token_type" }, "provider_error"],
    ["signOut", 401, { error: "invalid_client" }, "invalid_config"],
  ];

  it.each(rows)("%s: HTTP %i %j → %s", async (operation, status, body, code) => {
    const { fetch } = respondWith(() => json(body, status));
    const error = await rejectionOf(run(operation, fetch));
    expect(error).toMatchObject({ code, status, provider: "oauth2" });
    expect(error.message).not.toMatch(/Wrong email|invalid_grant|user_exists/);
  });

  it("leaves a 429 to the shared mapping, keeping Retry-After", async () => {
    const { fetch } = respondWith(() =>
      json({ error: "too_many_requests" }, 429, { "retry-after": "3" }),
    );
    const error = await rejectionOf(run("signIn", fetch));
    expect(error).toMatchObject({ code: "rate_limited", status: 429, retryAfterMs: 3000 });
  });

  it("turns Auth0's password rules into reasons, skipping the ones met", async () => {
    const { fetch } = respondWith(() =>
      json(
        {
          name: "PasswordStrengthError",
          code: "invalid_password",
          description: {
            rules: [
              { message: "At least %d characters in length", format: [10], verified: false },
              { message: "Lower case letters (a-z)", verified: true },
            ],
          },
        },
        400,
      ),
    );
    const error = await rejectionOf(run("signUp", fetch));
    expect(error.reasons).toEqual(["At least 10 characters in length"]);
  });
});

describe("oauth2 requests and replies", () => {
  it("signs in with an RFC 6749 §4.3 form and names the user from the ID token", async () => {
    const idToken = jwt({ sub: "u1", email: "a@example.com" });
    const { calls, fetch } = respondWith(() =>
      json({
        access_token: "at-1",
        token_type: "Bearer",
        expires_in: 300,
        refresh_token: "rt-1",
        id_token: idToken,
      }),
    );
    const adapter = make(fetch, { clientSecret: "s3", scope: "openid email", audience: "api" });
    const result = await adapter.signIn({ email: "a@example.com", password: "pw-secret-1" });
    expect(calls[0]?.url).toBe(TOKEN_URL);
    expect(formOf(calls[0])).toEqual({
      grant_type: "password",
      username: "a@example.com",
      password: "pw-secret-1",
      client_id: "spa",
      client_secret: "s3",
      scope: "openid email",
      audience: "api",
    });
    expect(result).toMatchObject({
      accessToken: "at-1",
      refreshToken: "rt-1",
      expiresAt: NOW + 300_000,
      tokenType: "Bearer",
      user: { id: "u1", email: "a@example.com" },
    });
  });

  it("falls back to a JWT access token's claims, then to the email signed in with", async () => {
    const claims = respondWith(() =>
      json({ access_token: jwt({ sub: "u2", exp: NOW / 1000 + 60 }), token_type: "Bearer" }),
    );
    const fromJwt = await make(claims.fetch).signIn({ email: "b@example.com", password: "pw" });
    expect(fromJwt.user).toEqual({ id: "u2", email: "b@example.com" });
    expect(fromJwt.expiresAt).toBe(NOW + 60_000);
    const opaque = respondWith(() => json({ access_token: "opaque", token_type: "Bearer" }));
    const fromEmail = await make(opaque.fetch).signIn({ email: "b@example.com", password: "pw" });
    expect(fromEmail.user).toEqual({ id: "b@example.com", email: "b@example.com" });
  });

  it("refreshes with §6; keeps the old refresh token when none comes back", async () => {
    const { calls, fetch } = respondWith(
      () => json({ access_token: "at-2", token_type: "Bearer", refresh_token: "rt-2" }),
      () => json({ access_token: "at-3", token_type: "Bearer" }),
    );
    const adapter = make(fetch);
    const rotated = await adapter.refresh("rt-1");
    expect(formOf(calls[0])).toEqual({
      grant_type: "refresh_token",
      refresh_token: "rt-1",
      client_id: "spa",
    });
    expect(rotated.refreshToken).toBe("rt-2");
    const kept = await adapter.refresh("rt-2");
    expect(kept.refreshToken).toBe("rt-2");
    // An opaque reply names nobody: the engine keeps the user it had.
    expect(kept.user.id).toBe("");
  });

  it("signs up Auth0-style, then signs in", async () => {
    const { calls, fetch } = respondWith(
      () => json({ _id: "u3", email: "c@example.com", email_verified: false }),
      () => json({ access_token: "at-1", token_type: "Bearer", id_token: jwt({ sub: "u3" }) }),
    );
    const adapter = make(fetch, { signUpUrl: "https://idp.test/dbconnections/signup" });
    const result = await adapter.signUp({
      email: "c@example.com",
      password: "pw-secret-1",
      name: "C",
      team: "blue",
      age: 3,
    });
    expect(calls[0]?.url).toBe("https://idp.test/dbconnections/signup");
    expect(JSON.parse(String(calls[0]?.init?.body))).toEqual({
      client_id: "spa",
      email: "c@example.com",
      password: "pw-secret-1",
      connection: "Username-Password-Authentication",
      name: "C",
      user_metadata: { team: "blue" },
    });
    expect(formOf(calls[1]).grant_type).toBe("password");
    expect(result).toMatchObject({ kind: "session", session: { user: { id: "u3" } } });
  });

  it("revokes per RFC 7009 on sign-out, the access token when there is no refresh token", async () => {
    const { calls, fetch } = respondWith(() => new Response(null, { status: 200 }));
    const adapter = make(fetch, { revokeUrl: "https://idp.test/oauth/revoke" });
    await adapter.signOut(session);
    expect(calls[0]?.url).toBe("https://idp.test/oauth/revoke");
    expect(formOf(calls[0])).toEqual({
      token: "rt-1",
      token_type_hint: "refresh_token",
      client_id: "spa",
    });
    const { refreshToken: _dropped, ...accessOnly } = session;
    await adapter.signOut(accessOnly);
    expect(formOf(calls[1])).toMatchObject({ token: "at-1", token_type_hint: "access_token" });
  });

  it("without sign-up or revoke URLs: not_supported, and sign-out sends nothing", async () => {
    const { calls, fetch } = respondWith(() => json({}));
    const adapter = make(fetch);
    expect(adapter.capabilities).toMatchObject({ signUp: false, refresh: true, revoke: false });
    const error = await rejectionOf(adapter.signUp({ email: "d@example.com", password: "pw" }));
    expect(error.code).toBe("not_supported");
    await adapter.signOut(session);
    expect(calls).toHaveLength(0);
  });

  it("refuses bad configuration at construction", () => {
    const { fetch } = respondWith(() => json({}));
    for (const bad of [
      { tokenUrl: "not a url", clientId: "spa" },
      { tokenUrl: TOKEN_URL, clientId: "" },
      { tokenUrl: TOKEN_URL, clientId: "spa", revokeUrl: "nope" },
    ]) {
      expect(() => oauth2({ ...bad, fetch })).toThrowError(
        expect.objectContaining({ code: "invalid_config" }),
      );
    }
  });
});
