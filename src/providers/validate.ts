// A small validator for plain-JSON configs. Config checking loads lazily (behind
// <AuthProvider config>), and zod there would pull the zod features only configs use (url,
// record, union…) into every app's start chunk, because the forms share zod's modules.

import { cleanUrl, isObject, url as urlProblem } from "./configCheck.js";

export { isObject } from "./configCheck.js";

/** Where a problem is: keys and array indexes from the root of the config. */
export type Path = readonly (string | number)[];

/** One problem; a `fatal` one (wrong type or value) skips the checks of enclosing objects. */
export interface Issue {
  path: Path;
  text: string;
  fatal: boolean;
}

/**
 * Checks one value: returns the value to keep (URLs trimmed, defaults filled in) and records
 * each problem in `issues` by path and wording, never by value (it may be a secret).
 */
export type Rule<T> = (value: unknown, path: Path, issues: Issue[]) => T;

type Shape = Record<string, Rule<unknown>>;
type Out<R> = R extends Rule<infer T> ? T : never;
type ObjectOf<S extends Shape> = {
  [K in keyof S as undefined extends Out<S[K]> ? K : never]?: Exclude<Out<S[K]>, undefined>;
} & { [K in keyof S as undefined extends Out<S[K]> ? never : K]: Out<S[K]> };

function report(issues: Issue[], path: Path, text: string, fatal = true): void {
  issues.push({ path, text, fatal });
}

const quoted = (values: readonly unknown[]) => values.map((v) => JSON.stringify(v)).join(", ");

/** A string with at least `minLength` characters besides surrounding spaces (1: not blank). */
export const string =
  (minLength = 0): Rule<string> =>
  (value, path, issues) => {
    if (typeof value !== "string") report(issues, path, "expected string");
    else if (value.trim().length < minLength) report(issues, path, "must not be empty", false);
    return value as string;
  };

/** A non-blank string. */
export const nonEmpty = string(1);

/** An `https:` URL (`http:` only on loopback, no credentials), kept as {@link cleanUrl} makes it. */
export const url: Rule<string> = (value, path, issues) => {
  const problem = urlProblem(value);
  if (problem) report(issues, path, problem, typeof value !== "string");
  return typeof value === "string" ? cleanUrl(value) : (value as string);
};

/** Bounds of a {@link number}; `above` is an exclusive minimum. */
export interface NumberBounds {
  min?: number;
  above?: number;
  max?: number;
}

/** A finite number within bounds. */
export const number =
  ({ min, above, max }: NumberBounds = {}): Rule<number> =>
  (value, path, issues) => {
    if (typeof value !== "number" || !Number.isFinite(value)) {
      report(issues, path, "expected number");
    } else {
      if ((min !== undefined && value < min) || (above !== undefined && value <= above)) {
        report(issues, path, `must be at least ${min ?? above}`, false);
      }
      if (max !== undefined && value > max) report(issues, path, `must be at most ${max}`, false);
    }
    return value as number;
  };

/** A safe integer within bounds. */
export const integer =
  (bounds: NumberBounds): Rule<number> =>
  (value, path, issues) => {
    if (typeof value === "number" && Number.isFinite(value) && !Number.isInteger(value)) {
      report(issues, path, "expected int");
      return value;
    }
    if (Number.isInteger(value) && !Number.isSafeInteger(value)) {
      const edge = (value as number) > 0 ? "most" : "least";
      const limit = Math.sign(value as number) * Number.MAX_SAFE_INTEGER;
      report(issues, path, `must be at ${edge} ${limit}`, false);
    }
    return number(bounds)(value, path, issues);
  };

/** `true` or `false`. */
export const boolean: Rule<boolean> = (value, path, issues) => {
  if (typeof value !== "boolean") report(issues, path, "expected boolean");
  return value as boolean;
};

/** A string, number or boolean (what a form body or header value may be). */
export const scalar: Rule<string | number | boolean> = (value, path, issues) => {
  const ok =
    typeof value === "string" ||
    typeof value === "boolean" ||
    (typeof value === "number" && Number.isFinite(value));
  if (!ok) report(issues, path, "does not match any allowed shape");
  return value as string;
};

