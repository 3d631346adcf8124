import { AuthError } from "../../../src/core/AuthError.js";
import { plainEvent } from "../../../src/core/events.js";
import { makeSession } from "./fakeAdapter.js";

describe("plainEvent", () => {
  it("turns an error into { code, message, status } with nothing else", () => {
    const error = new AuthError("invalid_credentials", {
      status: 400,
      cause: new Error("raw body"),
    });
    const plain = plainEvent({ type: "error", action: "sign_in", error });
    expect(plain).toEqual({
      type: "error",
      action: "sign_in",
      error: { code: "invalid_credentials", message: error.message, status: 400 },
    });
    expect(Object.getPrototypeOf((plain as { error: object }).error)).toBe(Object.prototype);
    const withoutStatus = plainEvent({
      type: "error",
      action: "refresh",
      error: new AuthError("network"),
    });
    expect(withoutStatus).toEqual({
      type: "error",
      action: "refresh",
      error: { code: "network", message: new AuthError("network").message },
    });
  });

  it("copies sessions to plain JSON, dropping what JSON cannot hold", () => {
    const session = makeSession({
      user: { id: "u", email: "a@b.co", when: new Date(0), callback: () => 1 },
    });
    const plain = plainEvent({ type: "signed_in", session });
    expect(plain).toEqual({
      type: "signed_in",
      session: { ...session, user: { id: "u", email: "a@b.co", when: "1970-01-01T00:00:00.000Z" } },
    });
    expect(plain.type === "signed_in" && plain.session).not.toBe(session);
    expect(() => structuredClone(plain)).not.toThrow();
  });

  it("keeps id and email when the user object cannot be serialised", () => {
    const user: Record<string, unknown> = { id: "u", email: "a@b.co", big: 1n };
    user.self = user;
    const plain = plainEvent({
      type: "signed_up",
      session: null,
      needsConfirmation: true,
      user: user as { id: string },
    });
    expect(plain).toEqual({
      type: "signed_up",
      session: null,
      needsConfirmation: true,
      user: { id: "u", email: "a@b.co" },
    });
  });

  it("passes signed_out reasons and token_refreshed sessions through", () => {
    expect(plainEvent({ type: "signed_out", reason: "revoked" })).toEqual({
      type: "signed_out",
      reason: "revoked",
    });
    const session = makeSession();
    expect(plainEvent({ type: "token_refreshed", session })).toEqual({
      type: "token_refreshed",
      session,
    });
  });
});
