// @vitest-environment node
// The shared part of every HTTP adapter: what an adapter that declares fewer flows does, and
// how its capabilities follow from what it declares.
import { describe, expect, it, vi } from "vitest";
import { AuthError, type AuthErrorCode } from "../../../src/core/AuthError.js";
import type { Session } from "../../../src/core/types.js";
import { defineAdapter } from "../../../src/providers/defineAdapter.js";
import { rejectionOf } from "../../support/rejectionOf.js";

const json = (body: unknown, status = 200) =>
  new Response(JSON.stringify(body), { status, headers: { "content-type": "application/json" } });

const session: Session = {
  accessToken: "a",
  tokenType: "bearer",
  user: { id: "u" },
  provider: "p",
};
const signIn = {
  request: () => ({ url: "https://idp.test/login" }),
  reply: () => session,
};

describe("defineAdapter", () => {
  it("an adapter with sign-in alone can do nothing else, and says so before any request", async () => {
    const fetch = vi.fn(async () => json({}));
    const adapter = defineAdapter({
      name: "p",
      transport: { fetch },
      errors: () => undefined,
      signIn,
    });
    expect(adapter.capabilities).toMatchObject({ signUp: false, refresh: false, revoke: false });
    expect(adapter.getUser).toBeUndefined();
    for (const attempt of [
      adapter.signUp({ email: "a@example.com", password: "pw" }),
      adapter.refresh("r"),
    ]) {
      expect(await rejectionOf(attempt)).toMatchObject({ code: "not_supported", provider: "p" });
    }
    await expect(adapter.signOut(session)).resolves.toBeUndefined();
    expect(fetch).not.toHaveBeenCalled();
  });

  it("each declared flow is a capability, and its reply mapping gets the input and more calls", async () => {
    const urls: string[] = [];
    const fetch = vi.fn(async (url: string | URL | Request) => {
      urls.push(String(url));
      return json({ ok: true });
    });
    const adapter = defineAdapter({
      name: "p",
      transport: { fetch },
      errors: () => undefined,
      signIn,
      signUp: {
        request: () => ({ url: "https://idp.test/signup" }),
        async reply(_body, input, send) {
          await send("signIn", { url: "https://idp.test/login" });
          return { kind: "confirmation_required", user: { id: input.email } };
        },
      },
      refresh: { request: () => ({ url: "https://idp.test/refresh" }), reply: () => session },
      signOut: { request: () => ({ url: "https://idp.test/logout" }), reply: () => {} },
    });
    expect(adapter.capabilities).toMatchObject({ signUp: true, refresh: true, revoke: true });
    const result = await adapter.signUp({ email: "a@example.com", password: "pw" });
    expect(result).toEqual({ kind: "confirmation_required", user: { id: "a@example.com" } });
    expect(urls).toEqual(["https://idp.test/signup", "https://idp.test/login"]);
  });

  it("a code a flow lists as done resolves; any other rejects", async () => {
    const make = (done: AuthErrorCode) =>
      defineAdapter({
        name: "p",
        transport: { fetch: async () => json({ error: "gone" }, 404) },
        errors: (status) => new AuthError("session_expired", { provider: "p", status }),
        signIn,
        signOut: {
          request: () => ({ url: "https://idp.test/logout" }),
          reply: () => {},
          done: [done],
        },
      });
    await expect(make("session_expired").signOut(session)).resolves.toBeUndefined();
    expect(await rejectionOf(make("invalid_config").signOut(session))).toMatchObject({
      code: "session_expired",
      status: 404,
    });
  });
});
