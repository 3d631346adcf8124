import { type QueryClient, QueryClientContext } from "@tanstack/react-query";
import { type ReactNode, useContext, useEffect, useMemo, useRef, useState } from "react";
import type { AuthAdapter } from "../core/adapter.js";
import type { AuthClient, AuthClientOptions } from "../core/clientTypes.js";
import { createAuthClient } from "../core/createAuthClient.js";
import type { AuthEvent } from "../core/types.js";
import { AuthContext, type AuthContextValue } from "./AuthContext.js";
import { type AuthMessagesOverride, DEFAULT_MESSAGES, mergeMessages } from "./messages.js";
import { createMutationClient } from "./mutationClient.js";

/** The engine options `<AuthProvider adapter>` takes; an engine passed as `client` has its own. */
export interface AuthEngineProps {
  storage?: AuthClientOptions["storage"];
  refreshMarginMs?: number;
  initialSession?: AuthClientOptions["initialSession"];
  initialRefreshToken?: string;
}

type Without<T> = { [K in keyof T]?: never };

/** The props every kind of `<AuthProvider>` takes: events, messages, React Query, children. */
export interface AuthProviderCommonProps {
  /** Called with every token event: the engine's own plain-JSON {@link AuthEvent}. */
  onEvent?: (event: AuthEvent) => void;
  /** Overrides for any user-visible text, for every component below. */
  messages?: AuthMessagesOverride;
  /**
   * The QueryClient for the provider's mutations; default the host app's, else a private
   * mutation-only one.
   */
  queryClient?: QueryClient;
  children?: ReactNode;
}

/**
 * Props of {@link AuthProvider}: an `adapter` (with the engine options) or a `client` made
 * elsewhere with `createAuthClient` (the provider starts it, and its options are its own).
 * Both, or neither, is a type error.
 */
export type AuthProviderProps = AuthProviderCommonProps &
  (
    | (AuthEngineProps & { adapter: AuthAdapter; client?: never })
    | (Without<AuthEngineProps> & { client: AuthClient; adapter?: never })
  );

// `config` lives in its own entry: its import() would put Vite's preload helper (~0.65 kB
// gzip) and the lazy loader into every app, also those that pass an adapter.
const NO_ADAPTER =
  '<AuthProvider> needs an adapter or a client; for a JSON config, import { ConfigAuthProvider } from "appsmith-auth-kit/config"';

function createEngine(props: AuthProviderProps): AuthClient {
  if (props.client) return props.client;
  const { adapter } = props;
  // The types rule this out; plain JavaScript can still get here.
  if (!adapter) throw new Error(NO_ADAPTER);
  const { storage, refreshMarginMs, initialSession, initialRefreshToken } = props;
  // createAuthClient treats an undefined option as an absent one.
  return createAuthClient({
    adapter,
    storage,
    refreshMarginMs,
    initialSession,
    initialRefreshToken,
  } as AuthClientOptions);
}

/**
 * Owns one session engine for the tree below: restores and refreshes the session on mount
 * (once, even under StrictMode) and shares it with `useAuth` and the forms.
 * @example
 * <AuthProvider adapter={supabase({ url, anonKey })}><LoginForm /></AuthProvider>
 */
export function AuthProvider(props: AuthProviderProps): ReactNode {
  // Created once: later changes to the adapter or options do not replace a live session.
  const [client] = useState(() => createEngine(props));
  const hostQueryClient = useContext(QueryClientContext);
  const ownQueryClient = useRef<QueryClient | null>(null);
  let queryClient = props.queryClient ?? hostQueryClient;
  if (!queryClient) {
    ownQueryClient.current ??= createMutationClient();
    queryClient = ownQueryClient.current;
  }

  const onEvent = useRef(props.onEvent);
  onEvent.current = props.onEvent;
  // Subscribed before start() so no event of the first refresh is missed.
  useEffect(() => client.onEvent((event) => onEvent.current?.(event)), [client]);
  // start() returns stop(); a second start joins a refresh in flight, so StrictMode refreshes once.
  useEffect(() => client.start(), [client]);

  const { messages } = props;
  const value = useMemo<AuthContextValue>(
    () => ({ client, queryClient, messages: mergeMessages(DEFAULT_MESSAGES, messages) }),
    [client, queryClient, messages],
  );
  return <AuthContext.Provider value={value}>{props.children}</AuthContext.Provider>;
}
