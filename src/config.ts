// `appsmith-auth-kit/config`: <AuthProvider config={…}> for an adapter described as JSON.
// Everything else comes from the main entry, `appsmith-auth-kit`.
export type { AdapterConfig } from "./providers/createAdapter.js";
export { lazyAdapter } from "./providers/lazyAdapter.js";
export { AuthProvider, type ConfigAuthProviderProps } from "./react/ConfigAuthProvider.js";
