import { withExpiry } from "./session.js";
import { isSession, parseStoredSession } from "./storage.js";
import type { Session } from "./types.js";

/** How the engine begins, given what storage held and what the options handed over. */
export type StartDecision = (
  | { kind: "signed_in"; session: Session }
  | { kind: "refresh"; refreshToken: string; session: Session | undefined }
  | { kind: "signed_out"; session: undefined }
) & {
  /** Storage to fix up: "clear" a corrupted or dead entry, "write" a session from the host. */
  rewrite: "clear" | "write" | undefined;
};

function isUsable(session: Session, now: number): boolean {
  const { expiresAt, refreshToken } = session;
  return expiresAt === undefined || now < expiresAt || refreshToken !== undefined;
}

/**
 * Picks the stored session, else `initialSession`, else `initialRefreshToken`: a session
 * whose access token has expired is refreshed (or dropped when it has no refresh token).
 */
export function decideStart(
  raw: string | null,
  options: { initialSession?: Session; initialRefreshToken?: string },
  now: number,
): StartDecision {
  const parsed = parseStoredSession(raw);
  const corrupted = raw !== null && parsed === undefined;
  // A stored session that expired with no way to refresh it is as good as none.
  const stored = parsed && isUsable(parsed, now) ? parsed : undefined;
  const fromHost =
    stored === undefined && isSession(options.initialSession)
      ? withExpiry(options.initialSession)
      : undefined;
  const session = stored ?? fromHost;
  const expired = session?.expiresAt !== undefined && now >= session.expiresAt;
  if (session && !expired) {
    return {
      kind: "signed_in",
      session,
      rewrite: fromHost ? "write" : corrupted ? "clear" : undefined,
    };
  }
  const refreshToken = session?.refreshToken ?? options.initialRefreshToken;
  const dead = corrupted || parsed !== undefined;
  if (refreshToken === undefined) {
    return { kind: "signed_out", session: undefined, rewrite: dead ? "clear" : undefined };
  }
  return { kind: "refresh", refreshToken, session, rewrite: corrupted ? "clear" : undefined };
}
