import type { AdapterCapabilities } from "../core/adapter.js";
import { useAuthContext } from "./AuthContext.js";

/**
 * What the provider's adapter can do, so a custom UI offers only that (the kit's own forms
 * and the widget do).
 * @example
 * const { signUp } = useCapabilities(); // false for an oauth2 config without signUpUrl
 */
export function useCapabilities(): AdapterCapabilities {
  return useAuthContext().client.capabilities;
}
