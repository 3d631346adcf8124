// `appsmith-auth-kit/config`: <ConfigAuthProvider config={…}> for an adapter described as JSON.
// Everything else comes from the main entry, `appsmith-auth-kit`.
export { capabilitiesFor } from "./providers/capabilities.js";
export type { AdapterConfig } from "./providers/createAdapter.js";
export { lazyAdapter } from "./providers/lazyAdapter.js";
export { ConfigAuthProvider, type ConfigAuthProviderProps } from "./react/ConfigAuthProvider.js";
