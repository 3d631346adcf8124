import type { AuthAction, AuthEvent, AuthUser } from "./types.js";

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

/** Converts an event to plain JSON (errors become `{ code, message, status? }`). */
export function toPlainEvent(event: AuthEvent): PlainAuthEvent {
  if (event.type === "error") {
    const { code, message, status } = event.error;
    const error: PlainAuthError =
      status === undefined ? { code, message } : { code, message, status };
    return { type: "error", action: event.action, error };
  }
  // The other events hold only sessions, users and primitives: one JSON copy of the event.
  return plainJson(event as PlainAuthEvent, () => {
    const copy = { ...event } as Extract<AuthEvent, { type: "signed_up" }>;
    if (copy.session) copy.session = { ...copy.session, user: plainUser(copy.session.user) };
    if (copy.user) copy.user = plainUser(copy.user);
    return copy as PlainAuthEvent;
  });
}
