import { AuthError } from "../core/AuthError.js";
import type { Issue, Rule } from "./validate.js";

/**
 * Validates a plain-JSON configuration, throwing an `invalid_config` AuthError that names
 * each problem and where it is, but never the offending value (it may be a key or secret).
 */
export function parseConfig<T>(rule: Rule<T>, value: unknown, what: string): T {
  const issues: Issue[] = [];
  const kept = rule(value, [], issues);
  if (issues.length === 0) return kept;
  const problems = issues.map(({ path, text }) =>
    path.length === 0 ? text : `"${path.join(".")}" ${text}`,
  );
  throw new AuthError("invalid_config", {
    message: `Invalid ${what} configuration: ${problems.join("; ")}.`,
  });
}
