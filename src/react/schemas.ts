import type { FieldErrors, FieldValues, Resolver, ResolverResult } from "react-hook-form";
import * as z from "zod/mini";
import type { $ZodType, util } from "zod/v4/core";
import { type AuthMessages, DEFAULT_MESSAGES, format } from "./messages.js";

/** Which passwords the sign-up form accepts; each rule is also shown as a hint. */
export interface PasswordPolicy {
  minLength?: number;
  requireLowercase?: boolean;
  requireUppercase?: boolean;
  requireDigit?: boolean;
  requireSymbol?: boolean;
}

/** An extra sign-up field, passed through to `signUp` under its `name`. */
export interface ExtraField {
  name: string;
  label: string;
  type?: string;
  autoComplete?: string;
  required?: boolean;
}

/** One password rule as shown to the user. */
export interface PasswordRule {
  text: string;
  test: (password: string) => boolean;
}

/** The policy used when none is given. */
export const DEFAULT_PASSWORD_POLICY: PasswordPolicy = { minLength: 8 };

/** The rules of a policy, in display order, with their hint texts. */
export function passwordRules(policy: PasswordPolicy, messages: AuthMessages): PasswordRule[] {
  const min = policy.minLength ?? 1;
  const rules: PasswordRule[] = [];
  if (min > 1)
    rules.push({ text: format(messages.hintMinLength, { min }), test: (p) => p.length >= min });
  const classes: [boolean | undefined, string, RegExp][] = [
    [policy.requireLowercase, messages.hintLowercase, /\p{Ll}/u],
    [policy.requireUppercase, messages.hintUppercase, /\p{Lu}/u],
    [policy.requireDigit, messages.hintDigit, /\p{Nd}/u],
    [policy.requireSymbol, messages.hintSymbol, /[^\p{L}\p{N}\s]/u],
  ];
  for (const [on, text, pattern] of classes)
    if (on) rules.push({ text, test: (p) => pattern.test(p) });
  return rules;
}

// zod's own email pattern. Every rule below is a z.refine: z.email(), z.regex and
// z.minLength would each add their check class to every app (0.45 kB gzip for the three).
const EMAIL =
  /^(?:[A-Za-z0-9_'+-]+\.)*[A-Za-z0-9_'+-]*[A-Za-z0-9_+-]@(?:[A-Za-z0-9][A-Za-z0-9-]*\.)+[A-Za-z]{2,}$/;

const filled = (message: string) => z.refine<string>((value) => value !== "", message);

function emailSchema(messages: AuthMessages) {
  return z.string().check(
    z.trim(),
    filled(messages.emailRequired),
    z.refine((value: string) => value === "" || EMAIL.test(value), messages.emailInvalid),
  );
}

/** The sign-in schema: a valid email and a non-empty password. */
export function createLoginSchema(messages: AuthMessages = DEFAULT_MESSAGES) {
  return z.object({
    email: emailSchema(messages),
    password: z.string().check(filled(messages.passwordRequired)),
  });
}

/** What the sign-up form shows besides email and password. */
export interface SignupSchemaOptions {
  /** A confirm-password field, which must equal the password. */
  confirmPassword?: boolean;
}

/**
 * The sign-up schema: email, a password meeting the policy, the extra fields, and
 * `confirmPassword` when asked for. Only the fields the form shows are in it: a field that
 * may be absent would need z.optional, whose class adds 0.23 kB gzip to every app.
 */
export function createSignupSchema(
  policy: PasswordPolicy = DEFAULT_PASSWORD_POLICY,
  messages: AuthMessages = DEFAULT_MESSAGES,
  extraFields: readonly ExtraField[] = [],
  options: SignupSchemaOptions = {},
) {
  const rules = passwordRules(policy, messages);
  const shape: Record<string, z.ZodMiniType> = {
    email: emailSchema(messages),
    password: z.string().check(
      filled(messages.passwordRequired),
      z.refine(
        (p: string) => p === "" || rules.every((rule) => rule.test(p)),
        messages.passwordPolicy,
      ),
    ),
  };
  for (const field of extraFields) {
    const text = format(messages.fieldRequired, { label: field.label.toLowerCase() });
    shape[field.name] = field.required ? z.string().check(z.trim(), filled(text)) : z.string();
  }
  if (!options.confirmPassword) return z.object(shape);
  shape.confirmPassword = z.string();
  return z.object(shape).check(
    z.refine((v) => v.confirmPassword === v.password, {
      message: messages.passwordsMismatch,
      path: ["confirmPassword"],
    }),
  );
}

/** A zod schema (`zod/mini` or classic) for a form's values. */
export type FormSchema = $ZodType;

/** A replacement schema, or a function that extends the default one. */
export type SchemaOption<Base> = FormSchema | ((base: Base) => FormSchema);

/** A form resolver that also answers synchronously when its schema can. */
export interface FormResolver extends Resolver<FieldValues> {
  /** The result now, or undefined for a schema with async rules (zod can only parse it async). */
  sync: (values: FieldValues) => ResolverResult<FieldValues> | undefined;
}

/**
 * The form resolver for a schema option applied to the default schema. It is written here
 * rather than taken from `@hookform/resolvers` (0.6 kB gzip): the forms need only the first
 * error of each field, keyed by its path, which react-hook-form focuses and shows. It parses
 * synchronously, so a valid submit reaches its request with no wait; a schema found to have
 * async rules (zod throws on them) is parsed async from then on.
 */
export function schemaResolver<Base extends FormSchema>(
  option: SchemaOption<Base> | undefined,
  base: Base,
): FormResolver {
  const schema = typeof option === "function" ? option(base) : (option ?? base);
  let isAsync = false;
  const sync = (values: FieldValues) => {
    if (!isAsync) {
      try {
        return resolved(z.safeParse(schema, values));
      } catch {
        isAsync = true;
      }
    }
    return undefined;
  };
  const resolver = (values: FieldValues) =>
    sync(values) ?? z.safeParseAsync(schema, values).then(resolved);
  return Object.assign(resolver, { sync });
}

function resolved(result: util.SafeParseResult<unknown>): ResolverResult<FieldValues> {
  // Form values are typed loosely on purpose: a replaced schema may add or rename fields.
  if (result.success) return { values: result.data as FieldValues, errors: {} };
  const errors: Record<string, unknown> = {};
  for (const { path, code, message } of result.error.issues) {
    const keys = path.length > 0 ? path.map(String) : ["root"];
    const last = keys.pop() as string;
    let node = errors;
    for (const key of keys) {
      node[key] ??= {};
      node = node[key] as Record<string, unknown>;
    }
    node[last] ??= { type: code, message };
  }
  return { values: {}, errors: errors as FieldErrors };
}
