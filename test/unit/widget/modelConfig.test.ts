// @vitest-environment node
import {
  engineKey,
  readWidgetConfig,
  stableJson,
  viewKey,
} from "../../../src/widget/modelConfig.js";

const provider = { type: "firebase", apiKey: "k" };

function expectError(result: ReturnType<typeof readWidgetConfig>) {
  if (result.ok) throw new Error("expected an error");
  expect(result.error.code).toBe("invalid_config");
  return result.error.message;
}

describe("readWidgetConfig", () => {
  it("reads the documented keys from the model and ignores everything else", () => {
    const result = readWidgetConfig({
      provider,
      view: "signup",
      refreshToken: "r1",
      refreshMarginSeconds: 30,
      passwordPolicy: { minLength: 10, requireDigit: true },
      messages: { signIn: "Log in", errors: { invalid_credentials: "Nope" } },
      status: "signed_in",
      accessToken: "a",
    });
    expect(result).toEqual({
      ok: true,
      config: {
        provider,
        view: "signup",
        refreshToken: "r1",
        refreshMarginSeconds: 30,
        passwordPolicy: { minLength: 10, requireDigit: true },
        messages: { signIn: "Log in", errors: { invalid_credentials: "Nope" } },
      },
    });
  });

  it("defaults the view to auto and treats an empty or null refresh token as none", () => {
    for (const refreshToken of ["", null, undefined]) {
      const result = readWidgetConfig({ provider, refreshToken });
      expect(result).toEqual({ ok: true, config: { provider, view: "auto" } });
    }
  });

  it("lets mount options override the model, but not with empty values", () => {
    const result = readWidgetConfig(
      { provider, view: "login", refreshToken: "from-model" },
      { view: "logout", refreshToken: null, provider: { type: "demo" } },
    );
    expect(result.ok && result.config).toEqual({
      provider: { type: "demo" },
      view: "logout",
      refreshToken: "from-model",
    });
  });

  it("says clearly when the provider is missing", () => {
    expect(expectError(readWidgetConfig({}))).toMatch(/"provider" is missing/);
  });

  it("names each wrong key without echoing its value", () => {
    const message = expectError(
      readWidgetConfig({
        provider: "secret-key-123",
        view: "dashboard",
        refreshMarginSeconds: -1,
        passwordPolicy: { minLength: 0, extra: true },
      }),
    );
    expect(message).toMatch(/"provider" expected record/);
    expect(message).toMatch(/"view" expected one of "login", "signup", "logout", "auto"/);
    expect(message).toMatch(/"refreshMarginSeconds" must be at least 0/);
    expect(message).toMatch(/"passwordPolicy.minLength"/);
    expect(message).toMatch(/unknown option\(s\) "extra"/);
    expect(message).not.toContain("secret-key-123");
    expect(message).not.toContain("dashboard");
  });

  it("rejects messages that are not strings", () => {
    expect(expectError(readWidgetConfig({ provider, messages: { signIn: 3 } }))).toMatch(
      /"messages.signIn"/,
    );
  });
});

describe("config keys", () => {
  const base = readWidgetConfig({ provider, view: "auto" });
  if (!base.ok) throw new Error("setup");

  it("are equal for equal settings in any key order", () => {
    const reordered = readWidgetConfig({
      view: "auto",
      provider: { apiKey: "k", type: "firebase" },
    });
    expect(reordered.ok && engineKey(reordered.config)).toBe(engineKey(base.config));
    expect(reordered.ok && viewKey(reordered.config)).toBe(viewKey(base.config));
  });

  it("separate engine settings from view settings", () => {
    const view = readWidgetConfig({ provider, view: "login" });
    const margin = readWidgetConfig({ provider, refreshMarginSeconds: 5 });
    expect(view.ok && engineKey(view.config)).toBe(engineKey(base.config));
    expect(view.ok && viewKey(view.config)).not.toBe(viewKey(base.config));
    expect(margin.ok && engineKey(margin.config)).not.toBe(engineKey(base.config));
  });

  it("stableJson sorts nested keys", () => {
    expect(stableJson({ b: 1, a: { d: 1, c: 2 } })).toBe('{"a":{"c":2,"d":1},"b":1}');
  });
});
