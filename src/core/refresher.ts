import { AuthError } from "./AuthError.js";
import type { AuthAdapter } from "./adapter.js";
import { expired } from "./machine.js";
import type { SessionPersistence } from "./persistence.js";
import { mergeSession } from "./session.js";
import { isSession } from "./storage.js";
import type { Session } from "./types.js";

/**
 * Spends a refresh token, one tab at a time: tabs whose timers fire together would both
 * spend the same (rotating) token, and the provider may treat the second use as theft. A tab
 * that finds a newer session already stored takes it instead, and a rotated session is
 * stored before the lock is released, so the next tab to hold it reads the new token.
 */
export function createRefresher(
  adapter: AuthAdapter,
  place: SessionPersistence,
  now: () => number,
  marginMs: number,
) {
  function accept(reply: unknown, token: string, previous: Session | null): Session {
    const session = isSession(reply) ? mergeSession(previous ?? undefined, reply, token) : null;
    // A token already expired on arrival is no session: retried like an unreadable reply.
    if (!session || expired(session, now())) throw new AuthError("invalid_response");
    return session;
  }

  /** Another tab's session, when it already spent `token` or holds a fresher token. */
  function takenElsewhere(token: string, previous: Session | null): Session | undefined {
    const stored = place.shared();
    // Refresh tokens, not access tokens: two access tokens issued in the same second for
    // the same user can be identical, while a rotated refresh token never is.
    if (!stored || stored.refreshToken !== token) return stored;
    const fresh = stored.expiresAt === undefined || now() < stored.expiresAt - marginMs;
    return stored.accessToken !== previous?.accessToken && fresh ? stored : undefined;
  }

  /** Spends `token`; `current()` says whether the result still belongs to this engine. */
  return (token: string, previous: Session | null, current: () => boolean): Promise<Session> =>
    place.exclusive(async () => {
      const elsewhere = takenElsewhere(token, previous);
      if (elsewhere) return accept(elsewhere, token, previous);
      let reply: unknown;
      try {
        reply = await adapter.refresh(token);
      } catch (thrown) {
        // Without a lock another tab may have spent the token first: its session is stored.
        const rotated = place.shared();
        if (rotated && rotated.refreshToken !== token) return accept(rotated, token, previous);
        throw thrown;
      }
      const session = accept(reply, token, previous);
      if (current()) place.write(session);
      return session;
    });
}
