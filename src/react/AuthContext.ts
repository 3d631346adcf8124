import type { QueryClient } from "@tanstack/react-query";
import { createContext, useContext } from "react";
import type { AuthClient } from "../core/clientTypes.js";
import type { AuthMessages } from "./messages.js";

/** What `<AuthProvider>` shares with the hooks and components below it. */
export interface AuthContextValue {
  client: AuthClient;
  messages: AuthMessages;
  queryClient: QueryClient;
}

/** The provider's context; `null` outside an `<AuthProvider>`. */
export const AuthContext = createContext<AuthContextValue | null>(null);

/** The provider's context, or a clear error when a component is used outside it. */
export function useAuthContext(): AuthContextValue {
  const value = useContext(AuthContext);
  if (value === null) throw new Error("useAuth must be used within <AuthProvider>");
  return value;
}
