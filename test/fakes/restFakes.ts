import type { FetchLike } from "../../src/core/ports.js";

const json = (body: unknown, status = 200) =>
  new Response(JSON.stringify(body), { status, headers: { "content-type": "application/json" } });
const b64 = (value: unknown) => Buffer.from(JSON.stringify(value)).toString("base64url");

/** One request a REST fake received. */
export interface RestRequest {
  method: string;
  path: string;
  headers: Headers;
  contentType: string | null;
  body: Record<string, string> | undefined;
}

async function record(input: string, init: RequestInit | undefined, requests: RestRequest[]) {
  const req = new Request(input, init);
  const text = await req.text();
  const contentType = req.headers.get("content-type");
  const body = !text
    ? undefined
    : contentType?.includes("form")
      ? Object.fromEntries(new URLSearchParams(text))
      : (JSON.parse(text) as Record<string, string>);
  const entry = {
    method: req.method,
    path: new URL(req.url).pathname,
    headers: req.headers,
    contentType,
    body,
  };
  requests.push(entry);
  return entry;
}

/**
 * A Django REST framework + simplejwt backend: `{ access, refresh }` replies, expiry only in
 * the access token's `exp`, rotating refresh tokens, `{ detail, code }` errors.
 */
export function createSimpleJwtFake(now: () => number, ttlSeconds = 300) {
  const requests: RestRequest[] = [];
  const refreshTokens = new Map<string, { userId: number; used: boolean }>();
  let counter = 0;
  const issue = (userId: number) => {
    const refresh = `refresh-${++counter}`;
    refreshTokens.set(refresh, { userId, used: false });
    const exp = Math.floor(now() / 1000) + ttlSeconds;
    const access = `${b64({ alg: "HS256", typ: "JWT" })}.${b64({ token_type: "access", exp, user_id: userId, jti: `j${counter}` })}.sig`;
    return json({ access, refresh });
  };
  const fetch: FetchLike = async (input, init) => {
    const { path, body } = await record(input, init, requests);
    if (path === "/api/token/") {
      if (body?.username !== "ann@example.com" || body?.password !== "correct-horse") {
        return json(
          {
            detail: "No active account found with the given credentials",
            code: "no_active_account",
          },
          401,
        );
      }
      return issue(42);
    }
    if (path === "/api/token/refresh/" || path === "/api/token/blacklist/") {
      const known = refreshTokens.get(body?.refresh ?? "");
      if (!known || known.used)
        return json({ detail: "Token is blacklisted", code: "token_not_valid" }, 401);
      known.used = true;
      return path.endsWith("blacklist/") ? json({}) : issue(known.userId);
    }
    return json({ detail: "Not found." }, 404);
  };
  return { fetch, requests };
}

/**
 * A Directus-style backend: `{ data: { access_token, refresh_token, expires } }` with
 * `expires` in milliseconds, `/users/me`, and `{ errors: [{ extensions: { code } }] }` errors.
 */
export function createDirectusFake() {
  const requests: RestRequest[] = [];
  const users = new Map([
    ["ann@example.com", { id: "uuid-ann", email: "ann@example.com", password: "correct-horse" }],
  ]);
  const access = new Map<string, string>();
  const refresh = new Map<string, string>();
  let counter = 0;
  const error = (status: number, code: string) =>
    json({ errors: [{ message: `fake ${code}`, extensions: { code } }] }, status);
  const issue = (userId: string) => {
    const accessToken = `opaque-access-${++counter}`;
    const refreshToken = `opaque-refresh-${counter}`;
    access.set(accessToken, userId);
    refresh.set(refreshToken, userId);
    return json({
      data: { access_token: accessToken, expires: 900_000, refresh_token: refreshToken },
    });
  };
  const fetch: FetchLike = async (input, init) => {
    const { path, body, headers } = await record(input, init, requests);
    if (path === "/users/register") {
      if (users.has(body?.email ?? "")) return error(400, "RECORD_NOT_UNIQUE");
      users.set(body?.email ?? "", {
        id: `uuid-${++counter}`,
        email: body?.email ?? "",
        password: body?.password ?? "",
      });
      return new Response(null, { status: 204 });
    }
    if (path === "/auth/login") {
      const user = users.get(body?.email ?? "");
      if (!user || user.password !== body?.password) return error(401, "INVALID_CREDENTIALS");
      return issue(user.id);
    }
    if (path === "/auth/refresh" || path === "/auth/logout") {
      const userId = refresh.get(body?.refresh_token ?? "");
      if (!userId || body?.mode !== "json") return error(401, "INVALID_TOKEN");
      refresh.delete(body.refresh_token ?? "");
      return path === "/auth/logout" ? new Response(null, { status: 204 }) : issue(userId);
    }
    if (path === "/users/me") {
      const userId = access.get((headers.get("authorization") ?? "").replace(/^Bearer /, ""));
      const user = [...users.values()].find((u) => u.id === userId);
      if (!user) return error(401, "TOKEN_EXPIRED");
      return json({ data: { id: user.id, email: user.email, first_name: "Ann" } });
    }
    return error(404, "ROUTE_NOT_FOUND");
  };
  return { fetch, requests };
}
