// @vitest-environment node
import { toPlainJson } from "../../../src/bridge/toPlainJson.js";

class Token {
  constructor(readonly value: string) {}
  describe() {
    return this.value;
  }
}

describe("toPlainJson", () => {
  it("drops functions and undefined values, keeps null", () => {
    const result = toPlainJson({ a: 1, b: undefined, c: () => 1, d: null, e: [undefined, 2] });
    expect(result).toEqual({ a: 1, d: null, e: [null, 2] });
    expect(Object.hasOwn(result, "b")).toBe(false);
  });

  it("flattens class instances into plain objects without methods", () => {
    const result = toPlainJson({ token: new Token("x") });
    expect(Object.getPrototypeOf(result.token)).toBe(Object.prototype);
    expect(result.token).toEqual({ value: "x" });
    expect(() => structuredClone(result)).not.toThrow();
  });

  it("uses toJSON where a value provides it (errors, dates)", () => {
    const date = new Date(Date.UTC(2030, 0, 1));
    const error = { toJSON: () => ({ code: "network" }) };
    expect(toPlainJson({ date, error })).toEqual({
      date: date.toISOString(),
      error: { code: "network" },
    });
  });

  it("turns bigints into strings and cycles into an empty object", () => {
    expect(toPlainJson({ n: 10n })).toEqual({ n: "10" });
    const cyclic: Record<string, unknown> = { a: 1 };
    cyclic.self = cyclic;
    expect(toPlainJson(cyclic)).toEqual({});
  });

  it("never returns a non-object", () => {
    expect(toPlainJson("text")).toEqual({});
    expect(toPlainJson([1, 2])).toEqual({});
    expect(toPlainJson(undefined)).toEqual({});
    expect(toPlainJson(() => 1)).toEqual({});
  });
});
