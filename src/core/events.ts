import type { AuthError } from "./AuthError.js";
import type { AuthAction, AuthEvent, AuthUser } from "./types.js";

/** @deprecated Engine events are plain JSON already: use {@link AuthEvent}. */
export type PlainAuthEvent = AuthEvent;

/** An event as the state machine makes it, before the engine emits its plain copy. */
export type RawAuthEvent =
  | Exclude<AuthEvent, { type: "error" }>
  | { type: "error"; action: AuthAction; error: AuthError };

function plainUser(user: AuthUser): AuthUser {
  try {
    return JSON.parse(JSON.stringify(user)) as AuthUser;
  } catch {
    // A user object with a BigInt or a cycle in it: keep the fields the kit itself relies on.
    return user.email === undefined ? { id: user.id } : { id: user.id, email: user.email };
  }
}

/**
 * Converts an event to plain JSON: an error to its `toJSON()` (`{ code, message, status? … }`),
 * sessions and users to JSON copies. The engine does this once for every event it emits.
 */
export function plainEvent(event: AuthEvent | RawAuthEvent): AuthEvent {
  try {
    return JSON.parse(JSON.stringify(event)) as AuthEvent;
  } catch {
    // Only a user can fail to serialise (errors keep strings and numbers): copy around it.
    const copy = { ...event } as Extract<AuthEvent, { type: "signed_up" }>;
    if (copy.session) copy.session = { ...copy.session, user: plainUser(copy.session.user) };
    if (copy.user) copy.user = plainUser(copy.user);
    return copy;
  }
}

/**
 * @deprecated Every `onEvent` receives plain events already; an error alone becomes plain
 * JSON with `error.toJSON()`.
 */
export const toPlainEvent: (event: AuthEvent | RawAuthEvent) => AuthEvent = plainEvent;
