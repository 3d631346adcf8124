// A provider that rotates refresh tokens and revokes the whole family on reuse, shared by the
// rotation tests (two tabs, their storage in step or lagging).
import { AuthError } from "../../../src/core/AuthError.js";
import type { AuthAdapter } from "../../../src/core/adapter.js";
import type { Session } from "../../../src/core/types.js";
import { passwordCapabilities } from "../../../src/providers/shared.js";
import { HOUR } from "./fakeAdapter.js";

/** A provider that rotates refresh tokens and, on reuse, revokes the whole family. */
export function rotatingProvider() {
  let issued = 0;
  const live = new Set<string>();
  const spent: string[] = [];
  const issue = (): Session => {
    issued += 1;
    const refreshToken = `rt-${issued}`;
    live.add(refreshToken);
    const user = { id: "u1", email: "ada@example.com" };
    return {
      accessToken: `at-${issued}`,
      refreshToken,
      expiresAt: Date.now() + HOUR,
      tokenType: "bearer",
      user,
      provider: "rotating",
    };
  };
  const adapter: AuthAdapter = {
    name: "rotating",
    capabilities: passwordCapabilities(false, true, false),
    signUp: async () => ({ kind: "session", session: issue() }),
    signIn: async () => issue(),
    refresh: (token) =>
      new Promise<Session>((resolve, reject) => {
        setTimeout(() => {
          spent.push(token);
          if (!live.delete(token)) {
            live.clear();
            reject(new AuthError("session_expired", { status: 400 }));
          } else resolve(issue());
        }, 5);
      }),
    signOut: async () => {},
  };
  return { adapter, spent, first: issue };
}
