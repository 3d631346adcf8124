// The OAuth 2.0 adapter against a real oidc-provider (password grant added, rotation on,
// revocation on) and its Auth0-style sign-up endpoint, started by globalSetup.
import { randomUUID } from "node:crypto";
import { describe, expect, inject, it } from "vitest";
import { decodeJwt } from "../../src/core/jwt.js";
import { oauth2 } from "../../src/providers/oauth2.js";
import { rejectionOf } from "../support/rejectionOf.js";

const server = inject("servers").oidc;
const adapter = oauth2({
  tokenUrl: server.tokenUrl,
  clientId: server.clientId,
  revokeUrl: server.revokeUrl,
  signUpUrl: server.signUpUrl,
  connection: server.connection,
  scope: "openid email offline_access",
});
const password = "correct-horse-1";
const newEmail = () => `oidc-${randomUUID()}@example.com`;

async function signedUp() {
  const email = newEmail();
  const result = await adapter.signUp({ email, password });
  if (result.kind !== "session") return expect.unreachable("sign-up gave no session");
  return { email, session: result.session };
}

describe("oauth2 adapter against oidc-provider", () => {
  it("signs up through dbconnections/signup, then holds a session for that user", async () => {
    const before = Date.now();
    const { email, session } = await signedUp();
    expect(session.provider).toBe("oauth2");
    expect(session.user.email).toBe(email);
    expect(session.user.id).not.toBe("");
    expect(session.refreshToken).toEqual(expect.any(String));
    expect(session.tokenType.toLowerCase()).toBe("bearer");
    expect(session.expiresAt).toBeGreaterThanOrEqual(before + 3_600_000 - 1000);
  });

  it("signs in with the password grant; the user comes from the ID token", async () => {
    const { email, session: first } = await signedUp();
    const session = await adapter.signIn({ email, password });
    expect(session.user).toMatchObject({ id: first.user.id, email });
    expect(session.accessToken).not.toBe(first.accessToken);
  });

  it("rejects a wrong password and an unknown user as invalid_credentials", async () => {
    const { email } = await signedUp();
    const wrong = await rejectionOf(adapter.signIn({ email, password: "not-the-password" }));
    expect(wrong).toMatchObject({ code: "invalid_credentials", status: 400, provider: "oauth2" });
    const unknown = await rejectionOf(adapter.signIn({ email: newEmail(), password }));
    expect(unknown.code).toBe("invalid_credentials");
  });

  it("maps sign-up refusals: taken email, weak password with the server's rule", async () => {
    const { email } = await signedUp();
    expect((await rejectionOf(adapter.signUp({ email, password }))).code).toBe("email_taken");
    const weak = await rejectionOf(adapter.signUp({ email: newEmail(), password: "short" }));
    expect(weak.code).toBe("weak_password");
    expect(weak.reasons).toEqual(["At least 8 characters in length"]);
  });

  it("refreshes with rotation: a new refresh token each time, the user kept", async () => {
    const { session } = await signedUp();
    const first = await adapter.refresh(session.refreshToken ?? "");
    expect(first.refreshToken).toEqual(expect.any(String));
    expect(first.refreshToken).not.toBe(session.refreshToken);
    expect(first.user).toMatchObject({ id: session.user.id, email: session.user.email });
    expect(decodeJwt(first.accessToken)).toBeUndefined(); // opaque: the ID token named the user
    const second = await adapter.refresh(first.refreshToken ?? "");
    expect(second.refreshToken).not.toBe(first.refreshToken);
  });

  it("rejects a reused refresh token as session_expired, and the server ends that family", async () => {
    const { session } = await signedUp();
    const rotated = await adapter.refresh(session.refreshToken ?? "");
    const reuse = await rejectionOf(adapter.refresh(session.refreshToken ?? ""));
    expect(reuse).toMatchObject({ code: "session_expired", status: 400 });
    // oidc-provider revokes the whole grant on reuse, so the newest token dies too.
    expect((await rejectionOf(adapter.refresh(rotated.refreshToken ?? ""))).code).toBe(
      "session_expired",
    );
  });

  it("signs out by revoking the refresh token (RFC 7009); refresh then fails", async () => {
    const { session } = await signedUp();
    expect(adapter.capabilities.revoke).toBe(true);
    await expect(adapter.signOut(session)).resolves.toBeUndefined();
    const error = await rejectionOf(adapter.refresh(session.refreshToken ?? ""));
    expect(error.code).toBe("session_expired");
  });

  it("reports an unknown client as invalid_config", async () => {
    const { email } = await signedUp();
    const stranger = oauth2({ tokenUrl: server.tokenUrl, clientId: "no-such-client" });
    const error = await rejectionOf(stranger.signIn({ email, password }));
    expect(error).toMatchObject({ code: "invalid_config", status: 401 });
  });

  it("without a sign-up URL, sign-up is not supported and says so", async () => {
    const bare = oauth2({ tokenUrl: server.tokenUrl, clientId: server.clientId });
    expect(bare.capabilities).toMatchObject({ signUp: false, refresh: true, revoke: false });
    const error = await rejectionOf(bare.signUp({ email: newEmail(), password }));
    expect(error.code).toBe("not_supported");
  });

  it("without the openid scope the user is named by the email signed in with", async () => {
    const { email } = await signedUp();
    const noOpenId = oauth2({ tokenUrl: server.tokenUrl, clientId: server.clientId });
    const session = await noOpenId.signIn({ email, password });
    expect(session.user.email).toBe(email);
  });
});
