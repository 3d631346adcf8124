import { format } from "../react/messages.js";

/** The widget's own texts, overridable through the same `messages` object as the forms'. */
export interface WidgetMessages {
  /** The heading and the line under it of each card; "" leaves one out. */
  signInTitle: string;
  signInSubtitle: string;
  signUpTitle: string;
  signUpSubtitle: string;
  signedInTitle: string;
  /** `{email}` is the signed-in user's address. */
  signedInAs: string;
  restoring: string;
  /** While a session restored from a refresh token waits for an unreachable provider. */
  reconnecting: string;
  signedOut: string;
  switchToSignUp: string;
  switchToSignIn: string;
  configErrorTitle: string;
}

/** The default English widget texts. */
export const DEFAULT_WIDGET_MESSAGES: WidgetMessages = {
  signInTitle: "Sign in",
  signInSubtitle: "Welcome back. Enter your email and password.",
  signUpTitle: "Create an account",
  signUpSubtitle: "Enter your email and choose a password.",
  signedInTitle: "You are signed in",
  signedInAs: "Signed in as {email}",
  restoring: "Restoring your session…",
  reconnecting: "Reconnecting to the sign-in service…",
  signedOut: "You are signed out.",
  switchToSignUp: "No account yet? Create one",
  switchToSignIn: "Already have an account? Sign in",
  configErrorTitle: "The sign-in widget is not configured correctly",
};

/** The widget texts with any string overrides from `messages` applied. */
export function widgetMessages(overrides: Record<string, unknown> | undefined): WidgetMessages {
  const merged = { ...DEFAULT_WIDGET_MESSAGES };
  for (const key of Object.keys(merged) as (keyof WidgetMessages)[]) {
    const value = overrides?.[key];
    if (typeof value === "string") merged[key] = value;
  }
  return merged;
}

/** "Signed in as …" for an email, or without one. */
export function signedInText(messages: WidgetMessages, email: string | undefined): string {
  return format(messages.signedInAs, { email: email ?? "" }).trim();
}
