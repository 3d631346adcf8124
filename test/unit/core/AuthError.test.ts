import {
  AUTH_ERROR_CODES,
  AuthError,
  isAuthError,
  isTransientError,
  toAuthError,
} from "../../../src/core/AuthError.js";

describe("AuthError", () => {
  it("carries a code, status and a safe default message", () => {
    const error = new AuthError("invalid_credentials", { status: 400, provider: "supabase" });
    expect(error.code).toBe("invalid_credentials");
    expect(error.status).toBe(400);
    expect(error.message).toBe("The email or password is incorrect.");
    expect(error).toBeInstanceOf(Error);
  });

  it("is recognised by its brand, even from another copy of the class", () => {
    const foreign = Object.assign(new Error("x"), {
      [Symbol.for("appsmith-auth-kit.AuthError")]: true,
    });
    expect(isAuthError(foreign)).toBe(true);
    expect(isAuthError(new Error("x"))).toBe(false);
    expect(isAuthError(null)).toBe(false);
    expect(isAuthError({ code: "network" })).toBe(false);
  });

  it("has a message for every code", () => {
    for (const code of AUTH_ERROR_CODES)
      expect(new AuthError(code).message.length).toBeGreaterThan(10);
  });

  it("classifies transient errors", () => {
    expect(isTransientError(new AuthError("network"))).toBe(true);
    expect(isTransientError(new AuthError("provider_error", { status: 503 }))).toBe(true);
    expect(isTransientError(new AuthError("provider_error", { status: 400 }))).toBe(false);
    expect(isTransientError(new AuthError("session_expired", { status: 400 }))).toBe(false);
  });

  it("wraps foreign values and keeps AuthErrors", () => {
    const original = new AuthError("timeout");
    expect(toAuthError(original)).toBe(original);
    const wrapped = toAuthError(new TypeError("boom"), "network");
    expect(wrapped.code).toBe("network");
    expect(wrapped.cause).toBeInstanceOf(TypeError);
    expect(JSON.stringify(wrapped)).toBe(
      '{"code":"network","message":"Could not reach the sign-in service. Check your connection and try again."}',
    );
  });

  it("turns into its safe fields only as JSON, never its cause", () => {
    const error = new AuthError("rate_limited", {
      status: 429,
      provider: "supabase",
      retryAfterMs: 5_000,
      message: "Slow down.",
      cause: new Error("refresh_token=secret"),
    });
    expect(error.toJSON()).toEqual({
      code: "rate_limited",
      message: "Slow down.",
      status: 429,
      provider: "supabase",
      retryAfterMs: 5_000,
    });
    expect(Object.keys(error.toJSON())).not.toContain("cause");
    expect(JSON.stringify(error)).not.toContain("secret");
    const weak = new AuthError("weak_password", { reasons: ["length"] });
    expect(weak.toJSON()).toEqual({
      code: "weak_password",
      message: weak.message,
      reasons: ["length"],
    });
  });
});
