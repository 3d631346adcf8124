import type { FetchLike } from "../../src/core/ports.js";

/** One request the fake received, as the spec check needs it. */
export interface RecordedRequest {
  method: string;
  /** Path under `/auth/v1`, e.g. `/token`. */
  path: string;
  query: URLSearchParams;
  headers: Headers;
  body: unknown;
}

interface FakeUser {
  id: string;
  email: string;
  password: string;
  confirmed: boolean;
  banned: boolean;
}

/** Options for {@link createSupabaseFake}. */
export interface SupabaseFakeOptions {
  anonKey?: string;
  /** Email confirmation off (sign-up returns a session) when true; default true. */
  autoConfirm?: boolean;
  /** Answer errors in the pre-2024 body format even when the client asks for the new one. */
  legacyErrors?: boolean;
  /** Also send the `x-sb-error-code` header; default true. */
  errorCodeHeader?: boolean;
  now?: () => number;
  accessTokenTtlSeconds?: number;
}

const b64 = (value: unknown) => Buffer.from(JSON.stringify(value)).toString("base64url");

/**
 * A small in-memory GoTrue (signup, token, logout, user) served through an injected fetch,
 * following the shapes of the OpenAPI spec, recording every request it receives.
 */
export function createSupabaseFake(options: SupabaseFakeOptions = {}) {
  const anonKey = options.anonKey ?? "anon-key-123";
  const now = options.now ?? (() => Date.now());
  const ttl = options.accessTokenTtlSeconds ?? 3600;
  const users = new Map<string, FakeUser>();
  const refreshTokens = new Map<string, { userId: string; used: boolean; sessionId: string }>();
  const liveSessions = new Set<string>();
  const requests: RecordedRequest[] = [];
  let counter = 0;
  let nextError: { status: number; errorCode: string; extra?: Record<string, unknown> } | undefined;

  const publicUser = (user: FakeUser) => ({
    id: user.id,
    aud: "authenticated",
    role: "authenticated",
    email: user.email,
    ...(user.confirmed ? { email_confirmed_at: new Date(now()).toISOString() } : {}),
    app_metadata: { provider: "email" },
    user_metadata: {},
  });

  const issue = (user: FakeUser, sessionId = `sess-${++counter}`) => {
    liveSessions.add(sessionId);
    const exp = Math.floor(now() / 1000) + ttl;
    const claims = { sub: user.id, email: user.email, exp, session_id: sessionId };
    const refresh = `rt-${++counter}`;
    refreshTokens.set(refresh, { userId: user.id, used: false, sessionId });
    return {
      access_token: `${b64({ alg: "HS256", typ: "JWT" })}.${b64(claims)}.sig`,
      token_type: "bearer",
      expires_in: ttl,
      expires_at: exp,
      refresh_token: refresh,
      user: publicUser(user),
    };
  };

  const error = (
    req: Request,
    status: number,
    errorCode: string,
    extra = {},
    message = `fake ${errorCode}`,
  ): Response => {
    const versioned =
      !options.legacyErrors && req.headers.get("x-supabase-api-version") === "2024-01-01";
    const body = versioned
      ? { code: errorCode, message, ...extra }
      : { code: status, error_code: errorCode, msg: message, ...extra };
    const headers: Record<string, string> = { "content-type": "application/json" };
    if (options.errorCodeHeader !== false) headers["x-sb-error-code"] = errorCode;
    return new Response(JSON.stringify(body), { status, headers });
  };
  const ok = (body: unknown) =>
    new Response(JSON.stringify(body), { headers: { "content-type": "application/json" } });

  const userFromBearer = (req: Request) => {
    const auth = req.headers.get("authorization") ?? "";
    if (!auth.startsWith("Bearer ")) return "no_authorization" as const;
    try {
      const claims = JSON.parse(
        Buffer.from(auth.slice(7).split(".")[1] ?? "", "base64url").toString(),
      );
      const user = [...users.values()].find((u) => u.id === claims.sub);
      if (!user || claims.exp * 1000 <= now() || !liveSessions.has(claims.session_id))
        return "bad_jwt" as const;
      return { user, sessionId: claims.session_id as string };
    } catch {
      return "bad_jwt" as const;
    }
  };

  const routes: Record<
    string,
    (req: Request, body: Record<string, unknown>, query: URLSearchParams) => Response
  > = {
    "POST /signup": (req, body) => {
      const email = String(body.email ?? "");
      const password = String(body.password ?? "");
      if (!/^[^@\s]+@[^@\s]+\.[^@\s]+$/.test(email)) {
        const message = "Unable to validate email address: invalid format";
        return error(req, 400, "validation_failed", {}, message);
      }
      if (password.length < 6) {
        return error(req, 422, "weak_password", { weak_password: { reasons: ["length"] } });
      }
      const existing = users.get(email);
      if (existing && options.autoConfirm !== false) return error(req, 422, "user_already_exists");
      const user = existing ?? {
        id: `user-${++counter}`,
        email,
        password,
        confirmed: options.autoConfirm !== false,
        banned: false,
      };
      users.set(email, user);
      return ok(user.confirmed ? issue(user) : publicUser(user));
    },
    "POST /token": (req, body, query) => {
      if (query.get("grant_type") === "password") {
        const user = users.get(String(body.email));
        if (!user || user.password !== body.password) return error(req, 400, "invalid_credentials");
        if (!user.confirmed) return error(req, 400, "email_not_confirmed");
        if (user.banned) return error(req, 400, "user_banned");
        return ok(issue(user));
      }
      if (query.get("grant_type") === "refresh_token") {
        const known = refreshTokens.get(String(body.refresh_token));
        if (!known || !liveSessions.has(known.sessionId))
          return error(req, 400, "refresh_token_not_found");
        if (known.used) return error(req, 400, "refresh_token_already_used");
        known.used = true;
        const user = [...users.values()].find((u) => u.id === known.userId);
        return user ? ok(issue(user, known.sessionId)) : error(req, 400, "refresh_token_not_found");
      }
      return error(req, 400, "validation_failed");
    },
    "POST /logout": (req) => {
      const who = userFromBearer(req);
      if (typeof who === "string") return error(req, who === "bad_jwt" ? 403 : 401, who);
      liveSessions.delete(who.sessionId);
      return new Response(null, { status: 204 });
    },
    "GET /user": (req) => {
      const who = userFromBearer(req);
      if (typeof who === "string") return error(req, who === "bad_jwt" ? 403 : 401, who);
      return ok(publicUser(who.user));
    },
  };

  const fetch: FetchLike = async (input, init) => {
    const req = new Request(input, init);
    const url = new URL(req.url);
    const path = url.pathname.replace(/^\/auth\/v1/, "");
    const text = await req.text();
    const body = text === "" ? {} : (JSON.parse(text) as Record<string, unknown>);
    requests.push({
      method: req.method,
      path,
      query: url.searchParams,
      headers: req.headers,
      body: text === "" ? undefined : body,
    });
    if (req.headers.get("apikey") !== anonKey) {
      return new Response(JSON.stringify({ message: "No API key found in request" }), {
        status: 401,
        headers: { "content-type": "application/json" },
      });
    }
    if (nextError) {
      const { status, errorCode, extra } = nextError;
      nextError = undefined;
      return error(req, status, errorCode, extra);
    }
    const route = routes[`${req.method} ${path}`];
    return route ? route(req, body, url.searchParams) : error(req, 404, "not_found");
  };

  return {
    fetch,
    requests,
    anonKey,
    /** Adds a user directly, as the dashboard would. */
    addUser(
      email: string,
      password: string,
      extra: Partial<Pick<FakeUser, "confirmed" | "banned">> = {},
    ) {
      users.set(email, {
        id: `user-${++counter}`,
        email,
        password,
        confirmed: true,
        banned: false,
        ...extra,
      });
    },
    /** Makes the next request fail with this status and `error_code`. */
    failNext(status: number, errorCode: string, extra?: Record<string, unknown>) {
      nextError = { status, errorCode, ...(extra ? { extra } : {}) };
    },
  };
}
