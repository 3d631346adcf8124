import { AuthError } from "../core/AuthError.js";
import { type Issue, isObject, number, optional, type Rule } from "./validate.js";

function fail(issues: Issue[], what: string): never {
  const problems = issues.map(({ path, text }) =>
    path.length === 0 ? text : `"${path.join(".")}" ${text}`,
  );
  throw new AuthError("invalid_config", {
    message: `Invalid ${what} configuration: ${problems.join("; ")}.`,
  });
}

/**
 * Validates a plain-JSON configuration, throwing an `invalid_config` AuthError that names
 * each problem and where it is, but never the offending value (it may be a key or secret).
 */
export function parseConfig<T>(rule: Rule<T>, value: unknown, what: string): T {
  const issues: Issue[] = [];
  const kept = rule(value, [], issues);
  if (issues.length > 0) fail(issues, what);
  return kept;
}

const timeoutRule = optional(number({ above: 0 }));

/** The options every factory takes besides its JSON config: ports, which cannot be JSON. */
export interface PortOptions {
  fetch?: unknown;
  clock?: unknown;
  timers?: unknown;
}

/**
 * A provider factory's options checked by the provider's config rule (the one
 * `createAdapter` runs too), plus the shared `timeoutMs`; the ports are left out of the check.
 */
export function parseOptions<T>(
  rule: Rule<T>,
  options: unknown,
  provider: string,
): T & { timeoutMs?: number } {
  const issues: Issue[] = [];
  let json = options;
  let timeoutMs: number | undefined;
  if (isObject(options)) {
    const { fetch: _f, clock: _c, timers: _t, timeoutMs: timeout, ...rest } = options;
    json = rest;
    timeoutMs = timeoutRule(timeout, ["timeoutMs"], issues);
  }
  const kept = rule(json, [], issues);
  if (issues.length > 0) fail(issues, provider);
  return (timeoutMs === undefined ? kept : { ...kept, timeoutMs }) as T & { timeoutMs?: number };
}
