// @vitest-environment node
import type { AuthErrorCode } from "../../../src/core/AuthError.js";
import type { FetchLike } from "../../../src/core/ports.js";
import {
  FIREBASE_ERROR_CODES,
  firebase,
  firebaseErrorCode,
} from "../../../src/providers/firebase.js";
import { rejectionOf } from "../../support/rejectionOf.js";

const NOW = Date.UTC(2030, 0, 1);
const clock = { now: () => NOW };

interface Call {
  url: string;
  init: RequestInit | undefined;
}

function respondWith(make: () => Response) {
  const calls: Call[] = [];
  const fetch: FetchLike = async (url, init) => {
    calls.push({ url, init });
    return make();
  };
  return { calls, fetch };
}

const json = (body: unknown, status = 200, headers: Record<string, string> = {}) =>
  new Response(JSON.stringify(body), {
    status,
    headers: { "content-type": "application/json; charset=UTF-8", ...headers },
  });

// The shape Identity Toolkit and Secure Token send for every refusal.
const googleError = (message: string, status = 400) =>
  json({ error: { code: status, message, errors: [{ message, reason: "invalid" }] } }, status);

// A real unsigned emulator-style ID token for user "uid-1" (a@example.com).
const idToken = [
  "eyJhbGciOiJub25lIiwidHlwIjoiSldUIn0",
  Buffer.from(
    JSON.stringify({ sub: "uid-1", user_id: "uid-1", email: "a@example.com", exp: 1 }),
  ).toString("base64url"),
  "",
].join(".");

type Operation = "signUp" | "signIn" | "refresh" | "getUser";

function run(operation: Operation, fetch: FetchLike) {
  const adapter = firebase({ apiKey: "web-key", fetch, clock });
  const credentials = { email: "a@example.com", password: "pw-secret-1" };
  switch (operation) {
    case "signUp":
      return adapter.signUp(credentials);
    case "signIn":
      return adapter.signIn(credentials);
    case "refresh":
      return adapter.refresh("refresh-1");
    case "getUser":
      return adapter.getUser?.(idToken) ?? Promise.resolve();
  }
}

describe("firebase error table", () => {
  const rows: [Operation, string, AuthErrorCode][] = [
    ["signUp", "EMAIL_EXISTS", "email_taken"],
    ["signUp", "WEAK_PASSWORD : Password should be at least 6 characters", "weak_password"],
    ["signUp", "INVALID_EMAIL", "invalid_email"],
    ["signUp", "MISSING_EMAIL", "invalid_email"],
    ["signUp", "OPERATION_NOT_ALLOWED : Password sign-in is disabled", "invalid_config"],
    ["signIn", "MISSING_PASSWORD", "invalid_credentials"],
    ["signIn", "INVALID_PASSWORD", "invalid_credentials"],
    ["signIn", "EMAIL_NOT_FOUND", "invalid_credentials"],
    ["signIn", "INVALID_LOGIN_CREDENTIALS", "invalid_credentials"],
    ["signIn", "USER_DISABLED : The user account has been disabled", "user_disabled"],
    ["signIn", "TOO_MANY_ATTEMPTS_TRY_LATER : Access disabled", "rate_limited"],
    ["signIn", "INVALID_API_KEY", "invalid_config"],
    ["refresh", "INVALID_REFRESH_TOKEN", "session_expired"],
    ["refresh", "MISSING_REFRESH_TOKEN", "session_expired"],
    ["refresh", "TOKEN_EXPIRED", "session_expired"],
    ["refresh", "USER_NOT_FOUND", "session_expired"],
    ["refresh", "USER_DISABLED", "user_disabled"],
    ["refresh", "SOMETHING_NEW", "session_expired"],
    ["getUser", "TOKEN_EXPIRED", "session_expired"],
    ["getUser", "INVALID_ID_TOKEN", "session_expired"],
    ["signIn", "SOMETHING_NEW", "provider_error"],
  ];

  it.each(rows)("%s: %s → %s", async (operation, message, code) => {
    const { fetch } = respondWith(() => googleError(message));
    const error = await rejectionOf(run(operation, fetch));
    expect(error).toMatchObject({ code, status: 400, provider: "firebase" });
    expect(error.message).not.toContain(message.split(" : ")[0]);
  });

  it("keeps Firebase's own weak-password wording as the reason", async () => {
    const { fetch } = respondWith(() =>
      googleError("WEAK_PASSWORD : Password should be at least 6 characters"),
    );
    const error = await rejectionOf(run("signUp", fetch));
    expect(error.reasons).toEqual(["Password should be at least 6 characters"]);
  });

  it("reads a gateway API_KEY_INVALID reason as invalid_config", async () => {
    const { fetch } = respondWith(() =>
      json(
        {
          error: {
            code: 400,
            message: "API key not valid. Please pass a valid API key.",
            status: "INVALID_ARGUMENT",
            details: [{ reason: "API_KEY_INVALID" }],
          },
        },
        400,
      ),
    );
    expect((await rejectionOf(run("signIn", fetch))).code).toBe("invalid_config");
  });

  it("leaves a real 429 to the shared mapping, keeping Retry-After", async () => {
    const { fetch } = respondWith(() =>
      json({ error: { code: 429, message: "QUOTA_EXCEEDED" } }, 429, { "retry-after": "7" }),
    );
    const error = await rejectionOf(run("signIn", fetch));
    expect(error).toMatchObject({ code: "rate_limited", status: 429, retryAfterMs: 7000 });
  });

  it("covers every code the table names", () => {
    for (const name of Object.keys(FIREBASE_ERROR_CODES)) {
      expect(firebaseErrorCode({ error: { message: `${name} : detail` } })).toBe(name);
    }
    expect(firebaseErrorCode({ error: {} })).toBeUndefined();
    expect(firebaseErrorCode("<html>")).toBeUndefined();
  });
});