/** One of the given values. */
export const oneOf =
  <const T extends readonly string[]>(values: T): Rule<T[number]> =>
  (value, path, issues) => {
    if (!values.includes(value as string))
      report(issues, path, `expected one of ${quoted(values)}`);
    return value as T[number];
  };

/** The rule, or nothing. */
export const optional =
  <T>(rule: Rule<T>): Rule<T | undefined> =>
  (value, path, issues) =>
    value === undefined ? undefined : rule(value, path, issues);

/** The rule, or `null`. */
export const nullable =
  <T>(rule: Rule<T>): Rule<T | null> =>
  (value, path, issues) =>
    value === null ? null : rule(value, path, issues);

/** The rule, or `fallback` when the value is missing. */
export const withDefault =
  <T>(rule: Rule<T>, fallback: T): Rule<T> =>
  (value, path, issues) =>
    value === undefined ? fallback : rule(value, path, issues);

/** An array of values that pass the rule. */
export const array =
  <T>(rule: Rule<T>): Rule<T[]> =>
  (value, path, issues) => {
    if (!Array.isArray(value)) {
      report(issues, path, "expected array");
      return value as T[];
    }
    // A for loop, not map(): map skips the holes of a sparse array.
    const out: T[] = [];
    for (let index = 0; index < value.length; index++) {
      out.push(rule(value[index], [...path, index], issues));
    }
    return out;
  };

// As zod's: an object whose constructor, if any, is some realm's Object (or a look-alike).
function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (!isObject(value)) return false;
  const ctor = value.constructor;
  if (typeof ctor !== "function") return true;
  const proto: unknown = ctor.prototype;
  return isObject(proto) && Object.hasOwn(proto, "isPrototypeOf");
}

/** A plain object whose values all pass the rule, under any keys. */
export const record =
  <T>(rule: Rule<T>): Rule<Record<string, T>> =>
  (value, path, issues) => {
    if (!isPlainObject(value)) {
      report(issues, path, "expected record");
      return value as Record<string, T>;
    }
    const out: Record<string, T> = {};
    for (const key of Object.keys(value)) {
      if (key !== "__proto__") out[key] = rule(value[key], [...path, key], issues);
    }
    return out;
  };

/**
 * An object with the given keys. Other keys are rejected (`"strict"`), kept as they are
 * (`"loose"`) or checked by a rule.
 */
export function object<S extends Shape>(
  shape: S,
  others: "strict" | "loose" | Rule<unknown> = "strict",
): Rule<ObjectOf<S>> {
  return (value, path, issues) => {
    if (!isObject(value)) {
      report(issues, path, "expected object");
      return value as ObjectOf<S>;
    }
    const out: Record<string, unknown> = {};
    for (const [key, rule] of Object.entries(shape)) {
      const kept = rule(value[key], [...path, key], issues);
      if (kept !== undefined || key in value) out[key] = kept;
    }
    const unknown: string[] = [];
    for (const key in value) {
      if (Object.hasOwn(shape, key)) continue;
      if (others === "strict") unknown.push(key);
      else if (key === "__proto__") continue;
      else out[key] = others === "loose" ? value[key] : others(value[key], [...path, key], issues);
    }
    if (unknown.length) {
      report(
        issues,
        path,
        `unknown option(s) ${unknown.map((key) => `"${key}"`).join(", ")}`,
        false,
      );
    }
    return out as ObjectOf<S>;
  };
}

/** The rule plus a whole-value test, run only when the value has the right types. */
export const refine =
  <T>(rule: Rule<T>, test: (value: T) => boolean, text: string): Rule<T> =>
  (value, path, issues) => {
    const start = issues.length;
    const kept = rule(value, path, issues);
    const typed = !issues.slice(start).some((issue) => issue.fatal);
    if (typed && !test(kept)) report(issues, path, text, false);
    return kept;
  };

/** An object checked by the rule its `key` names, like a discriminated union. */
export const tagged =
  (key: string, rules: Record<string, Rule<unknown>>): Rule<unknown> =>
  (value, path, issues) => {
    if (!isObject(value)) {
      report(issues, path, "expected object");
      return value;
    }
    const tag = value[key];
    const rule = typeof tag === "string" && Object.hasOwn(rules, tag) ? rules[tag] : undefined;
    if (rule) return rule(value, path, issues);
    report(issues, [...path, key], `expected one of ${quoted(Object.keys(rules))}`);
    return value;
  };
