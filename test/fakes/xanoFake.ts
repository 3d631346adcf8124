import type { FetchLike } from "../../src/core/ports.js";

/** One request the Xano fake received. */
export interface XanoRequest {
  method: string;
  path: string;
  headers: Headers;
  body: Record<string, unknown> | undefined;
}

const json = (body: unknown, status = 200) =>
  new Response(JSON.stringify(body), { status, headers: { "content-type": "application/json" } });

const fail = (status: number, code: string, message: string, payload?: unknown) =>
  json({ code, message, ...(payload === undefined ? {} : { payload }) }, status);

/**
 * A fake Xano API group with the default auth endpoints (`/auth/signup`, `/auth/login`,
 * `/auth/me`): opaque `authToken`s and `{ code: "ERROR_CODE_…", message }` errors.
 */
export function createXanoFake(base = "/api:test") {
  const users = new Map<string, { id: number; name?: string; email: string; password: string }>();
  const tokens = new Map<string, number>();
  const requests: XanoRequest[] = [];
  let counter = 0;

  const issue = (userId: number) => {
    // A JWE has five parts and cannot be read without the server's key.
    const token = `eyJhbGciOiJBMjU2S1ciLCJlbmMiOiJBMjU2Q0JDLUhTNTEyIn0.k${++counter}.iv.ct.tag`;
    tokens.set(token, userId);
    return json({ authToken: token });
  };

  const fetch: FetchLike = async (input, init) => {
    const req = new Request(input, init);
    const path = new URL(req.url).pathname.replace(base, "");
    const text = await req.text();
    const body = text ? (JSON.parse(text) as Record<string, unknown>) : undefined;
    requests.push({ method: req.method, path, headers: req.headers, body });
    const email = String(body?.email ?? "");
    const password = String(body?.password ?? "");
    if (req.method === "POST" && path === "/auth/signup") {
      if (!email.includes("@"))
        return fail(400, "ERROR_CODE_INPUT_ERROR", "Invalid value.", { param: "email" });
      if (password.length < 8) {
        return fail(400, "ERROR_CODE_INPUT_ERROR", "Password must be at least 8 characters.", {
          param: "password",
        });
      }
      if (users.has(email))
        return fail(403, "ERROR_CODE_ACCESS_DENIED", "This account is already in use.");
      const id = ++counter;
      users.set(email, {
        id,
        email,
        password,
        ...(typeof body?.name === "string" ? { name: body.name } : {}),
      });
      return issue(id);
    }
    if (req.method === "POST" && path === "/auth/login") {
      const user = users.get(email);
      if (!user || user.password !== password)
        return fail(403, "ERROR_CODE_ACCESS_DENIED", "Invalid Credentials.");
      return issue(user.id);
    }
    if (req.method === "GET" && path === "/auth/me") {
      const token = (req.headers.get("authorization") ?? "").replace(/^Bearer /, "");
      const userId = tokens.get(token);
      const user = [...users.values()].find((u) => u.id === userId);
      if (!user) return fail(401, "ERROR_CODE_UNAUTHORIZED", "Invalid token.");
      const { password: _secret, ...record } = user;
      return json({ ...record, created_at: 1_700_000_000_000 });
    }
    return fail(404, "ERROR_CODE_NOT_FOUND", "Unable to locate request.");
  };

  return { fetch, requests, users };
}
