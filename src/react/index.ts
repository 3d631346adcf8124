export type { AuthContextValue } from "./AuthContext.js";
export {
  type AuthEngineProps,
  AuthProvider,
  type AuthProviderCommonProps,
  type AuthProviderProps,
} from "./AuthProvider.js";
export { LoginForm, type LoginFormProps } from "./LoginForm.js";
export { LogoutButton, type LogoutButtonProps } from "./LogoutButton.js";
export {
  type AuthMessages,
  type AuthMessagesOverride,
  DEFAULT_MESSAGES,
  mergeMessages,
} from "./messages.js";
export { SignupForm, type SignupFormProps } from "./SignupForm.js";
export {
  createLoginSchema,
  createSignupSchema,
  DEFAULT_PASSWORD_POLICY,
  type ExtraField,
  type FormSchema,
  type PasswordPolicy,
  type SchemaOption,
  type SignupSchemaOptions,
} from "./schemas.js";
export { AUTH_KIT_CSS, injectStyles } from "./styles.js";
export { type UseAuthResult, useAuth } from "./useAuth.js";
export { type AuthMutation, useSignIn, useSignOut, useSignUp } from "./useAuthMutations.js";
export { useCapabilities } from "./useCapabilities.js";
