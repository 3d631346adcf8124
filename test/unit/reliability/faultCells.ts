// The fault matrix as data: every adapter × every fault × every action, and what each cell
// must produce. faultMatrix.test.tsx runs it.
import type { AuthErrorCode } from "../../../src/core/AuthError.js";
import type { AuthAdapter } from "../../../src/core/adapter.js";
import type { FetchLike } from "../../../src/core/ports.js";
import { demo } from "../../../src/providers/demo.js";
import { firebase } from "../../../src/providers/firebase.js";
import { oauth2 } from "../../../src/providers/oauth2.js";
import { rest } from "../../../src/providers/rest.js";
import { supabase } from "../../../src/providers/supabase.js";
import { xano } from "../../../src/providers/xano.js";
import { BODY_MARKER, hangingFetch } from "../../fakes/faults.js";
import { makeJwt } from "./guards.js";

export const ADAPTER_NAMES = ["supabase", "firebase", "xano", "oauth2", "rest", "demo"] as const;
export type AdapterName = (typeof ADAPTER_NAMES)[number];

export const FAULT_IDS = [
  "network down",
  "timeout",
  "5xx HTML",
  "empty body",
  "invalid JSON",
  "missing fields",
  "429 with Retry-After",
  "revoked or reused refresh token",
  "expired access token",
] as const;
export type FaultId = (typeof FAULT_IDS)[number];

export type Action = "sign-up" | "sign-in" | "refresh" | "sign-out";

/** What a cell must produce. */
export type Outcome =
  | { kind: "error"; code: AuthErrorCode; status?: number; retryAfterMs?: number }
  | { kind: "confirmation"; reason: string }
  | { kind: "not_applicable"; reason: string };

const json = (body: unknown, status = 200, headers: Record<string, string> = {}) =>
  new Response(JSON.stringify(body), {
    status,
    headers: { "content-type": "application/json", ...headers },
  });

/** A fresh access token for refresh replies: a JWT naming user u1, valid for an hour. */
export const NEW_ACCESS = makeJwt({ sub: "u1", email: "ada@example.com", exp: 4_102_444_800 });
export const NEW_REFRESH = "rt-new-after-refresh";

// What each provider says when the refresh token was revoked or already used.
const REVOKED: Record<string, () => Response> = {
  supabase: () => json({ code: "refresh_token_already_used", message: BODY_MARKER }, 400),
  firebase: () => json({ error: { code: 400, message: "INVALID_REFRESH_TOKEN" } }, 400),
  oauth2: () => json({ error: "invalid_grant", error_description: BODY_MARKER }, 400),
  rest: () => json({ message: BODY_MARKER }, 401),
};

// A good refresh reply (used with an expired access token), and the reply to an expired
// access token on sign-out.
const REFRESHED: Record<string, () => Response> = {
  supabase: () =>
    json({
      access_token: NEW_ACCESS,
      refresh_token: NEW_REFRESH,
      expires_in: 3600,
      token_type: "bearer",
      user: { id: "u1", email: "ada@example.com" },
    }),
  firebase: () =>
    json({ id_token: NEW_ACCESS, refresh_token: NEW_REFRESH, expires_in: "3600", user_id: "u1" }),
  oauth2: () => json({ access_token: NEW_ACCESS, refresh_token: NEW_REFRESH, expires_in: 3600 }),
  rest: () => json({ access_token: NEW_ACCESS, refresh_token: NEW_REFRESH }),
};
const EXPIRED_ON_SIGN_OUT: Record<string, () => Response> = {
  supabase: () => json({ code: "bad_jwt", message: BODY_MARKER }, 403),
  oauth2: () => json({ error: "invalid_token", error_description: BODY_MARKER }, 401),
  rest: () => json({ message: BODY_MARKER }, 401),
};

/** The fetch that produces `fault` for `adapter` (a fresh Response per call). */
export function faultFetch(fault: FaultId, adapter: AdapterName, action: Action): FetchLike {
  switch (fault) {
    case "network down":
      return async () => {
        throw new TypeError(`Failed to fetch ${BODY_MARKER}`);
      };
    case "timeout":
      return hangingFetch;
    case "5xx HTML":
      return async () =>
        new Response(`<html><body>${BODY_MARKER}</body></html>`, {
          status: 500,
          headers: { "content-type": "text/html" },
        });
    case "empty body":
      return async () => new Response("", { status: 200 });
    case "invalid JSON":
      return async () =>
        new Response(`{"access_token": "${BODY_MARKER}`, {
          status: 200,
          headers: { "content-type": "application/json" },
        });
    case "missing fields":
      return async () => json({ note: BODY_MARKER });
    case "429 with Retry-After":
      return async () => json({ message: BODY_MARKER }, 429, { "retry-after": "7" });
    case "revoked or reused refresh token":
      return async () => (REVOKED[adapter] ?? (() => json({}, 401)))();
    case "expired access token": {
      const table = action === "refresh" ? REFRESHED : EXPIRED_ON_SIGN_OUT;
      return async () => (table[adapter] ?? (() => json({}, 401)))();
    }
  }
}

