import { AuthError } from "../core/AuthError.js";

// The check of a provider's options, small enough to ship inside every provider: each
// factory runs its provider's shape, and createAdapter runs the same factory, so both entry
// points accept and reject the same configs with the same words. (The REST adapter's larger
// config and the widget's model use the fuller rules of validate.ts.)

/** Says what is wrong with one option (never its value), or undefined when it is fine. */
export type Check = (value: unknown) => string | undefined;

/** The options a provider takes: a check per key, a nested shape, or `[shape]` for a list. */
export interface Shape {
  readonly [key: string]: Check | Shape | readonly [Shape];
}

/** True for a non-null, non-array object. */
export const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === "object" && value !== null && !Array.isArray(value);

/** A non-blank string. */
export const text: Check = (value) =>
  typeof value !== "string" ? "expected string" : value.trim() ? undefined : "must not be empty";

/** The check, or nothing. */
export const optional =
  (check: Check): Check =>
  (value) =>
    value === undefined ? undefined : check(value);

/** A finite number above `low` (or at least `low` when `orEqual`). */
export const above =
  (low: number, orEqual?: boolean): Check =>
  (value) =>
    typeof value !== "number" || !Number.isFinite(value)
      ? "expected number"
      : value > low || (orEqual && value === low)
        ? undefined
        : `must be at least ${low}`;

/** One of the given strings. */
export const oneOf =
  (values: readonly string[]): Check =>
  (value) =>
    values.includes(value as string)
      ? undefined
      : `expected one of ${values.map((v) => `"${v}"`).join(", ")}`;

/** A URL as it is used: trimmed, without the tabs and newlines the URL parser ignores. */
export const cleanUrl = (value: string): string => value.trim().replace(/[\t\n\r]/g, "");

/** `localhost` (and its subdomains) and the loopback addresses: http there stays on the machine. */
export const isLoopback = (host: string): boolean =>
  /(^|\.)localhost$|^127(\.\d{1,3}){3}$|^\[::1\]$/i.test(host);

/**
 * An absolute `https:` URL (`http:` only on a loopback host, so no password travels in
 * cleartext), with no user name or password in it.
 */
export const url: Check = (value) => {
  if (typeof value !== "string") return "expected string";
  let parsed: URL;
  try {
    parsed = new URL(cleanUrl(value));
  } catch {
    return "must be a valid url";
  }
  if (parsed.username || parsed.password) return "must not contain a user name or password";
  return parsed.protocol === "https:" ||
    (parsed.protocol === "http:" && isLoopback(parsed.hostname))
    ? undefined
    : "must be an https url (http only on localhost)";
};

function check(shape: Shape, value: unknown, at: string, problems: string[], loose?: boolean) {
  if (!isObject(value)) return problems.push(`${at ? `"${at}" ` : ""}expected object`);
  for (const key of Object.keys(shape)) {
    const rule = shape[key] as Shape[string];
    const path = at ? `${at}.${key}` : key;
    const given = value[key];
    if (typeof rule === "function") {
      const problem = rule(given);
      if (problem) problems.push(`"${path}" ${problem}`);
    } else if (given === undefined) {
    } else if (Array.isArray(rule)) {
      if (!Array.isArray(given)) problems.push(`"${path}" expected array`);
      // An index loop, not forEach: forEach skips the holes of a sparse array.
      else
        for (let i = 0; i < given.length; i++)
          check(rule[0], given[i], `${path}.${i}`, problems, true);
    } else check(rule as Shape, given, path, problems);
  }
  const unknown = loose ? [] : Object.keys(value).filter((key) => !Object.hasOwn(shape, key));
  if (unknown.length > 0) {
    problems.push(
      `${at ? `"${at}" ` : ""}unknown option(s) ${unknown.map((k) => `"${k}"`).join(", ")}`,
    );
  }
}

const PORTS = { fetch: 1, clock: 1, timers: 1 };
const timeoutMs = optional(above(0));

/**
 * A factory's options checked against its provider's shape, plus the shared `timeoutMs`;
 * ports (`fetch`, `clock`, `timers`) are not JSON and are left out. Throws `invalid_config`
 * naming each problem and where it is.
 */
export function checkOptions<T>(shape: Shape, options: T, provider: string): T {
  const problems: string[] = [];
  const json = isObject(options)
    ? Object.fromEntries(Object.entries(options).filter(([key]) => !Object.hasOwn(PORTS, key)))
    : options;
  check({ ...shape, timeoutMs }, json, "", problems);
  if (problems.length > 0) {
    throw new AuthError("invalid_config", {
      provider,
      message: `Invalid ${provider} configuration: ${problems.join("; ")}.`,
    });
  }
  return options;
}
