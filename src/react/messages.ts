import { type AuthErrorCode, DEFAULT_ERROR_MESSAGES, isAuthError } from "../core/AuthError.js";

/** Every user-visible string of the React components; `{min}` and `{label}` are filled in. */
export interface AuthMessages {
  emailLabel: string;
  passwordLabel: string;
  confirmPasswordLabel: string;
  showPassword: string;
  hidePassword: string;
  signIn: string;
  signingIn: string;
  signUp: string;
  signingUp: string;
  signOut: string;
  signingOut: string;
  emailRequired: string;
  emailInvalid: string;
  passwordRequired: string;
  /** Shown on the password field when the policy below it is not met. */
  passwordPolicy: string;
  passwordsMismatch: string;
  /** For a required extra field; `{label}` is the field's label. */
  fieldRequired: string;
  hintMinLength: string;
  hintLowercase: string;
  hintUppercase: string;
  hintDigit: string;
  hintSymbol: string;
  /** Read by screen readers after each policy hint. */
  hintMet: string;
  hintUnmet: string;
  /** Shown when sign-up needs the user to confirm their email first. */
  checkEmail: string;
  /** Shown by the sign-in form after a session ended on its own (expired or revoked). */
  sessionExpired: string;
  /** The text for each `AuthError` code. */
  errors: Record<AuthErrorCode, string>;
}

/** Partial overrides of {@link AuthMessages}, as the `messages` props take them. */
export type AuthMessagesOverride = Partial<Omit<AuthMessages, "errors">> & {
  errors?: Partial<Record<AuthErrorCode, string>>;
};

/** The default English messages. */
export const DEFAULT_MESSAGES: AuthMessages = {
  emailLabel: "Email",
  passwordLabel: "Password",
  confirmPasswordLabel: "Confirm password",
  showPassword: "Show password",
  hidePassword: "Hide password",
  signIn: "Sign in",
  signingIn: "Signing in…",
  signUp: "Create account",
  signingUp: "Creating account…",
  signOut: "Sign out",
  signingOut: "Signing out…",
  emailRequired: "Enter your email address.",
  emailInvalid: "Enter a valid email address, like name@example.com.",
  passwordRequired: "Enter your password.",
  passwordPolicy: "Choose a password that meets every requirement.",
  passwordsMismatch: "The passwords do not match.",
  fieldRequired: "Enter your {label}.",
  hintMinLength: "At least {min} characters",
  hintLowercase: "A lowercase letter",
  hintUppercase: "An uppercase letter",
  hintDigit: "A digit",
  hintSymbol: "A symbol",
  hintMet: "(done)",
  hintUnmet: "(missing)",
  checkEmail: "Check your email: we sent you a link to confirm your account.",
  sessionExpired: "Your session has expired. Please sign in again.",
  errors: { ...DEFAULT_ERROR_MESSAGES },
};

/** Layers overrides on a full message set; `errors` merge per code. */
export function mergeMessages(
  base: AuthMessages,
  override: AuthMessagesOverride | undefined,
): AuthMessages {
  if (!override) return base;
  return { ...base, ...override, errors: { ...base.errors, ...override.errors } } as AuthMessages;
}

/** Fills `{name}` placeholders. */
export function format(template: string, values: Record<string, string | number>): string {
  // Own keys only: `{constructor}` in an override must not print Object's source.
  return template.replace(/\{(\w+)\}/g, (whole, key: string) =>
    Object.hasOwn(values, key) ? String(values[key]) : whole,
  );
}

/**
 * The words for a failed call: the message for its code, never the server's own text; none
 * for a call a newer sign-in or sign-out overtook, as nothing went wrong.
 */
export function errorText(messages: AuthMessages, error: unknown): string {
  const code: AuthErrorCode = isAuthError(error) ? error.code : "provider_error";
  return code === "superseded" ? "" : messages.errors[code];
}
