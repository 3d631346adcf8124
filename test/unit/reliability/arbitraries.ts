// fast-check generators for the property tests: emails zod accepts, provider-shaped JSON
// bodies with a secret planted in their strings, and MessageEvent-like inputs.
import fc from "fast-check";

/** Planted in generated bodies: no error message may ever contain it. */
export const SECRET = "S3CRET-in-body";

// fast-check's own emailAddress() makes addresses zod's z.email() rejects (quoted local
// parts, odd characters): this one stays inside what zod and real providers accept.
const localChar = fc.constantFrom(..."abcdefghijklmnopqrstuvwxyz0123456789_+-".split(""));
const labelChar = fc.constantFrom(..."abcdefghijklmnopqrstuvwxyz0123456789".split(""));
const atom = fc.string({ unit: localChar, minLength: 1, maxLength: 10 });
const label = fc
  .tuple(
    fc.string({ unit: labelChar, minLength: 1, maxLength: 8 }),
    fc.option(fc.string({ unit: labelChar, minLength: 1, maxLength: 5 }), { nil: undefined }),
  )
  .map(([head, tail]) => (tail === undefined ? head : `${head}-${tail}`));

/** An email address such as `ada.b+x@mail-1.example.io`. */
export const emailArb = fc
  .tuple(
    fc.array(atom, { minLength: 1, maxLength: 3 }),
    fc.array(label, { minLength: 1, maxLength: 3 }),
    fc.string({
      unit: fc.constantFrom(..."abcdefghijklmnopqrstuvwxyz".split("")),
      minLength: 2,
      maxLength: 6,
    }),
  )
  .map(([locals, labels, tld]) => `${locals.join(".")}@${[...labels, tld].join(".")}`);

// Codes and field names the adapters look for, so generated bodies reach the mapping code.
const KNOWN_STRINGS = [
  "invalid_grant",
  "invalid_client",
  "invalid_credentials",
  "refresh_token_already_used",
  "weak_password",
  "user_already_exists",
  "validation_failed",
  "over_request_rate_limit",
  "INVALID_REFRESH_TOKEN",
  "EMAIL_EXISTS",
  "WEAK_PASSWORD : Password should be at least 6 characters",
  "TOO_MANY_ATTEMPTS_TRY_LATER",
  "ERROR_CODE_ACCESS_DENIED",
  "ERROR_CODE_INPUT_ERROR",
  "ERROR_CODE_TOO_MANY_REQUESTS",
  "API_KEY_INVALID",
  "bearer",
  "3600",
  "email",
  "password",
];
const KEYS = [
  "access_token",
  "refresh_token",
  "expires_in",
  "expires_at",
  "token_type",
  "id_token",
  "idToken",
  "refreshToken",
  "expiresIn",
  "localId",
  "user_id",
  "authToken",
  "user",
  "users",
  "id",
  "sub",
  "email",
  "error",
  "error_code",
  "error_description",
  "code",
  "msg",
  "message",
  "reasons",
  "weak_password",
  "payload",
  "param",
  "description",
  "rules",
  "details",
  "reason",
  "errors",
  "data",
  "0",
  "__proto__",
  "constructor",
];

const leafString = fc.oneof(
  fc.constantFrom(...KNOWN_STRINGS),
  fc.string().map((text) => `${text}${SECRET}`),
  fc.constant(SECRET),
  fc.string(),
);
const leaf = fc.oneof(leafString, fc.integer(), fc.double(), fc.boolean(), fc.constant(null));

/** A JSON value shaped like provider replies: known keys and codes, secrets in the strings. */
export const providerJsonArb: fc.Arbitrary<unknown> = fc.letrec<{ value: unknown }>((tie) => ({
  value: fc.oneof(
    { depthSize: "small", withCrossShrink: true },
    leaf,
    fc.array(tie("value"), { maxLength: 3 }),
    fc.dictionary(fc.oneof(fc.constantFrom(...KEYS), fc.string()), tie("value"), {
      maxKeys: 5,
    }),
  ),
})).value;

