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
export type { Clock, FetchLike, Timers } from "./core/ports.js";
export type {
  AuthAction,
  AuthEvent,
  AuthState,
  AuthStatus,
  AuthUser,
  KeyValueStorage,
  Persistence,
  Session,
  SignedOutReason,
} from "./core/types.js";
