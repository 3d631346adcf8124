// @vitest-environment node
import { AuthError } from "../../../src/core/AuthError.js";
import type { Session } from "../../../src/core/types.js";
import { eventToTrigger, stateToModel } from "../../../src/widget/hostSync.js";

const session: Session = {
  accessToken: "access",
  refreshToken: "refresh",
  expiresAt: 1_900_000_000_000,
  tokenType: "bearer",
  user: { id: "u1", email: "a@example.com", raw: { nested: true } },
  provider: "firebase",
};

describe("eventToTrigger", () => {
  it("gives onSignup the tokens, or needsConfirmation and no tokens", () => {
    expect(
      eventToTrigger({ type: "signed_up", session, needsConfirmation: false, user: session.user }),
    ).toEqual({
      name: "onSignup",
      context: {
        accessToken: "access",
        refreshToken: "refresh",
        expiresAt: 1_900_000_000_000,
        user: { id: "u1", email: "a@example.com" },
        needsConfirmation: false,
      },
    });
    expect(
      eventToTrigger({
        type: "signed_up",
        session: null,
        needsConfirmation: true,
        user: { id: "u2" },
      }),
    ).toEqual({
      name: "onSignup",
      context: { needsConfirmation: true, user: { id: "u2", email: null } },
    });
  });

  it("maps sign-in, refresh, sign-out and errors to their events", () => {
    const withoutRefresh = { ...session };
    delete withoutRefresh.refreshToken;
    expect(eventToTrigger({ type: "signed_in", session: withoutRefresh }).context).toMatchObject({
      refreshToken: null,
    });
    expect(eventToTrigger({ type: "token_refreshed", session }).name).toBe("onTokenRefresh");
    expect(eventToTrigger({ type: "signed_out", reason: "expired" })).toEqual({
      name: "onLogout",
      context: { reason: "expired" },
    });
    const error = new AuthError("invalid_credentials", {
      status: 400,
      cause: new Error("raw body"),
    });
    const trigger = eventToTrigger({ type: "error", action: "sign_in", error: error.toJSON() });
    expect(trigger).toEqual({
      name: "onAuthError",
      context: { action: "sign_in", code: "invalid_credentials", message: error.message },
    });
  });
});

describe("stateToModel", () => {
  it("publishes the documented keys only, with null for what is absent", () => {
    expect(
      stateToModel({ status: "signed_in", session, error: null, persistence: "memory" }),
    ).toEqual({
      status: "signed_in",
      accessToken: "access",
      expiresAt: 1_900_000_000_000,
      user: { id: "u1", email: "a@example.com" },
      error: null,
    });
    const error = new AuthError("network");
    expect(
      stateToModel({ status: "signed_out", session: null, error, persistence: "memory" }),
    ).toEqual({
      status: "signed_out",
      accessToken: null,
      expiresAt: null,
      user: null,
      error: { code: "network", message: error.message },
    });
  });
});
