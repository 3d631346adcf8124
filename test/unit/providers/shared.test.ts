// @vitest-environment node
import {
  expiresAtFrom,
  ownCode,
  readPath,
  readTokens,
  userFromRecord,
} from "../../../src/providers/shared.js";

const b64 = (value: unknown) => Buffer.from(JSON.stringify(value)).toString("base64url");
const jwt = (claims: object) => `${b64({ alg: "none" })}.${b64(claims)}.`;

describe("readPath", () => {
  const value = { data: { tokens: [{ access: "a" }], n: 0 }, "": 1 };
  it.each([
    ["data.tokens.0.access", "a"],
    ["data.n", 0],
    ["data.tokens.1.access", undefined],
    ["data.missing.deeper", undefined],
    ["data.tokens.length", undefined],
    ["constructor", undefined],
    ["", value],
  ])("%s → %j", (path, expected) => {
    expect(readPath(value, path)).toEqual(expected);
  });
});

describe("expiresAtFrom", () => {
  const now = 1_000_000;
  it.each([
    [{ expiresIn: 60 }, now + 60_000],
    [{ expiresIn: "3600" }, now + 3_600_000],
    [{ expiresAt: 2_000 }, 2_000_000],
    [{ expiresIn: "soon", expiresAt: 2_000 }, 2_000_000],
    [{}, 5_000_000],
    [{ expiresIn: null }, 5_000_000],
  ])("%j → %s (JWT exp 5000 as fallback)", (input, expected) => {
    expect(expiresAtFrom({ ...input, accessToken: jwt({ exp: 5_000 }), now })).toBe(expected);
  });

  it("counts a JWT's lifetime (exp - iat) from this clock, so a fast device clock is harmless", () => {
    // The device clock runs 10 minutes ahead of the server that issued a 5-minute token.
    const issued = 1_000_000;
    const deviceNow = issued * 1000 + 600_000;
    const accessToken = jwt({ iat: issued, exp: issued + 300 });
    expect(expiresAtFrom({ accessToken, now: deviceNow })).toBe(deviceNow + 300_000);
  });

  it("is undefined when nothing gives an expiry", () => {
    expect(expiresAtFrom({ accessToken: "opaque", now })).toBeUndefined();
  });

  it("ignores an expiry beyond what a Date can hold instead of returning Infinity", () => {
    expect(expiresAtFrom({ expiresIn: 1.7e305, accessToken: "opaque", now })).toBeUndefined();
    expect(expiresAtFrom({ expiresAt: 1e300, accessToken: "opaque", now })).toBeUndefined();
  });
});

describe("readTokens", () => {
  it("returns the tokens and rejects a missing, empty or header-unsafe one as invalid_response", () => {
    expect(readTokens("p", { accessToken: "tok", refreshToken: "r" }, 0)).toEqual({
      accessToken: "tok",
      refreshToken: "r",
      tokenType: "bearer",
    });
    for (const value of ["", undefined, 5, null, "a\r\nb", "<b>x</b>", "a b", "é"]) {
      expect(() => readTokens("p", { accessToken: value }, 0)).toThrow(
        expect.objectContaining({ code: "invalid_response", provider: "p" }),
      );
      if (value === "" || value === undefined || value === null) continue;
      expect(() => readTokens("p", { accessToken: "a", refreshToken: value }, 0)).toThrow(
        expect.objectContaining({ code: "invalid_response" }),
      );
    }
  });

  it("keeps the given refresh token when the reply has none, unless one is required", () => {
    expect(readTokens("p", { accessToken: "a" }, 0, { keep: "old" }).refreshToken).toBe("old");
    expect(() => readTokens("p", { accessToken: "a" }, 0, { required: true })).toThrow(
      expect.objectContaining({ code: "invalid_response" }),
    );
  });
});

describe("ownCode", () => {
  it("reads own keys only", () => {
    const table = { known: 1 };
    expect(ownCode(table, "known")).toBe(1);
    for (const code of ["constructor", "__proto__", "toString", undefined, 3]) {
      expect(ownCode(table, code)).toBeUndefined();
    }
  });
});

describe("userFromRecord", () => {
  it("normalises the id to a string and drops credential-like fields", () => {
    const user = userFromRecord({
      id: 7,
      email: "a@b.co",
      name: "A",
      authToken: "t",
      password_hash: "x",
    });
    expect(user).toEqual({ id: "7", email: "a@b.co", name: "A" });
  });

  it("falls back to the token's claims, then to the given email", () => {
    expect(userFromRecord(undefined, { accessToken: jwt({ sub: "s1", email: "c@d.co" }) })).toEqual(
      {
        id: "s1",
        email: "c@d.co",
      },
    );
    expect(userFromRecord({}, { email: "e@f.co" })).toEqual({ id: "e@f.co", email: "e@f.co" });
    expect(userFromRecord({ localId: "L" })).toEqual({ id: "L", localId: "L" });
    expect(userFromRecord({ uid: "x", user_id: 3 }, { idKeys: ["user_id"] }).id).toBe("3");
  });

  it("throws invalid_response when no id can be found", () => {
    expect(() => userFromRecord({ name: "nobody" }, { provider: "p" })).toThrow(
      expect.objectContaining({ code: "invalid_response" }),
    );
  });
});
