import { AuthError } from "../core/AuthError.js";
import type { AuthAdapter, RequestOptions, SignUpResult } from "../core/adapter.js";
import { decodeJwt } from "../core/jwt.js";
import { type Clock, type FetchLike, systemClock } from "../core/ports.js";
import type { AuthUser, Session } from "../core/types.js";
import { restCapabilities } from "./capabilities.js";
import { createCaller, type HttpRequest } from "./http.js";
import { parseOptions } from "./parseConfig.js";
import { type RestConfig, type RestEndpoint, restConfigRule } from "./restConfig.js";
import { expiryFrom, mapRestError, type RestOperation as Operation } from "./restReply.js";
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
  const call = createCaller<Operation>(
    name,
    { fetch, timeoutMs, clock },
    (status, body, _response, operation) => mapRestError(config, name, operation, status, body),
  );

  const send = (
    operation: Operation,
    values: Record<string, string>,
    bearer?: string,
    signal?: AbortSignal,
  ) => {
    const ep = endpoints[operation] as RestEndpoint;
    const method = ep.method ?? (operation === "user" ? "GET" : "POST");
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
    const useBearer = ep.bearer ?? (operation === "user" || operation === "signOut");
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
      ...(signal ? { signal } : {}),
    };
    if (method !== "GET" && Object.keys(body).length > 0) {
      if (ep.bodyFormat === "form") req.form = body;
      else req.json = body;
    }
    return call(operation, req);
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

  const toSession = async (
    body: unknown,
    opts: RequestOptions | undefined,
    given?: { email?: string; refreshToken?: string },
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
      { keep: given?.refreshToken },
    );
    const { accessToken } = tokens;
    let record: unknown = paths?.user ? readPath(body, paths.user) : undefined;
    if (endpoints.user) {
      const reply = await send("user", {}, accessToken, opts?.signal);
      record = readPath(reply, config.user?.path ?? "");
    }
    const user = readUser(record, accessToken, given?.email);
    return { ...tokens, user, provider: name } satisfies Session;
  };

  const signIn: AuthAdapter["signIn"] = async ({ email, password }, opts) =>
    toSession(await send("signIn", { email, password }, undefined, opts?.signal), opts, { email });

  return {
    name,
    capabilities: restCapabilities(config),

    async signUp({ email, password, ...extra }, opts): Promise<SignUpResult> {
      if (!endpoints.signUp)
        throw new AuthError("not_supported", {
          provider: name,
          message: "Sign-up is not configured.",
        });
      const values: Record<string, string> = { email, password };
      for (const [key, value] of Object.entries(extra))
        if (typeof value === "string") values[key] = value;
      const body = await send("signUp", values, undefined, opts?.signal);
      if (readPath(body, config.response?.accessToken ?? "access_token") !== undefined) {
        return { kind: "session", session: await toSession(body, opts, { email }) };
      }
      if (config.signUpThen === "signIn")
        return { kind: "session", session: await signIn({ email, password }, opts) };
      const record = config.response?.user ? readPath(body, config.response.user) : body;
      let user: AuthUser | null = null;
      try {
        user = record === undefined ? null : userFromRecord(record, { provider: name, email });
      } catch {
        user = null;
      }
      return { kind: "confirmation_required", user };
    },

    signIn,

    async refresh(refreshToken, opts) {
      if (!endpoints.refresh)
        throw new AuthError("not_supported", {
          provider: name,
          message: "Refresh is not configured.",
        });
      const body = await send("refresh", { refreshToken }, undefined, opts?.signal);
      return toSession(body, opts, { refreshToken });
    },

    async signOut(session, opts) {
      if (!endpoints.signOut) return;
      const values: Record<string, string> = session.refreshToken
        ? { refreshToken: session.refreshToken }
        : {};
      await send("signOut", values, session.accessToken, opts?.signal);
    },

    ...(endpoints.user
      ? {
          async getUser(accessToken: string, opts?: RequestOptions) {
            const reply = await send("user", {}, accessToken, opts?.signal);
            return readUser(readPath(reply, config.user?.path ?? ""), accessToken);
          },
        }
      : {}),
  };
}
