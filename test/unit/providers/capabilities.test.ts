// @vitest-environment node
import type { AdapterCapabilities } from "../../../src/core/adapter.js";
import { capabilitiesFor } from "../../../src/providers/capabilities.js";
import { type AdapterConfig, createAdapter } from "../../../src/providers/createAdapter.js";
import { lazyAdapter } from "../../../src/providers/lazyAdapter.js";

const CONFIGS: AdapterConfig[] = [
  { type: "supabase", url: "https://p.supabase.co", anonKey: "k" },
  { type: "firebase", apiKey: "k" },
  { type: "xano", baseUrl: "https://x.xano.io/api:a" },
  { type: "oauth2", tokenUrl: "https://idp.test/token", clientId: "c" },
  {
    type: "oauth2",
    tokenUrl: "https://idp.test/token",
    clientId: "c",
    signUpUrl: "https://idp.test/dbconnections/signup",
    revokeUrl: "https://idp.test/revoke",
  },
  { type: "rest", baseUrl: "https://api.test", endpoints: { signIn: { path: "/login" } } },
  {
    type: "rest",
    baseUrl: "https://api.test",
    endpoints: {
      signIn: { path: "/login" },
      signUp: { path: "/signup" },
      refresh: { path: "/refresh" },
      signOut: { path: "/logout" },
    },
  },
  { type: "demo", latencyMs: 0, storage: "memory" },
];

const FLOWS_TO_COME: (keyof AdapterCapabilities)[] = [
  "redirectSignIn",
  "passwordRecovery",
  "emailVerification",
  "magicLink",
  "emailOtp",
];

describe("capabilities", () => {
  it.each(CONFIGS)("%j: known from the config as the adapter states them", (config) => {
    const adapter = createAdapter(config);
    expect(capabilitiesFor(config)).toEqual(adapter.capabilities);
    // The config entry's lazy adapter says the same before its provider code has loaded.
    expect(lazyAdapter(config).capabilities).toEqual(adapter.capabilities);
  });

  it.each(CONFIGS)("%j: declares the flows to come, and offers none of them yet", (config) => {
    const { capabilities } = createAdapter(config);
    for (const flow of FLOWS_TO_COME) expect(capabilities[flow]).toBe(false);
  });

  it("says what each adapter really lacks: oauth2 sign-up without signUpUrl, xano refresh", () => {
    expect(createAdapter(CONFIGS[3] as AdapterConfig).capabilities.signUp).toBe(false);
    expect(createAdapter(CONFIGS[4] as AdapterConfig).capabilities.signUp).toBe(true);
    expect(createAdapter(CONFIGS[2] as AdapterConfig).capabilities.refresh).toBe(false);
  });
});
