import type { AuthAction, AuthEvent, AuthUser, Session } from "./types.js";

/** An error as plain JSON: what a host page or a log may see. */
export interface PlainAuthError {
  code: string;
  message: string;
  status?: number;
}

/** An {@link AuthEvent} with only plain JSON in it, safe to post or structured-clone. */
export type PlainAuthEvent =
  | Exclude<AuthEvent, { type: "error" }>
  | { type: "error"; action: AuthAction; error: PlainAuthError };

function plainJson<T>(value: T, fallback: () => T): T {
  try {
    return JSON.parse(JSON.stringify(value)) as T;
  } catch {
    // A user object with a BigInt or a cycle in it: keep the fields the kit itself relies on.
    return fallback();
  }
}

function plainUser(user: AuthUser): AuthUser {
  return plainJson(user, () =>
    user.email === undefined ? { id: user.id } : { id: user.id, email: user.email },
  );
}

function plainSession(session: Session): Session {
  return plainJson(session, () => ({ ...session, user: plainUser(session.user) }));
}

/** Converts an event to plain JSON (errors become `{ code, message, status? }`). */
export function toPlainEvent(event: AuthEvent): PlainAuthEvent {
  switch (event.type) {
    case "signed_up":
      return {
        type: "signed_up",
        session: event.session === null ? null : plainSession(event.session),
        needsConfirmation: event.needsConfirmation,
        user: event.user === null ? null : plainUser(event.user),
      };
    case "signed_in":
    case "token_refreshed":
      return { type: event.type, session: plainSession(event.session) };
    case "signed_out":
      return { type: "signed_out", reason: event.reason };
    case "error": {
      const { code, message, status } = event.error;
      const error: PlainAuthError =
        status === undefined ? { code, message } : { code, message, status };
      return { type: "error", action: event.action, error };
    }
  }
}
