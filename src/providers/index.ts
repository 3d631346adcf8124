export type { AdapterConfig, AdapterPorts } from "./createAdapter.js";
export { createAdapter } from "./createAdapter.js";
export type { DemoOptions, DemoUser } from "./demo.js";
export type { FirebaseOptions } from "./firebase.js";
export type { HttpClient, HttpClientOptions, HttpRequest } from "./http.js";
export type { OAuth2Options } from "./oauth2.js";
export type { RestConfig, RestEndpoint, RestOptions } from "./rest.js";
export type { SupabaseOptions } from "./supabase.js";
export type { XanoOptions } from "./xano.js";
