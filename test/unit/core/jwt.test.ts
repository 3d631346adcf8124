import { decodeJwt, jwtExpiresAt } from "../../../src/core/jwt.js";
import { makeJwt } from "./fakeAdapter.js";

describe("decodeJwt", () => {
  it("reads exp, sub and email from the payload", () => {
    const token = makeJwt({ exp: 1_900_000_000, sub: "u-1", email: "a@b.co", role: "x" });
    expect(decodeJwt(token)).toEqual({
      exp: 1_900_000_000,
      sub: "u-1",
      email: "a@b.co",
      role: "x",
    });
    expect(jwtExpiresAt(token)).toBe(1_900_000_000_000);
  });

  it("decodes UTF-8 names, not Latin-1 mojibake", () => {
    const token = makeJwt({ sub: "u", name: "Zoë Ærøskøbing 山田 🚀" });
    expect(decodeJwt(token)?.name).toBe("Zoë Ærøskøbing 山田 🚀");
  });

  it("accepts base64url without padding and with - and _", () => {
    // {"sub":"??>"} encodes to a payload whose base64 has '+' / '/' and padding.
    const payload = Buffer.from(JSON.stringify({ sub: "??>~~" })).toString("base64url");
    expect(payload).toMatch(/[-_]/);
    expect(payload).not.toContain("=");
    for (const tail of ["", "a", "ab"]) {
      const withLength = Buffer.from(JSON.stringify({ sub: `x${tail}` })).toString("base64url");
      expect(decodeJwt(`h.${withLength}.s`)?.sub).toBe(`x${tail}`);
    }
    expect(decodeJwt(`h.${payload}.s`)?.sub).toBe("??>~~");
  });

  it("returns undefined for garbage, never throws", () => {
    const garbage = [
      "",
      "abc",
      "a.b",
      "a.b.c.d",
      "a..c",
      "a.!!!.c",
      `a.${Buffer.from("not json").toString("base64url")}.c`,
      `a.${Buffer.from("[1,2]").toString("base64url")}.c`,
      `a.${Buffer.from("42").toString("base64url")}.c`,
      `a.${Buffer.from("null").toString("base64url")}.c`,
      `a.${Buffer.from([0xff, 0xfe, 0x7b]).toString("base64url")}.c`,
      "a.abcde.c",
      undefined as unknown as string,
    ];
    for (const token of garbage) expect(decodeJwt(token)).toBeUndefined();
  });

  it("drops standard claims of the wrong type", () => {
    const decoded = decodeJwt(makeJwt({ exp: "soon", sub: 7, email: null, other: 1 }));
    expect(decoded).toEqual({ other: 1 });
    expect(jwtExpiresAt(makeJwt({ exp: "soon" }))).toBeUndefined();
    expect(jwtExpiresAt("opaque-token")).toBeUndefined();
    expect(jwtExpiresAt(makeJwt({ exp: 1e300 }))).toBeUndefined();
  });
});
