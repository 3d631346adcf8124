import { useMemo, useSyncExternalStore } from "react";
import type { AuthClient } from "../core/clientTypes.js";
import type { AuthState, AuthUser } from "../core/types.js";
import { useAuthContext } from "./AuthContext.js";

/** What {@link useAuth} returns: the engine's state plus its actions. */
export interface UseAuthResult extends AuthState {
  user: AuthUser | null;
  /** Restoring at start (`status === "initializing"`): show neither the forms nor the app yet. */
  isLoading: boolean;
  /**
   * A session is kept: `signed_in`, `refreshing` or `reconnecting` (the provider unreachable;
   * `getAccessToken()` gives a token once it answers). Use `status` for the detail.
   */
  isAuthenticated: boolean;
  signUp: AuthClient["signUp"];
  signIn: AuthClient["signIn"];
  signOut: AuthClient["signOut"];
  getAccessToken: AuthClient["getAccessToken"];
  refresh: AuthClient["refresh"];
}

/**
 * The current session and the actions on it; re-renders when the session changes.
 * @example
 * const { isLoading, isAuthenticated, user, signOut } = useAuth();
 */
export function useAuth(): UseAuthResult {
  const { client } = useAuthContext();
  const state = useSyncExternalStore(client.subscribe, client.getState, client.getState);
  return useMemo(
    () => ({
      ...state,
      user: state.session?.user ?? null,
      isLoading: state.status === "initializing",
      isAuthenticated: state.status !== "initializing" && state.status !== "signed_out",
      signUp: (input) => client.signUp(input),
      signIn: (input) => client.signIn(input),
      signOut: () => client.signOut(),
      getAccessToken: () => client.getAccessToken(),
      refresh: () => client.refresh(),
    }),
    [client, state],
  );
}
