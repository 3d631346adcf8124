// @vitest-environment node
import { isAuthError } from "../../../src/core/AuthError.js";
import { parseConfig } from "../../../src/providers/parseConfig.js";
import {
  array,
  integer,
  nonEmpty,
  number,
  object,
  oneOf,
  optional,
  record,
  refine,
  string,
  tagged,
  url,
  withDefault,
} from "../../../src/providers/validate.js";

function problems(run: () => unknown): string {
  try {
    run();
  } catch (error) {
    if (isAuthError(error) && error.code === "invalid_config") return error.message;
    throw error;
  }
  throw new Error("expected an invalid_config error");
}

describe("validate", () => {
  it("keeps URLs trimmed, fills defaults, and passes loose keys through", () => {
    const rule = object(
      { url, view: withDefault(oneOf(["a", "b"]), "a"), note: optional(string()) },
      "loose",
    );
    expect(parseConfig(rule, { url: " https://a.test/x\n ", extra: 1 }, "t")).toStrictEqual({
      url: "https://a.test/x",
      view: "a",
      extra: 1,
    });
  });

  it("lists every problem by path in key order, unknown keys last, without values", () => {
    const rule = object({
      url,
      key: nonEmpty,
      n: optional(number({ above: 0 })),
      list: array(object({ id: string() }, "loose")),
      tags: optional(record(oneOf(["x"]))),
    });
    const message = problems(() =>
      parseConfig(
        rule,
        { zz: "sk_secret", url: "sk_secret", key: "", n: 0, list: [{}, 3], tags: { t: "y" } },
        "demo",
      ),
    );
    expect(message).toBe(
      'Invalid demo configuration: "url" must be a valid url; "key" must not be empty; ' +
        '"n" must be at least 0; "list.0.id" expected string; "list.1" expected object; ' +
        '"tags.t" expected one of "x"; unknown option(s) "zz".',
    );
    expect(message).not.toContain("sk_secret");
  });

  it("checks each slot of a sparse array", () => {
    // biome-ignore lint/suspicious/noSparseArray: the hole is the point
    const sparse = [, "a"];
    expect(problems(() => parseConfig(array(nonEmpty), sparse, "t"))).toMatch(
      /"0" expected string/,
    );
  });

  it("checks integers, bounds and the safe range", () => {
    const rule = integer({ min: 1, max: 10 });
    expect(problems(() => parseConfig(rule, 1.5, "t"))).toMatch(/: expected int\.$/);
    expect(problems(() => parseConfig(rule, 0, "t"))).toMatch(/must be at least 1\.$/);
    expect(problems(() => parseConfig(rule, 11, "t"))).toMatch(/must be at most 10\.$/);
    expect(problems(() => parseConfig(rule, 1e20, "t"))).toMatch(
      /must be at most 9007199254740991; must be at most 10\.$/,
    );
    expect(problems(() => parseConfig(rule, Number.NaN, "t"))).toMatch(/expected number/);
  });

  it("runs a refinement only when the types are right", () => {
    const rule = refine(
      object({ a: optional(string()), b: optional(nonEmpty) }),
      (value) => value.a !== undefined || value.b !== undefined,
      'needs "a" or "b"',
    );
    expect(problems(() => parseConfig(rule, {}, "t"))).toMatch(/: needs "a" or "b"\.$/);
    // An empty string is a continuable problem: the refinement still runs, and passes.
    expect(problems(() => parseConfig(rule, { b: "" }, "t"))).toMatch(/"b" must not be empty\.$/);
    // A wrong type stops it.
    expect(problems(() => parseConfig(rule, { a: 1 }, "t"))).toMatch(/"a" expected string\.$/);
  });

  it("picks the rule a tag names and lists the tags otherwise", () => {
    const rule = tagged("kind", {
      one: object({ kind: string(), x: nonEmpty }),
      two: object({ kind: string() }),
    });
    expect(parseConfig(rule, { kind: "two" }, "t")).toStrictEqual({ kind: "two" });
    expect(problems(() => parseConfig(rule, { kind: "one" }, "t"))).toMatch(/"x" expected string/);
    expect(problems(() => parseConfig(rule, { kind: "toString" }, "t"))).toMatch(
      /"kind" expected one of "one", "two"/,
    );
    expect(problems(() => parseConfig(rule, [], "t"))).toMatch(/: expected object\.$/);
  });

  it("treats inherited names as unknown keys, not as rules", () => {
    expect(problems(() => parseConfig(object({}), { constructor: 1 }, "t"))).toMatch(
      /unknown option\(s\) "constructor"/,
    );
  });
});
