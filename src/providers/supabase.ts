import { AuthError } from "../core/AuthError.js";
import type { AuthAdapter, RequestOptions, SignUpResult } from "../core/adapter.js";
import { type Clock, type FetchLike, systemClock } from "../core/ports.js";
import type { Session } from "../core/types.js";
import { checkOptions, cleanUrl, oneOf, optional, text, url } from "./configCheck.js";
import { createCaller, type HttpRequest } from "./http.js";
import { passwordCapabilities, readPath, readTokens, userFromRecord } from "./shared.js";
import { mapSupabaseError, type SupabaseOperation as Operation } from "./supabaseErrors.js";

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

  const send = createCaller<Operation>("supabase", options, mapSupabaseError);
  const call = (operation: Operation, req: HttpRequest, signal?: AbortSignal) =>
    send(
      operation,
      {
        ...req,
        url: `${base}${req.url}`,
        headers: {
          apikey: config.anonKey,
          "x-supabase-api-version": "2024-01-01",
          ...req.headers,
        },
      },
      signal,
    );

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

  const bearer = (token: string) => ({ authorization: `Bearer ${token}` });

  return {
    name: "supabase",
    capabilities: passwordCapabilities(true, true, true),

    async signUp({ email, password, ...extra }, opts?: RequestOptions): Promise<SignUpResult> {
      const json =
        Object.keys(extra).length > 0 ? { email, password, data: extra } : { email, password };
      const body = await call("signUp", { url: "/signup", json }, opts?.signal);
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

    async signIn({ email, password }, opts) {
      const req = { url: "/token?grant_type=password", json: { email, password } };
      return toSession(await call("signIn", req, opts?.signal));
    },

    async refresh(refreshToken, opts) {
      const req = { url: "/token?grant_type=refresh_token", json: { refresh_token: refreshToken } };
      return toSession(await call("refresh", req, opts?.signal));
    },

    async signOut(session, opts) {
      const scope = config.signOutScope ?? "local";
      const req = {
        url: `/logout?scope=${scope}`,
        headers: bearer(session.accessToken),
        allowEmpty: true,
      };
      try {
        await call("signOut", req, opts?.signal);
      } catch (error) {
        // A session the server no longer knows is already signed out.
        if (error instanceof AuthError && error.code === "session_expired") return;
        throw error;
      }
    },

    async getUser(accessToken, opts) {
      const req = { url: "/user", method: "GET", headers: bearer(accessToken) };
      const body = await call("getUser", req, opts?.signal);
      return userFromRecord(body, { provider: "supabase", accessToken });
    },
  };
}
