import type { AuthEvent, AuthState, AuthUser, Session } from "../core/types.js";

/** The user as the widget publishes it: only `id` and `email`. */
export interface WidgetUser {
  id: string;
  email: string | null;
}

/** What the widget writes into the model with `updateModel`, after every state change. */
export interface WidgetModelState {
  status: AuthState["status"];
  /** Read by the app's queries as `Bearer {{ Custom1.model.accessToken }}`; null once expired. */
  accessToken: string | null;
  /** Epoch milliseconds. */
  expiresAt: number | null;
  user: WidgetUser | null;
  error: { code: string; message: string } | null;
}

/** The model keys the widget owns. */
export const MODEL_STATE_KEYS: readonly (keyof WidgetModelState)[] = [
  "status",
  "accessToken",
  "expiresAt",
  "user",
  "error",
];

/** The events the widget triggers, as the app builder adds them ("Add Event"). */
export type WidgetEventName =
  | "onSignup"
  | "onLogin"
  | "onTokenRefresh"
  | "onLogout"
  | "onAuthError"
  | "onNoSession";

function widgetUser(user: AuthUser): WidgetUser {
  return { id: user.id, email: user.email ?? null };
}

function sessionContext(session: Session) {
  return {
    accessToken: session.accessToken,
    refreshToken: session.refreshToken ?? null,
    expiresAt: session.expiresAt ?? null,
    user: widgetUser(session.user),
  };
}

/** The model state for an engine state. */
export function stateToModel(state: AuthState): WidgetModelState {
  const { session, error } = state;
  return {
    status: state.status,
    // Reconnecting: the session is kept, but its access token has expired.
    accessToken: state.status === "reconnecting" ? null : (session?.accessToken ?? null),
    expiresAt: session?.expiresAt ?? null,
    user: session ? widgetUser(session.user) : null,
    error: error ? { code: error.code, message: error.message } : null,
  };
}

/** The Appsmith event and its plain-JSON context for an engine event. */
export function eventToTrigger(event: AuthEvent): {
  name: WidgetEventName;
  context: Record<string, unknown>;
} {
  switch (event.type) {
    case "signed_up":
      if (event.session === null || event.needsConfirmation) {
        const user = event.user ? widgetUser(event.user) : null;
        return { name: "onSignup", context: { needsConfirmation: true, user } };
      }
      return {
        name: "onSignup",
        context: { ...sessionContext(event.session), needsConfirmation: false },
      };
    case "signed_in":
      return { name: "onLogin", context: sessionContext(event.session) };
    case "token_refreshed":
      return { name: "onTokenRefresh", context: sessionContext(event.session) };
    case "signed_out":
      return { name: "onLogout", context: { reason: event.reason } };
    case "error":
      return {
        name: "onAuthError",
        context: { action: event.action, code: event.error.code, message: event.error.message },
      };
  }
}
