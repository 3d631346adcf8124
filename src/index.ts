export type {
  AppsmithBridge,
  AppsmithBridgeOptions,
  AppsmithGlobal,
  HostBridge,
  HostModel,
  HostTheme,
  JsonObject,
  JsonValue,
  OutgoingMessage,
  PostMessageBridgeOptions,
} from "./bridge/index.js";
export {
  createAppsmithBridge,
  createPostMessageBridge,
  isAppsmith,
  isAppsmithGlobal,
  MESSAGE_SOURCE,
  toPlainJson,
} from "./bridge/index.js";
export type { AuthErrorCode, AuthErrorOptions } from "./core/AuthError.js";
export {
  AUTH_ERROR_CODES,
  AuthError,
  DEFAULT_ERROR_MESSAGES,
  isAuthError,
  isTransientError,
  toAuthError,
} from "./core/AuthError.js";
export type {
  AdapterCapabilities,
  AuthAdapter,
  RequestOptions,
  SignInInput,
  SignUpInput,
  SignUpResult,
} from "./core/adapter.js";
export type { AuthClient, AuthClientOptions } from "./core/clientTypes.js";
export { createAuthClient } from "./core/createAuthClient.js";
export type { PlainAuthEvent } from "./core/events.js";
export { toPlainEvent } from "./core/events.js";
export type { JwtPayload } from "./core/jwt.js";
export { decodeJwt, jwtExpiresAt } from "./core/jwt.js";
export type { Clock, FetchLike, Timers } from "./core/ports.js";
export type { ResolvedStorage, StorageChoice } from "./core/storage.js";
export { createMemoryStorage, resolveStorage } from "./core/storage.js";
export type {
  AuthAction,
  AuthEvent,
  AuthState,
  AuthStatus,
  AuthUser,
  KeyValueStorage,
  Persistence,
  PlainAuthError,
  Session,
  SignedOutReason,
} from "./core/types.js";
export type {
  AdapterConfig,
  AdapterPorts,
  DemoOptions,
  DemoUser,
  FirebaseOptions,
  OAuth2Options,
  RestConfig,
  RestEndpoint,
  RestOptions,
  SupabaseOptions,
  XanoOptions,
} from "./providers/index.js";
export { createAdapter } from "./providers/index.js";
export type {
  AuthContextValue,
  AuthEngineProps,
  AuthMessages,
  AuthMessagesOverride,
  AuthMutation,
  AuthProviderCommonProps,
  AuthProviderProps,
  ExtraField,
  FormSchema,
  LoginFormProps,
  LogoutButtonProps,
  PasswordPolicy,
  SchemaOption,
  SignupFormProps,
  SignupSchemaOptions,
  UseAuthResult,
} from "./react/index.js";
export {
  AUTH_KIT_CSS,
  AuthProvider,
  createLoginSchema,
  createSignupSchema,
  DEFAULT_MESSAGES,
  DEFAULT_PASSWORD_POLICY,
  injectStyles,
  LoginForm,
  LogoutButton,
  mergeMessages,
  SignupForm,
  useAuth,
  useCapabilities,
  useSignIn,
  useSignOut,
  useSignUp,
} from "./react/index.js";
