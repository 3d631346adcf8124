import type { AdapterCapabilities } from "../core/adapter.js";
import type { AdapterConfig } from "./createAdapter.js";
import type { OAuth2Options } from "./oauth2.js";
import type { RestConfig } from "./restConfig.js";
import { passwordCapabilities } from "./shared.js";

/** OAuth 2.0: sign-up only with an Auth0-style `signUpUrl`, revoke only with a `revokeUrl`. */
export const oauth2Capabilities = (config: Pick<OAuth2Options, "signUpUrl" | "revokeUrl">) =>
  passwordCapabilities(config.signUpUrl !== undefined, true, config.revokeUrl !== undefined);

/** REST: each optional endpoint given is one more thing the adapter can do. */
export const restCapabilities = ({ endpoints }: Partial<Pick<RestConfig, "endpoints">>) =>
  passwordCapabilities(
    endpoints?.signUp !== undefined,
    endpoints?.refresh !== undefined,
    endpoints?.signOut !== undefined,
  );

/**
 * What the adapter a JSON config describes can do, known before its code loads (the config
 * entry loads a provider on first use, and the forms must not offer a sign-up it lacks).
 */
export function capabilitiesFor(config: AdapterConfig): AdapterCapabilities {
  switch (config.type) {
    case "oauth2":
      return oauth2Capabilities(config);
    case "rest":
      return restCapabilities(config);
    case "xano":
      return passwordCapabilities(true, false, false);
    case "firebase":
      return passwordCapabilities(true, true, false);
    default:
      return passwordCapabilities(true, true, true);
  }
}
