import type { core } from "zod/mini";
import { safeParse } from "zod/mini";
import { AuthError } from "../core/AuthError.js";

type Issue = core.$ZodIssue;

function describeIssue(issue: Issue): string {
  switch (issue.code) {
    case "invalid_type":
      return `expected ${issue.expected}`;
    case "invalid_value":
      return `expected one of ${issue.values.map((value) => JSON.stringify(value)).join(", ")}`;
    case "invalid_union":
      return "options" in issue && Array.isArray(issue.options)
        ? `expected one of ${issue.options.map((value) => JSON.stringify(value)).join(", ")}`
        : "does not match any allowed shape";
    case "unrecognized_keys":
      return `unknown option(s) ${issue.keys.map((key) => `"${key}"`).join(", ")}`;
    case "too_small":
      return issue.origin === "string" ? "must not be empty" : `must be at least ${issue.minimum}`;
    case "too_big":
      return `must be at most ${issue.maximum}`;
    case "invalid_format":
      return `must be a valid ${issue.format}`;
    default:
      // Custom checks carry their own fixed wording; it never echoes the input.
      return issue.message;
  }
}

/**
 * Validates a plain-JSON configuration, throwing an `invalid_config` AuthError that names
 * each problem and where it is, but never the offending value (it may be a key or secret).
 */
export function parseConfig<T>(schema: core.$ZodType<T>, value: unknown, what: string): T {
  const result = safeParse(schema, value);
  if (result.success) return result.data;
  const problems = result.error.issues.map((issue) => {
    const where = issue.path.length === 0 ? "" : `"${issue.path.map(String).join(".")}" `;
    return `${where}${describeIssue(issue)}`;
  });
  throw new AuthError("invalid_config", {
    message: `Invalid ${what} configuration: ${problems.join("; ")}.`,
  });
}
