import { jwtExpiresAt } from "./jwt.js";
import type { AuthUser, Session } from "./types.js";

/** Fills in `expiresAt` from the access token's `exp` claim when the provider left it out. */
export function withExpiry(session: Session): Session {
  if (session.expiresAt !== undefined) return session;
  const expiresAt = jwtExpiresAt(session.accessToken);
  return expiresAt === undefined ? session : { ...session, expiresAt };
}

function definedFields(user: AuthUser): Partial<AuthUser> {
  // A refresh reply often carries a thinner user; empty fields must not erase known ones.
  return Object.fromEntries(
    Object.entries(user).filter(([, value]) => value !== undefined && value !== ""),
  );
}

/**
 * Combines a refreshed session with the one it replaces: user fields the new one lacks are
 * kept, and so is the refresh token when the provider did not send a new one.
 */
export function mergeSession(
  previous: Session | undefined,
  next: Session,
  usedRefreshToken: string,
): Session {
  const user = previous
    ? ({ ...previous.user, ...definedFields(next.user) } as AuthUser)
    : next.user;
  const refreshToken = next.refreshToken ?? previous?.refreshToken ?? usedRefreshToken;
  return withExpiry({ ...next, user, refreshToken });
}
