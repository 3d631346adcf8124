import { AuthError } from "../core/AuthError.js";
import type { AuthAdapter, SignUpResult } from "../core/adapter.js";
import { type Clock, type FetchLike, systemClock } from "../core/ports.js";
import type { Session } from "../core/types.js";
import { checkOptions, cleanUrl, oneOf, optional, text, url } from "./configCheck.js";
import { defineAdapter } from "./defineAdapter.js";
import type { HttpRequest } from "./http.js";
import { readPath, readTokens, userFromRecord } from "./shared.js";
import { mapSupabaseError } from "./supabaseErrors.js";

export { SUPABASE_ERROR_CODES } from "./supabaseErrors.js";

/** Options for {@link supabase}. */
export interface SupabaseOptions {
  /** The project URL, e.g. `https://abcdefghijklmnopqrst.supabase.co`. */
  url: string;
  /** The project's anon (or publishable) key, sent as the `apikey` header. */
  anonKey: string;
  /** Which sessions sign-out ends: this one (`local`, default), all, or all others. */
  signOutScope?: "local" | "global" | "others";
  fetch?: FetchLike;
  timeoutMs?: number;
  clock?: Clock;
}

/** The check of {@link SupabaseOptions}, run by `supabase()` and `createAdapter` alike. */
export const supabaseConfig = {
  url,
  anonKey: text,
  signOutScope: optional(oneOf(["local", "global", "others"])),
};

/** An adapter for Supabase Auth (GoTrue) over plain `fetch`: email + password, refresh, logout. */
export function supabase(options: SupabaseOptions): AuthAdapter {
  const config = checkOptions(supabaseConfig, options, "supabase");
  const base = `${cleanUrl(config.url)
    .replace(/\/+$/, "")
    .replace(/\/auth\/v1$/, "")}/auth/v1`;
  const clock = options.clock ?? systemClock;

  // Every GoTrue call: under /auth/v1, with the project key and the API version it answers to.
  const request = (path: string, req: Omit<HttpRequest, "url"> = {}): HttpRequest => ({
    ...req,
    url: `${base}${path}`,
    headers: { apikey: config.anonKey, "x-supabase-api-version": "2024-01-01", ...req.headers },
  });
  const bearer = (token: string) => ({ authorization: `Bearer ${token}` });

  const toSession = (body: unknown): Session => {
    const tokens = readTokens(
      "supabase",
      {
        accessToken: readPath(body, "access_token"),
        refreshToken: readPath(body, "refresh_token"),
        expiresIn: readPath(body, "expires_in"),
        expiresAt: readPath(body, "expires_at"),
        tokenType: readPath(body, "token_type"),
      },
      clock.now(),
      { required: true },
    );
    const { accessToken } = tokens;
    const user = userFromRecord(readPath(body, "user"), { provider: "supabase", accessToken });
    return { ...tokens, user, provider: "supabase" };
  };

  return defineAdapter({
    name: "supabase",
    transport: options,
    errors: mapSupabaseError,
    signUp: {
      request: ({ email, password, ...extra }) =>
        request("/signup", {
          json:
            Object.keys(extra).length > 0 ? { email, password, data: extra } : { email, password },
        }),
      reply(body, { email }): SignUpResult {
        if (readPath(body, "access_token") !== undefined)
          return { kind: "session", session: toSession(body) };
        // With email confirmation on, GoTrue answers with the user alone and no session.
        const user = readPath(body, "id") === undefined ? readPath(body, "user") : body;
        // A reply with neither a session nor a user is not a confirmation: nothing says an
        // account (or an email) was made.
        if (typeof user !== "object" || user === null) {
          throw new AuthError("invalid_response", { provider: "supabase" });
        }
        return {
          kind: "confirmation_required",
          user: userFromRecord(user, { provider: "supabase", email }),
        };
      },
    },
    signIn: {
      request: ({ email, password }) =>
        request("/token?grant_type=password", { json: { email, password } }),
      reply: toSession,
    },
    refresh: {
      request: (token) =>
        request("/token?grant_type=refresh_token", { json: { refresh_token: token } }),
      reply: toSession,
    },
    signOut: {
      request: (session) =>
        request(`/logout?scope=${config.signOutScope ?? "local"}`, {
          headers: bearer(session.accessToken),
          allowEmpty: true,
        }),
      reply: () => {},
      // A session the server no longer knows is already signed out.
      done: ["session_expired"],
    },
    getUser: {
      request: (accessToken) => request("/user", { method: "GET", headers: bearer(accessToken) }),
      reply: (body, accessToken) => userFromRecord(body, { provider: "supabase", accessToken }),
    },
  });
}
