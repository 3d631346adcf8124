// The Firebase adapter against the real Firebase Auth Emulator started by globalSetup.
import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { createAuthClient } from "../../src/core/createAuthClient.js";
import { decodeJwt } from "../../src/core/jwt.js";
import type { AuthEvent } from "../../src/core/types.js";
import { firebase } from "../../src/providers/firebase.js";
import {
  clearAccounts,
  deleteUser,
  disableUser,
  enableImprovedEmailPrivacy,
  revokeTokens,
} from "../servers/firebaseEmulator.js";
import { rejectionOf } from "../support/rejectionOf.js";

const { emulatorHost } = inject("servers").firebase;
const adapter = firebase({ apiKey: "demo-api-key", emulatorHost });
const password = "correct-horse-1";
const newEmail = () => `fb-${randomUUID()}@example.com`;

async function signedUp() {
  const email = newEmail();
  const result = await adapter.signUp({ email, password });
  if (result.kind !== "session") return expect.unreachable("sign-up gave no session");
  return { email, session: result.session };
}

beforeAll(async () => {
  await clearAccounts();
  // Production projects answer every bad login with INVALID_LOGIN_CREDENTIALS.
  await enableImprovedEmailPrivacy();
});

afterAll(async () => {
  await clearAccounts();
});

describe("firebase adapter against the Auth Emulator", () => {
  it("signs up: a session for the new user, expiring when the emulator says", async () => {
    const before = Date.now();
    const { email, session } = await signedUp();
    expect(session.provider).toBe("firebase");
    expect(session.user.email).toBe(email);
    expect(session.user.id).toBe(decodeJwt(session.accessToken)?.sub);
    expect(session.refreshToken).toEqual(expect.any(String));
    // expiresIn arrives as the string "3600".
    expect(session.expiresAt).toBeGreaterThanOrEqual(before + 3_600_000);
    expect(session.expiresAt).toBeLessThanOrEqual(Date.now() + 3_600_000);
    const user = await adapter.getUser?.(session.accessToken);
    expect(user).toMatchObject({ id: session.user.id, email });
  });

  it("signs in an existing user", async () => {
    const { email, session: first } = await signedUp();
    const session = await adapter.signIn({ email, password });
    expect(session.user).toMatchObject({ id: first.user.id, email });
    expect(session.accessToken).not.toBe("");
  });

  it("rejects a wrong password and an unknown email alike as invalid_credentials", async () => {
    const { email } = await signedUp();
    const wrong = await rejectionOf(adapter.signIn({ email, password: "not-the-password" }));
    expect(wrong).toMatchObject({ code: "invalid_credentials", status: 400, provider: "firebase" });
    const unknown = await rejectionOf(adapter.signIn({ email: newEmail(), password }));
    expect(unknown.code).toBe("invalid_credentials");
  });

  it("maps sign-up refusals: taken email, weak password, malformed email", async () => {
    const { email } = await signedUp();
    expect((await rejectionOf(adapter.signUp({ email, password }))).code).toBe("email_taken");
    const weak = await rejectionOf(adapter.signUp({ email: newEmail(), password: "abc" }));
    expect(weak.code).toBe("weak_password");
    expect(weak.reasons?.[0]).toMatch(/at least 6 characters/i);
    const malformed = await rejectionOf(adapter.signUp({ email: "not-an-email", password }));
    expect(malformed.code).toBe("invalid_email");
  });

  it("refreshes: a new ID token for the same user; the emulator never rotates", async () => {
    const { session } = await signedUp();
    const refreshed = await adapter.refresh(session.refreshToken ?? "");
    expect(refreshed.user.id).toBe(session.user.id);
    expect(refreshed.user.email).toBe(session.user.email);
    expect(decodeJwt(refreshed.accessToken)?.sub).toBe(session.user.id);
    expect(refreshed.expiresAt).toBeGreaterThanOrEqual(session.expiresAt ?? Infinity);
    expect(refreshed.refreshToken).toBe(session.refreshToken);
    const again = await adapter.refresh(session.refreshToken ?? "");
    expect(again.user.id).toBe(session.user.id);
  });

  it("rejects an unknown refresh token as session_expired", async () => {
    const error = await rejectionOf(adapter.refresh("not-a-refresh-token"));
    expect(error).toMatchObject({ code: "session_expired", status: 400 });
  });

  it("rejects refresh and sign-in for a disabled user as user_disabled", async () => {
    const { email, session } = await signedUp();
    await disableUser(session.user.id);
    expect((await rejectionOf(adapter.refresh(session.refreshToken ?? ""))).code).toBe(
      "user_disabled",
    );
    expect((await rejectionOf(adapter.signIn({ email, password }))).code).toBe("user_disabled");
  });

  it("rejects refresh for a deleted user as session_expired", async () => {
    const { session } = await signedUp();
    await deleteUser(session.user.id);
    const error = await rejectionOf(adapter.refresh(session.refreshToken ?? ""));
    expect(error.code).toBe("session_expired");
  });

  it("rejects an ID token issued before the user's tokens were revoked", async () => {
    const { session } = await signedUp();
    // validSince has one-second resolution: revoke in a later second than the token's iat.
    const iat = decodeJwt(session.accessToken)?.iat as number;
    while (Math.floor(Date.now() / 1000) <= iat) await new Promise((r) => setTimeout(r, 100));
    await revokeTokens(session.user.id);
    const error = await rejectionOf(adapter.getUser?.(session.accessToken) ?? Promise.resolve());
    expect(error.code).toBe("session_expired");
  });

  it("signs out locally: Firebase has no client-side revoke", async () => {
    const { session } = await signedUp();
    expect(adapter.capabilities.revoke).toBe(false);
    await expect(adapter.signOut(session)).resolves.toBeUndefined();
  });

  it("drives the session engine: sign in, then refresh", async () => {
    const { email, session: first } = await signedUp();
    const client = createAuthClient({ adapter, storage: "memory", crossTab: false });
    const events: AuthEvent["type"][] = [];
    client.onEvent((event) => events.push(event.type));
    const stop = client.start();
    try {
      await client.signIn({ email, password });
      expect(client.getState()).toMatchObject({ status: "signed_in", error: null });
      const refreshed = await client.refresh();
      expect(refreshed?.user).toMatchObject({ id: first.user.id, email });
      expect(refreshed?.refreshToken).toBe(first.refreshToken);
      expect(events).toEqual(expect.arrayContaining(["signed_in", "token_refreshed"]));
      expect(client.getState().status).toBe("signed_in");
    } finally {
      stop();
    }
  });
});
