import { type ReactNode, useState } from "react";
import type { AdapterConfig } from "../providers/createAdapter.js";
import { lazyAdapter } from "../providers/lazyAdapter.js";
import { AuthProvider as AdapterAuthProvider, type AuthProviderProps } from "./AuthProvider.js";

/** Props of the `appsmith-auth-kit/config` {@link AuthProvider}: those of the main one, plus `config`. */
export interface ConfigAuthProviderProps extends AuthProviderProps {
  /**
   * A JSON adapter config, e.g. `{ type: "supabase", url, anonKey }`, used when no adapter or
   * client is given. Its provider code loads on first use, in a chunk of its own.
   */
  config?: AdapterConfig;
}

/**
 * `<AuthProvider>` that also takes a JSON `config` (as the Appsmith model holds one). It is the
 * main entry's provider plus a lazily loaded adapter, kept apart so apps that pass `adapter`
 * do not ship the loader or the bundler's preload helper.
 * @example
 * import { AuthProvider } from "appsmith-auth-kit/config";
 * <AuthProvider config={{ type: "supabase", url, anonKey }}><LoginForm /></AuthProvider>
 */
export function AuthProvider({ config, ...props }: ConfigAuthProviderProps): ReactNode {
  // Made once, like the engine it feeds: a later config does not replace a live session.
  const [adapter] = useState(
    () => props.adapter ?? (config && !props.client ? lazyAdapter(config) : undefined),
  );
  return <AdapterAuthProvider {...props} {...(adapter ? { adapter } : {})} />;
}
