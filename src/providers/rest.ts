import type { AuthAdapter, SignInInput, SignUpResult } from "../core/adapter.js";
import { decodeJwt } from "../core/jwt.js";
import { type Clock, type FetchLike, systemClock } from "../core/ports.js";
import type { AuthUser, Session } from "../core/types.js";
import { defineAdapter, type Flow, type Operation, type Send } from "./defineAdapter.js";
import type { HttpRequest } from "./http.js";
import { parseOptions } from "./parseConfig.js";
import { type RestConfig, type RestEndpoint, restConfigRule } from "./restConfig.js";
import { expiryFrom, mapRestError } from "./restReply.js";
import { readPath, readTokens, userFromRecord } from "./shared.js";

export type { RestConfig, RestEndpoint } from "./restConfig.js";

/** Options for {@link rest}: the JSON config plus injectable ports. */
export type RestOptions = RestConfig & { fetch?: FetchLike; timeoutMs?: number; clock?: Clock };

/**
 * A declarative adapter for any JWT REST API, configured from plain JSON: endpoints, body
 * field names, response paths, expiry unit and error codes. Throws `invalid_config` when
 * the configuration is wrong.
 */
export function rest(options: RestOptions): AuthAdapter {
  const { timeoutMs, ...config } = parseOptions(restConfigRule, options, "rest");
  const { fetch, clock = systemClock } = options;
  const name = config.name ?? "rest";
  const { endpoints } = config;

  // One request from an endpoint's config: its URL, method, fixed and mapped body fields,
  // body format and headers, and the bearer token where the endpoint takes one.
  const request = (operation: Operation, values: Record<string, string>, bearer?: string) => {
    const ep = endpoints[operation === "getUser" ? "user" : operation] as RestEndpoint;
    const method = ep.method ?? (operation === "getUser" ? "GET" : "POST");
    const fieldNames = {
      email: "email",
      password: "password",
      refreshToken: "refresh_token",
      ...config.fields,
      ...ep.fields,
    };
    const body: Record<string, string> = {};
    for (const [key, value] of Object.entries(ep.body ?? {})) body[key] = String(value);
    for (const [key, value] of Object.entries(values))
      body[fieldNames[key as keyof typeof fieldNames] ?? key] = value;
    const useBearer = ep.bearer ?? (operation === "getUser" || operation === "signOut");
    const req: HttpRequest = {
      url:
        ep.url ??
        `${(config.baseUrl ?? "").replace(/\/+$/, "")}/${(ep.path ?? "").replace(/^\/+/, "")}`,
      method,
      headers: {
        ...ep.headers,
        ...(useBearer && bearer ? { authorization: `Bearer ${bearer}` } : {}),
      },
      allowEmpty: operation === "signOut" || operation === "signUp",
    };
    if (method !== "GET" && Object.keys(body).length > 0) {
      if (ep.bodyFormat === "form") req.form = body;
      else req.json = body;
    }
    return req;
  };

  const readUser = (record: unknown, accessToken: string, email?: string): AuthUser => {
    const idField = config.user?.idField;
    const emailField = config.user?.emailField;
    const source =
      emailField && typeof record === "object" && record !== null
        ? { ...record, email: (record as Record<string, unknown>)[emailField] }
        : record;
    return userFromRecord(source ?? decodeJwt(accessToken), {
      provider: name,
      accessToken,
      ...(email === undefined ? {} : { email }),
      ...(idField ? { idKeys: [idField] } : { idKeys: ["id", "sub", "user_id", "uid", "localId"] }),
    });
  };
  const userPath = config.user?.path ?? "";

  const toSession = async (
    body: unknown,
    send: Send,
    given: { email?: string; refreshToken?: string },
  ) => {
    const paths = config.response;
    const now = clock.now();
    const tokens = readTokens(
      name,
      {
        accessToken: readPath(body, paths?.accessToken ?? "access_token"),
        refreshToken: readPath(body, paths?.refreshToken ?? "refresh_token"),
        expiresAtMs: expiryFrom(config, body, now),
        tokenType: readPath(body, paths?.tokenType ?? "token_type"),
      },
      now,
      { keep: given.refreshToken },
    );
    const { accessToken } = tokens;
    let record: unknown = paths?.user ? readPath(body, paths.user) : undefined;
    if (endpoints.user) {
      const reply = await send("getUser", request("getUser", {}, accessToken));
      record = readPath(reply, userPath);
    }
    const user = readUser(record, accessToken, given.email);
    return { ...tokens, user, provider: name } satisfies Session;
  };

  const signIn: Flow<SignInInput, Session> = {
    request: ({ email, password }) => request("signIn", { email, password }),
    reply: (body, { email }, send) => toSession(body, send, { email }),
  };

  // Each optional endpoint given is one more flow: sign-up, refresh, a server-side sign-out,
  // the user.
  return defineAdapter({
    name,
    transport: { fetch, timeoutMs, clock },
    errors: (status, body, _response, operation) =>
      mapRestError(config, name, operation, status, body),
    signUp: endpoints.signUp && {
      request({ email, password, ...extra }) {
        const values: Record<string, string> = { email, password };
        for (const [key, value] of Object.entries(extra))
          if (typeof value === "string") values[key] = value;
        return request("signUp", values);
      },
      async reply(body, input, send): Promise<SignUpResult> {
        const { email } = input;
        if (readPath(body, config.response?.accessToken ?? "access_token") !== undefined) {
          return { kind: "session", session: await toSession(body, send, { email }) };
        }
        if (config.signUpThen === "signIn") {
          const reply = await send("signIn", signIn.request(input));
          return { kind: "session", session: await toSession(reply, send, { email }) };
        }
        const record = config.response?.user ? readPath(body, config.response.user) : body;
        let user: AuthUser | null = null;
        try {
          user = record === undefined ? null : userFromRecord(record, { provider: name, email });
        } catch {
          user = null;
        }
        return { kind: "confirmation_required", user };
      },
    },
    signIn,
    refresh: endpoints.refresh && {
      request: (refreshToken) => request("refresh", { refreshToken }),
      reply: (body, refreshToken, send) => toSession(body, send, { refreshToken }),
    },
    signOut: endpoints.signOut && {
      request: (session) =>
        request(
          "signOut",
          session.refreshToken ? { refreshToken: session.refreshToken } : {},
          session.accessToken,
        ),
      reply: () => {},
    },
    getUser: endpoints.user && {
      request: (accessToken) => request("getUser", {}, accessToken),
      reply: (body, accessToken) => readUser(readPath(body, userPath), accessToken),
    },
  });
}
