import * as z from "zod/mini";
import { AUTH_ERROR_CODES } from "../core/AuthError.js";

const nonEmpty = () => z.string().check(z.minLength(1));

const fieldNames = z.strictObject({
  email: z.optional(nonEmpty()),
  password: z.optional(nonEmpty()),
  refreshToken: z.optional(nonEmpty()),
});

const endpoint = z
  .strictObject({
    /** An absolute URL; or use `path` under `baseUrl`. */
    url: z.optional(z.url()),
    path: z.optional(nonEmpty()),
    method: z.optional(z.enum(["GET", "POST", "PUT", "PATCH", "DELETE"])),
    bodyFormat: z.optional(z.enum(["json", "form"])),
    /** Body field names for this endpoint, overriding the top-level `fields`. */
    fields: z.optional(fieldNames),
    /** Fixed fields added to the body, e.g. `{ "client_id": "web" }`. */
    body: z.optional(z.record(z.string(), z.union([z.string(), z.number(), z.boolean()]))),
    headers: z.optional(z.record(z.string(), z.string())),
    /** Send the access token as `Authorization: Bearer`; default on for `user` and `signOut`. */
    bearer: z.optional(z.boolean()),
  })
  .check(
    z.refine((value) => value.url !== undefined || value.path !== undefined, {
      message: 'needs "url" or "path"',
    }),
  );

/** The schema of a {@link RestConfig}: every option is plain JSON. */
export const restConfigSchema = z
  .strictObject({
    /** The adapter's name in sessions and errors; default `"rest"`. */
    name: z.optional(nonEmpty()),
    baseUrl: z.optional(z.url()),
    endpoints: z.strictObject({
      signIn: endpoint,
      signUp: z.optional(endpoint),
      refresh: z.optional(endpoint),
      signOut: z.optional(endpoint),
      user: z.optional(endpoint),
    }),
    /** Body field names; defaults `email`, `password`, `refresh_token`. */
    fields: z.optional(fieldNames),
    /** Where things are in a token reply (dotted paths such as `data.access_token`). */
    response: z.optional(
      z.strictObject({
        accessToken: z.optional(nonEmpty()),
        refreshToken: z.optional(nonEmpty()),
        tokenType: z.optional(nonEmpty()),
        /** The expiry; when absent or missing in a reply the JWT `exp` claim is used. */
        expires: z.optional(
          z.strictObject({
            path: nonEmpty(),
            unit: z.optional(z.enum(["seconds", "milliseconds"])),
            kind: z.optional(z.enum(["relative", "absolute"])),
          }),
        ),
        /** The user object inside a token reply, if it carries one. */
        user: z.optional(nonEmpty()),
      }),
    ),
    /** How to read a user record (from `endpoints.user`, the token reply, or JWT claims). */
    user: z.optional(
      z.strictObject({
        path: z.optional(z.string()),
        idField: z.optional(nonEmpty()),
        emailField: z.optional(nonEmpty()),
      }),
    ),
    /** How to read error replies and which provider codes mean which kit codes. */
    errors: z.optional(
      z.strictObject({
        codePath: z.optional(nonEmpty()),
        messagePath: z.optional(nonEmpty()),
        codeMap: z.optional(z.record(z.string(), z.enum(AUTH_ERROR_CODES))),
      }),
    ),
    /** After a sign-up reply without tokens: sign in with the same credentials, or ask to confirm. */
    signUpThen: z.optional(z.enum(["signIn", "confirm"])),
  })
  .check(
    z.refine(
      (config) =>
        config.baseUrl !== undefined ||
        Object.values(config.endpoints).every(
          (value) => value === undefined || value.url !== undefined,
        ),
      { message: 'endpoints given by "path" need "baseUrl"' },
    ),
  );

/** The declarative REST adapter's configuration, plain JSON only. */
export type RestConfig = z.infer<typeof restConfigSchema>;

/** One endpoint of a {@link RestConfig}. */
export type RestEndpoint = z.infer<typeof endpoint>;
