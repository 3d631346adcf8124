import { type ReactNode, useState } from "react";
import type { AdapterConfig } from "../providers/createAdapter.js";
import { lazyAdapter } from "../providers/lazyAdapter.js";
import {
  type AuthEngineProps,
  AuthProvider,
  type AuthProviderCommonProps,
  type AuthProviderProps,
} from "./AuthProvider.js";

/**
 * Props of {@link ConfigAuthProvider}: a JSON `config` with the engine options, or anything
 * the main entry's `AuthProvider` takes.
 */
export type ConfigAuthProviderProps =
  | (AuthProviderCommonProps &
      AuthEngineProps & {
        /**
         * A JSON adapter config, e.g. `{ type: "supabase", url, anonKey }`. Its provider code
         * loads on first use, in a chunk of its own.
         */
        config: AdapterConfig;
        adapter?: never;
        client?: never;
      })
  | (AuthProviderProps & { config?: never });

/**
 * The `AuthProvider` that also takes a JSON `config` (as the Appsmith model holds one): the
 * main entry's provider plus a lazily loaded adapter, kept apart so apps that pass `adapter`
 * do not ship the loader or the bundler's preload helper.
 * @example
 * import { ConfigAuthProvider } from "appsmith-auth-kit/config";
 * <ConfigAuthProvider config={{ type: "supabase", url, anonKey }}><LoginForm /></ConfigAuthProvider>
 */
export function ConfigAuthProvider({ config, ...props }: ConfigAuthProviderProps): ReactNode {
  // Made once, like the engine it feeds: a later config does not replace a live session.
  const [adapter] = useState(
    () => props.adapter ?? (config && !props.client ? lazyAdapter(config) : undefined),
  );
  // The union holds: a client goes through alone, else the adapter (given or loaded) does.
  const next = (adapter ? { ...props, adapter } : props) as AuthProviderProps;
  return <AuthProvider {...next} />;
}