describe("firebase requests and replies", () => {
  it("signs in against production with the key as a query parameter", async () => {
    const { calls, fetch } = respondWith(() =>
      json({
        localId: "uid-1",
        email: "a@example.com",
        idToken,
        refreshToken: "r1",
        expiresIn: "3600",
      }),
    );
    const session = await firebase({ apiKey: "web key", fetch, clock }).signIn({
      email: "a@example.com",
      password: "pw-secret-1",
    });
    expect(calls[0]?.url).toBe(
      "https://identitytoolkit.googleapis.com/v1/accounts:signInWithPassword?key=web%20key",
    );
    expect(JSON.parse(String(calls[0]?.init?.body))).toEqual({
      email: "a@example.com",
      password: "pw-secret-1",
      returnSecureToken: true,
    });
    expect(session).toMatchObject({
      accessToken: idToken,
      refreshToken: "r1",
      expiresAt: NOW + 3_600_000,
      tokenType: "bearer",
      user: { id: "uid-1", email: "a@example.com" },
    });
  });

  it("refreshes against the emulator with a form body and reads the snake_case reply", async () => {
    const { calls, fetch } = respondWith(() =>
      json({
        id_token: idToken,
        access_token: idToken,
        refresh_token: "r1",
        expires_in: "3600",
        user_id: "uid-1",
        token_type: "Bearer",
      }),
    );
    const adapter = firebase({ apiKey: "k", emulatorHost: "127.0.0.1:9099", fetch, clock });
    const session = await adapter.refresh("r1");
    expect(calls[0]?.url).toBe("http://127.0.0.1:9099/securetoken.googleapis.com/v1/token?key=k");
    expect(String(calls[0]?.init?.body)).toBe("grant_type=refresh_token&refresh_token=r1");
    expect(session).toMatchObject({
      refreshToken: "r1",
      expiresAt: NOW + 3_600_000,
      user: { id: "uid-1", email: "a@example.com" },
    });
  });

  it("rejects a reply without an ID token as invalid_response", async () => {
    const { fetch } = respondWith(() => json({ localId: "uid-1", refreshToken: "r1" }));
    expect((await rejectionOf(run("signIn", fetch))).code).toBe("invalid_response");
  });

  it("rejects an empty lookup as session_expired and drops credential fields", async () => {
    const empty = respondWith(() => json({ kind: "identitytoolkit#GetAccountInfoResponse" }));
    expect((await rejectionOf(run("getUser", empty.fetch))).code).toBe("session_expired");
    const found = respondWith(() =>
      json({ users: [{ localId: "uid-1", email: "a@example.com", passwordHash: "h" }] }),
    );
    const user = await run("getUser", found.fetch);
    expect(user).toMatchObject({ id: "uid-1", email: "a@example.com" });
    expect(user).not.toHaveProperty("passwordHash");
  });

  it("refuses bad configuration at construction and never calls fetch", () => {
    const { calls, fetch } = respondWith(() => json({}));
    expect(() => firebase({ apiKey: " ", fetch })).toThrowError(
      expect.objectContaining({ code: "invalid_config" }),
    );
    expect(() => firebase({ apiKey: "k", emulatorHost: "http://x", fetch })).toThrowError(
      expect.objectContaining({ code: "invalid_config" }),
    );
    expect(calls).toHaveLength(0);
  });

  it("signs out without a request: Firebase has no client-side revoke", async () => {
    const { calls, fetch } = respondWith(() => json({}));
    const adapter = firebase({ apiKey: "k", fetch });
    await adapter.signOut({
      accessToken: idToken,
      tokenType: "bearer",
      user: { id: "uid-1" },
      provider: "firebase",
    });
    expect(adapter.capabilities).toMatchObject({ signUp: true, refresh: true, revoke: false });
    expect(calls).toHaveLength(0);
  });
});
