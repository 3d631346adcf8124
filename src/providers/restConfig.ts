import { AUTH_ERROR_CODES, type AuthErrorCode } from "../core/AuthError.js";
import {
  boolean,
  nonEmpty,
  object,
  oneOf,
  optional,
  type Rule,
  record,
  refine,
  scalar,
  string,
  url,
} from "./validate.js";

/** Body field names for the credentials and the refresh token. */
export interface RestFieldNames {
  email?: string;
  password?: string;
  refreshToken?: string;
}

/** One endpoint of a {@link RestConfig}. */
export interface RestEndpoint {
  /** An absolute URL; or use `path` under `baseUrl`. */
  url?: string;
  path?: string;
  method?: "GET" | "POST" | "PUT" | "PATCH" | "DELETE";
  bodyFormat?: "json" | "form";
  /** Body field names for this endpoint, overriding the top-level `fields`. */
  fields?: RestFieldNames;
  /** Fixed fields added to the body, e.g. `{ "client_id": "web" }`. */
  body?: Record<string, string | number | boolean>;
  headers?: Record<string, string>;
  /** Send the access token as `Authorization: Bearer`; default on for `user` and `signOut`. */
  bearer?: boolean;
}

/** The declarative REST adapter's configuration, plain JSON only. */
export interface RestConfig {
  /** The adapter's name in sessions and errors; default `"rest"`. */
  name?: string;
  baseUrl?: string;
  endpoints: {
    signIn: RestEndpoint;
    signUp?: RestEndpoint;
    refresh?: RestEndpoint;
    signOut?: RestEndpoint;
    user?: RestEndpoint;
  };
  /** Body field names; defaults `email`, `password`, `refresh_token`. */
  fields?: RestFieldNames;
  /** Where things are in a token reply (dotted paths such as `data.access_token`). */
  response?: {
    accessToken?: string;
    refreshToken?: string;
    tokenType?: string;
    /** The expiry; when absent or missing in a reply the JWT `exp` claim is used. */
    expires?: {
      path: string;
      unit?: "seconds" | "milliseconds";
      kind?: "relative" | "absolute";
    };
    /** The user object inside a token reply, if it carries one. */
    user?: string;
  };
  /** How to read a user record (from `endpoints.user`, the token reply, or JWT claims). */
  user?: { path?: string; idField?: string; emailField?: string };
  /** How to read error replies and which provider codes mean which kit codes. */
  errors?: { codePath?: string; messagePath?: string; codeMap?: Record<string, AuthErrorCode> };
  /** After a sign-up reply without tokens: sign in with the same credentials, or ask to confirm. */
  signUpThen?: "signIn" | "confirm";
}

const maybeText = optional(nonEmpty);

const fieldNames = object({ email: maybeText, password: maybeText, refreshToken: maybeText });

const endpoint: Rule<RestEndpoint> = refine(
  object({
    url: optional(url),
    path: maybeText,
    method: optional(oneOf(["GET", "POST", "PUT", "PATCH", "DELETE"])),
    bodyFormat: optional(oneOf(["json", "form"])),
    fields: optional(fieldNames),
    body: optional(record(scalar)),
    headers: optional(record(string())),
    bearer: optional(boolean),
  }),
  (value) => value.url !== undefined || value.path !== undefined,
  'needs "url" or "path"',
);

const maybeEndpoint = optional(endpoint);

/** The check of a {@link RestConfig}: every option is plain JSON, unknown keys are errors. */
export const restConfigRule: Rule<RestConfig> = refine(
  object({
    name: maybeText,
    baseUrl: optional(url),
    endpoints: object({
      signIn: endpoint,
      signUp: maybeEndpoint,
      refresh: maybeEndpoint,
      signOut: maybeEndpoint,
      user: maybeEndpoint,
    }),
    fields: optional(fieldNames),
    response: optional(
      object({
        accessToken: maybeText,
        refreshToken: maybeText,
        tokenType: maybeText,
        expires: optional(
          object({
            path: nonEmpty,
            unit: optional(oneOf(["seconds", "milliseconds"])),
            kind: optional(oneOf(["relative", "absolute"])),
          }),
        ),
        user: maybeText,
      }),
    ),
    user: optional(object({ path: optional(string()), idField: maybeText, emailField: maybeText })),
    errors: optional(
      object({
        codePath: maybeText,
        messagePath: maybeText,
        codeMap: optional(record(oneOf(AUTH_ERROR_CODES))),
      }),
    ),
    signUpThen: optional(oneOf(["signIn", "confirm"])),
  }),
  (config) =>
    config.baseUrl !== undefined ||
    Object.values(config.endpoints).every(
      (value) => value === undefined || value.url !== undefined,
    ),
  'endpoints given by "path" need "baseUrl"',
);