// Error fields: mostly a code the adapters know, or text carrying the secret.
const codeString = fc.oneof(
  { weight: 3, arbitrary: fc.constantFrom(...KNOWN_STRINGS) },
  leafString,
);
const secretText = fc.oneof(
  { weight: 3, arbitrary: fc.string().map((text) => `${text}${SECRET}`) },
  leafString,
);
const token = fc.oneof(
  leafString,
  fc.string({ minLength: 1 }).map((t) => `tok-${t}`),
);
const maybe = <T>(arb: fc.Arbitrary<T>) => fc.oneof(arb, leaf);

// Replies shaped like each provider's success and error bodies, with any field wrong or missing.
const shapedArb: fc.Arbitrary<unknown> = fc.oneof(
  fc.record(
    {
      access_token: maybe(token),
      refresh_token: maybe(token),
      expires_in: maybe(fc.oneof(fc.integer(), fc.constant("3600"))),
      expires_at: maybe(fc.integer()),
      token_type: leaf,
      id_token: maybe(token),
      user_id: maybe(token),
      idToken: maybe(token),
      refreshToken: maybe(token),
      expiresIn: maybe(fc.constant("3600")),
      localId: maybe(token),
      authToken: maybe(token),
      id: maybe(fc.oneof(token, fc.integer())),
      email: maybe(emailArb),
      user: fc.oneof(providerJsonArb, fc.record({ id: maybe(token), email: maybe(emailArb) })),
    },
    { requiredKeys: [] },
  ),
  fc.record(
    {
      error: fc.oneof(
        codeString,
        fc.record(
          {
            code: leaf,
            message: fc.oneof(codeString, secretText),
            errors: fc.array(fc.record({ reason: codeString }), { maxLength: 2 }),
          },
          { requiredKeys: [] },
        ),
      ),
      error_description: secretText,
    },
    { requiredKeys: [] },
  ),
  fc.record(
    {
      code: codeString,
      error_code: codeString,
      message: secretText,
      msg: secretText,
      payload: fc.record({ param: codeString }),
      weak_password: fc.record({ reasons: fc.array(secretText, { maxLength: 2 }) }),
    },
    { requiredKeys: [] },
  ),
);

/** A reply: status, content type, body text (JSON, broken JSON or HTML) and headers. */
export const replyArb = fc.record({
  status: fc.oneof(
    fc.constant(200),
    fc.constantFrom(200, 201, 204, 400, 401, 403, 404, 409, 422, 429, 500, 502, 503),
    fc.integer({ min: 200, max: 599 }),
  ),
  contentType: fc.constantFrom(
    "application/json",
    "application/json",
    "application/json; charset=utf-8",
    "application/problem+json",
    "text/html",
    "text/plain",
    null,
  ),
  body: fc.oneof(
    { weight: 4, arbitrary: providerJsonArb.map((value) => JSON.stringify(value) ?? "") },
    { weight: 6, arbitrary: shapedArb.map((value) => JSON.stringify(value) ?? "") },
    fc.string().map((text) => `${text}${SECRET}`),
    fc.constant(""),
    fc.constant(`<html>${SECRET}</html>`),
  ),
  retryAfter: fc.option(fc.oneof(fc.string(), fc.nat().map(String), fc.date().map(String)), {
    nil: undefined,
  }),
  errorHeader: fc.option(fc.constantFrom(...KNOWN_STRINGS, SECRET), { nil: undefined }),
});

export type Reply = typeof replyArb extends fc.Arbitrary<infer T> ? T : never;

/** Builds the real Response for a generated reply (status 204 and friends carry no body). */
export function toResponse(reply: Reply): Response {
  const headers = new Headers();
  if (reply.contentType !== null) headers.set("content-type", reply.contentType);
  if (reply.retryAfter !== undefined) headers.set("retry-after", reply.retryAfter);
  if (reply.errorHeader !== undefined) headers.set("x-sb-error-code", reply.errorHeader);
  const bodyless = [204, 205, 304].includes(reply.status);
  return new Response(bodyless ? null : reply.body, { status: reply.status, headers });
}