/** Builds `name` with every action it can have, over `fetch`. */
export function buildAdapter(name: AdapterName, fetch: FetchLike): AuthAdapter {
  const timeoutMs = 25;
  switch (name) {
    case "supabase":
      return supabase({ url: "https://p.supabase.co", anonKey: "anon", fetch, timeoutMs });
    case "firebase":
      return firebase({ apiKey: "web-key", fetch, timeoutMs });
    case "xano":
      return xano({ baseUrl: "https://x.xano.io/api:abc", fetch, timeoutMs });
    case "oauth2":
      return oauth2({
        tokenUrl: "https://idp.test/oauth/token",
        revokeUrl: "https://idp.test/oauth/revoke",
        signUpUrl: "https://idp.test/dbconnections/signup",
        clientId: "spa",
        fetch,
        timeoutMs,
      });
    case "rest":
      return rest({
        baseUrl: "https://api.test",
        endpoints: {
          signUp: { path: "/signup" },
          signIn: { path: "/login" },
          refresh: { path: "/refresh" },
          signOut: { path: "/logout" },
        },
        fetch,
        timeoutMs,
      });
    case "demo":
      return demo({ latencyMs: 0 });
  }
}

// The transport faults and the code each one must become, wherever it applies.
const TRANSPORT: Partial<Record<FaultId, Outcome>> = {
  "network down": { kind: "error", code: "network" },
  timeout: { kind: "error", code: "timeout" },
  "5xx HTML": { kind: "error", code: "provider_error", status: 500 },
  "empty body": { kind: "error", code: "invalid_response" },
  "invalid JSON": { kind: "error", code: "invalid_response" },
  "missing fields": { kind: "error", code: "invalid_response" },
  "429 with Retry-After": { kind: "error", code: "rate_limited", status: 429, retryAfterMs: 7000 },
};

/** The demo adapter has no HTTP: its magic emails stand for the faults it can show. */
export const DEMO_MAGIC: Partial<Record<FaultId, string>> = {
  "network down": "ada+network@example.com",
  timeout: "ada+timeout@example.com",
  "5xx HTML": "ada+servererror@example.com",
  "429 with Retry-After": "ada+ratelimit@example.com",
};

const DEMO_NA = "the demo adapter makes no HTTP request, so it has no reply to break";

/** What a sign-up or sign-in cell must show. */
export function formOutcome(adapter: AdapterName, fault: FaultId, action: Action): Outcome {
  if (
    adapter === "rest" &&
    action === "sign-up" &&
    (fault === "empty body" || fault === "missing fields")
  ) {
    return {
      kind: "confirmation",
      reason:
        "by design a tokenless sign-up reply means 'confirm your email' (signUpThen: confirm)",
    };
  }
  if (fault === "revoked or reused refresh token" || fault === "expired access token") {
    return { kind: "not_applicable", reason: "signing in or up sends no token to be refused" };
  }
  if (adapter === "demo") {
    if (DEMO_MAGIC[fault] === undefined) return { kind: "not_applicable", reason: DEMO_NA };
    // The demo reports a 429 with its own fixed wait.
    if (fault === "429 with Retry-After")
      return { kind: "error", code: "rate_limited", status: 429, retryAfterMs: 30_000 };
  }
  return TRANSPORT[fault] as Outcome;
}

/** What a refresh cell must do: `kept` the session (transient), `ended` it, or `refreshed`. */
export type RefreshOutcome =
  | { kind: "kept"; code: AuthErrorCode }
  | { kind: "ended"; code: AuthErrorCode; reason: "revoked" | "expired" }
  | { kind: "refreshed" }
  | { kind: "not_supported" }
  | { kind: "not_applicable"; reason: string };

export function refreshOutcome(adapter: AdapterName, fault: FaultId): RefreshOutcome {
  if (adapter === "xano") return { kind: "not_supported" };
  if (fault === "expired access token") return { kind: "refreshed" };
  if (fault === "revoked or reused refresh token")
    return { kind: "ended", code: "session_expired", reason: "revoked" };
  if (adapter === "demo") return { kind: "not_applicable", reason: DEMO_NA };
  // The server never refused the token: keep the session and retry while the access token lives.
  return { kind: "kept", code: (TRANSPORT[fault] as { code: AuthErrorCode }).code };
}

/** How many requests a sign-out makes: none where the provider has nothing to revoke. */
export function signOutRequests(adapter: AdapterName): number {
  return adapter === "firebase" || adapter === "xano" || adapter === "demo" ? 0 : 1;
}
