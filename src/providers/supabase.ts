import { AuthError } from "../core/AuthError.js";
import type { AuthAdapter, RequestOptions, SignUpResult } from "../core/adapter.js";
import { type Clock, type FetchLike, systemClock } from "../core/ports.js";
import type { Session } from "../core/types.js";
import { createHttpClient, type HttpRequest } from "./http.js";
import { expiresAtFrom, readPath, requireString, userFromRecord } from "./shared.js";
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

function requireOptions(options: SupabaseOptions): void {
  for (const field of ["url", "anonKey"] as const) {
    if (typeof options?.[field] !== "string" || options[field].trim() === "") {
      throw new AuthError("invalid_config", {
        provider: "supabase",
        message: `Invalid supabase configuration: "${field}" must be a non-empty string.`,
      });
    }
  }
}

/** An adapter for Supabase Auth (GoTrue) over plain `fetch`: email + password, refresh, logout. */
export function supabase(options: SupabaseOptions): AuthAdapter {
  requireOptions(options);
  const base = `${options.url
    .trim()
    .replace(/\/+$/, "")
    .replace(/\/auth\/v1$/, "")}/auth/v1`;
  const clock = options.clock ?? systemClock;

  const call = (operation: Operation, req: HttpRequest, signal?: AbortSignal) =>
    createHttpClient({
      provider: "supabase",
      clock,
      ...(options.fetch ? { fetch: options.fetch } : {}),
      ...(options.timeoutMs === undefined ? {} : { timeoutMs: options.timeoutMs }),
      mapError: (status, body, response) =>
        mapSupabaseError(operation, status, body, response, clock),
    }).request({
      ...req,
      url: `${base}${req.url}`,
      headers: {
        apikey: options.anonKey,
        "x-supabase-api-version": "2024-01-01",
        ...req.headers,
      },
      ...(signal ? { signal } : {}),
    });

  const toSession = (body: unknown): Session => {
    const accessToken = requireString(readPath(body, "access_token"), "access_token", "supabase");
    const refreshToken = requireString(
      readPath(body, "refresh_token"),
      "refresh_token",
      "supabase",
    );
    const expiresAt = expiresAtFrom({
      expiresIn: readPath(body, "expires_in"),
      expiresAt: readPath(body, "expires_at"),
      accessToken,
      now: clock.now(),
    });
    const tokenType = readPath(body, "token_type");
    return {
      accessToken,
      refreshToken,
      ...(expiresAt === undefined ? {} : { expiresAt }),
      tokenType: typeof tokenType === "string" ? tokenType : "bearer",
      user: userFromRecord(readPath(body, "user"), { provider: "supabase", accessToken }),
      provider: "supabase",
    };
  };

  const bearer = (token: string) => ({ authorization: `Bearer ${token}` });

  return {
    name: "supabase",
    capabilities: { signUp: true, refresh: true, revoke: true },

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
      const scope = options.signOutScope ?? "local";
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
