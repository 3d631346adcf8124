import { AuthError } from "../core/AuthError.js";
import type { AuthAdapter } from "../core/adapter.js";
import { capabilitiesFor } from "./capabilities.js";
import type { AdapterConfig } from "./createAdapter.js";

/**
 * An adapter built from a JSON config on first use. The provider code is loaded with a
 * dynamic import, so an app that passes `adapter={supabase(…)}` never bundles the other
 * providers just because `<AuthProvider config>` exists. An invalid config rejects the first
 * call with `invalid_config`, like any other adapter error.
 */
export function lazyAdapter(config: AdapterConfig): AuthAdapter {
  let loading: Promise<AuthAdapter> | undefined;
  let loaded: AuthAdapter | undefined;
  const load = () => {
    loading ??= import("./createAdapter.js").then(
      (module) => {
        loaded = module.createAdapter(config);
        return loaded;
      },
      (cause: unknown) => {
        // A chunk that failed to load (offline, a redeploy) may load on the next call; a raw
        // TypeError would read as a refused refresh and sign the user out.
        loading = undefined;
        throw new AuthError("network", { provider: config.type, cause });
      },
    );
    return loading;
  };
  return {
    name: config.type,
    get capabilities() {
      // Known from the config before the provider's code is in.
      return loaded?.capabilities ?? capabilitiesFor(config);
    },
    signUp: async (input, options) => (await load()).signUp(input, options),
    signIn: async (input, options) => (await load()).signIn(input, options),
    refresh: async (token, options) => (await load()).refresh(token, options),
    signOut: async (session, options) => (await load()).signOut(session, options),
    getUser: async (token, options) => {
      const adapter = await load();
      if (!adapter.getUser) throw new AuthError("not_supported", { provider: config.type });
      return adapter.getUser(token, options);
    },
  };
}
