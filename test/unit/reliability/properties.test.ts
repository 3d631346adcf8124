// @vitest-environment node
// Properties over thousands of generated inputs: nothing the network, storage or a host
// page hands the kit makes it throw anything but an AuthError, or leak what it was given.
import fc from "fast-check";
import { vi } from "vitest";
import { AUTH_ERROR_CODES, isAuthError } from "../../../src/core/AuthError.js";
import type { AuthAdapter } from "../../../src/core/adapter.js";
import { createAuthClient } from "../../../src/core/createAuthClient.js";
import { decodeJwt } from "../../../src/core/jwt.js";
import { isSession, parseStoredSession } from "../../../src/core/storage.js";
import type { Session } from "../../../src/core/types.js";
import { createLoginSchema } from "../../../src/react/schemas.js";
import { emailArb, type Reply, replyArb, SECRET, toResponse } from "./arbitraries.js";
import { ADAPTER_NAMES, buildAdapter } from "./faultCells.js";
import { expectConsistent, guardConsoleAndRejections } from "./guards.js";

guardConsoleAndRejections();

const RUNS = 2000;
// 2,000 runs take about 3 s on an idle core; a busy 2-core CI machine can need twice that.
vi.setConfig({ testTimeout: 30_000 });
const base64url = (text: string) => Buffer.from(text).toString("base64url");

describe("decodeJwt", () => {
  it("never throws on any value, and returns undefined or a plain claims object", () => {
    fc.assert(
      fc.property(fc.oneof(fc.string(), fc.anything()), (input) => {
        const claims = decodeJwt(input as string);
        expect(claims === undefined || (typeof claims === "object" && claims !== null)).toBe(true);
      }),
      { numRuns: RUNS },
    );
  });

  it("never throws on three-part tokens of arbitrary segments, and keeps only well-typed claims", () => {
    const segment = fc.oneof(
      fc.jsonValue().map((value) => base64url(JSON.stringify(value) ?? "")),
      fc.uint8Array({ maxLength: 40 }).map((bytes) => Buffer.from(bytes).toString("base64url")),
      fc.string(),
      fc.constant(""),
    );
    fc.assert(
      fc.property(segment, segment, segment, (a, b, c) => {
        const claims = decodeJwt(`${a}.${b}.${c}`);
        if (claims === undefined) return;
        expect(Array.isArray(claims)).toBe(false);
        if ("exp" in claims) expect(Number.isFinite(claims.exp)).toBe(true);
        if ("sub" in claims) expect(typeof claims.sub).toBe("string");
        if ("email" in claims) expect(typeof claims.email).toBe("string");
      }),
      { numRuns: RUNS },
    );
  });

  it("reads back the exp and sub it was given", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 2 ** 40 }), fc.string(), (exp, sub) => {
        const token = `${base64url("{}")}.${base64url(JSON.stringify({ exp, sub }))}.sig`;
        expect(decodeJwt(token)).toEqual({ exp, sub });
      }),
      { numRuns: RUNS },
    );
  });
});

const PASSWORD = "pw-SECRET-typed";
const SESSION: Session = {
  accessToken: "at-SECRET-access",
  refreshToken: "rt-SECRET-refresh",
  expiresAt: Date.UTC(2030, 0, 1),
  tokenType: "bearer",
  user: { id: "u1" },
  provider: "any",
};
const ACTIONS = ["signUp", "signIn", "refresh", "signOut"] as const;

function act(adapter: AuthAdapter, action: (typeof ACTIONS)[number], email: string) {
  switch (action) {
    case "signUp":
      return adapter.signUp({ email, password: PASSWORD });
    case "signIn":
      return adapter.signIn({ email, password: PASSWORD });
    case "refresh":
      return adapter.refresh(SESSION.refreshToken as string);
    case "signOut":
      return adapter.signOut(SESSION);
  }
}

describe.each(ADAPTER_NAMES.filter((name) => name !== "demo"))("%s reply mapping", (name) => {
  it("rejects only with an AuthError that holds no token, password or body text", async () => {
    await fc.assert(
      fc.asyncProperty(
        replyArb,
        fc.constantFrom(...ACTIONS),
        emailArb,
        async (reply, action, email) => {
          const adapter = buildAdapter(name, async () => toResponse(reply as Reply));
          let result: unknown;
          try {
            result = await act(adapter, action, email);
          } catch (error) {
            if (!isAuthError(error)) throw new Error(`${action} threw ${String(error)}`);
            expect(AUTH_ERROR_CODES).toContain(error.code);
            const text = `${error.message} ${JSON.stringify(error)}`;
            for (const secret of [SECRET, PASSWORD, SESSION.accessToken, SESSION.refreshToken]) {
              expect(text).not.toContain(secret);
            }
            return;
          }
          // Whatever resolves is a usable session (or sign-up's confirmation, or nothing).
          if (action === "signIn" || action === "refresh") expect(isSession(result)).toBe(true);
          if (action === "signUp") {
            const value = result as { kind: string; session?: unknown };
            if (value.kind === "session") expect(isSession(value.session)).toBe(true);
            else expect(value.kind).toBe("confirmation_required");
          }
        },
      ),
      { numRuns: RUNS },
    );
  });
});

describe("stored sessions", () => {
  const sessionLike = fc.record(
    {
      accessToken: fc.oneof(fc.string(), fc.anything()),
      refreshToken: fc.oneof(fc.string(), fc.anything()),
      expiresAt: fc.oneof(fc.double(), fc.integer(), fc.anything()),
      tokenType: fc.oneof(fc.constant("bearer"), fc.anything()),
      provider: fc.oneof(fc.string(), fc.anything()),
      user: fc.oneof(fc.record({ id: fc.anything(), email: fc.anything() }), fc.anything()),
    },
    { requiredKeys: [] },
  );
  const raw = fc.oneof(
    fc.string(),
    sessionLike.map((value) => JSON.stringify(value) ?? ""),
    fc.jsonValue().map((value) => JSON.stringify(value)),
  );

  it("parse to a valid session or to nothing, never a throw", () => {
    fc.assert(
      fc.property(raw, (text) => {
        const parsed = parseStoredSession(text);
        if (parsed !== undefined) expect(isSession(parsed)).toBe(true);
      }),
      { numRuns: RUNS },
    );
  });

  it("let the engine start from whatever is stored, in a consistent state", async () => {
    const adapter = buildAdapter("demo", async () => new Response(null));
    await fc.assert(
      fc.asyncProperty(raw, async (text) => {
        const storage = {
          getItem: () => text,
          setItem: () => {},
          removeItem: () => {},
        };
        const client = createAuthClient({ adapter, storage, crossTab: false });
        const stop = client.start();
        expectConsistent(client.getState());
        await client.getAccessToken();
        stop();
        expectConsistent(client.getState());
      }),
      { numRuns: 500 },
    );
  });
});

describe("emailArb", () => {
  it("makes addresses the login schema accepts", () => {
    const schema = createLoginSchema();
    fc.assert(
      fc.property(emailArb, (email) => {
        expect(schema.safeParse({ email, password: "x" }).success).toBe(true);
      }),
      { numRuns: RUNS },
    );
  });
});
