// @vitest-environment node
import { isAuthError } from "../../../src/core/AuthError.js";
import { type AdapterConfig, createAdapter } from "../../../src/providers/createAdapter.js";

function configError(config: unknown): Error & { code?: string } {
  try {
    createAdapter(config as AdapterConfig);
  } catch (error) {
    if (isAuthError(error)) return error;
    throw error;
  }
  throw new Error("expected createAdapter to throw");
}

describe("createAdapter", () => {
  it.each([
    [{ type: "supabase", url: "https://p.supabase.co", anonKey: "anon" }, "supabase"],
    [{ type: "firebase", apiKey: "web-key", emulatorHost: "127.0.0.1:9099" }, "firebase"],
    [{ type: "xano", baseUrl: "https://x.xano.io/api:abc", tokenTtlSeconds: 3600 }, "xano"],
    [
      { type: "oauth2", tokenUrl: "https://idp.test/token", clientId: "spa", scope: "openid" },
      "oauth2",
    ],
    [
      { type: "rest", baseUrl: "https://api.test", endpoints: { signIn: { path: "/login" } } },
      "rest",
    ],
    [{ type: "demo", latencyMs: 0 }, "demo"],
  ] as const)("%j builds the %s adapter", (config, name) => {
    expect(createAdapter(config).name).toBe(name);
  });

  it("hands the injected fetch and clock to the adapter", async () => {
    const fetch = vi.fn(
      async () =>
        new Response(
          JSON.stringify({
            access_token: "a",
            refresh_token: "r",
            expires_in: 60,
            user: { id: "u" },
          }),
          {
            headers: { "content-type": "application/json" },
          },
        ),
    );
    const adapter = createAdapter(
      { type: "supabase", url: "https://p.supabase.co", anonKey: "anon" },
      { fetch, clock: { now: () => 1_000 } },
    );
    const session = await adapter.signIn({ email: "a@b.co", password: "p" });
    expect(fetch).toHaveBeenCalledOnce();
    expect(session.expiresAt).toBe(61_000);
  });

  it.each([
    [null, /expected object/],
    [
      { type: "parse" },
      /"type" expected one of "supabase", "firebase", "oauth2", "xano", "rest", "demo"/,
    ],
    [{ type: "supabase", anonKey: "k" }, /"url" expected string/],
    [
      { type: "supabase", url: "https://p.supabase.co", anonKey: "" },
      /"anonKey" must not be empty/,
    ],
    [
      { type: "supabase", url: "https://p.supabase.co", anonKey: "k", anon_key: "k" },
      /unknown option\(s\) "anon_key"/,
    ],
    [
      { type: "xano", baseUrl: "https://x.test", tokenTtlSeconds: -1 },
      /"tokenTtlSeconds" must be at least 0/,
    ],
    [{ type: "oauth2", tokenUrl: "https://idp.test/token" }, /"clientId" expected string/],
    [{ type: "demo", users: [{ email: "a@b.co" }] }, /"users.0.password" expected string/],
    [{ type: "rest", endpoints: {} }, /Invalid rest configuration: "endpoints.signIn"/],
  ])("%j → invalid_config %s", (config, message) => {
    const error = configError(config);
    expect(error.code).toBe("invalid_config");
    expect(error.message).toMatch(message);
  });

  it("never echoes a value from the config in the error", () => {
    const secret = "sk_live_SECRET_value";
    for (const config of [
      { type: "supabase", url: secret, anonKey: secret },
      {
        type: "oauth2",
        tokenUrl: "https://idp.test",
        clientId: "c",
        clientSecret: 42,
        scope: secret,
        extra: secret,
      },
      { type: "rest", endpoints: { signIn: { url: secret, headers: { authorization: 7 } } } },
    ]) {
      const error = configError(config);
      expect(error.message).not.toContain(secret);
      expect(JSON.stringify(error)).not.toContain(secret);
    }
  });
});
