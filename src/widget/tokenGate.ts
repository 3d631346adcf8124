import type { AuthAdapter } from "../core/adapter.js";
import type { Session } from "../core/types.js";

/**
 * One refresh token in flight per widget, whatever the model does. Each engine the widget
 * builds (a provider key or the margin changed) gets the same adapter wrapped by this gate:
 * a token being spent, or rotated away, by an earlier engine is not sent again: the engine
 * gets the session that spending produced, renewed with its (rotated) refresh token when its
 * access token has expired since.
 */
export function createTokenGate(now: () => number = Date.now) {
  const spent = new Map<string, Promise<Session>>();

  async function refresh(adapter: AuthAdapter, token: string): Promise<Session> {
    let flight = spent.get(token);
    if (!flight) {
      flight = adapter.refresh(token);
      spent.set(token, flight);
      // Only a rotated token is dead for good; one the provider kept (or a failed attempt)
      // may be sent again.
      flight.then(
        (session) => (session.refreshToken ?? token) !== token || spent.delete(token),
        () => spent.delete(token),
      );
    }
    const session = await flight;
    const { expiresAt, refreshToken } = session;
    const stale = expiresAt !== undefined && now() >= expiresAt;
    const rotated = refreshToken !== undefined && refreshToken !== token;
    return stale && rotated ? refresh(adapter, refreshToken) : session;
  }

  return {
    /** `adapter`, with its refreshes going through the gate. */
    wrap(adapter: AuthAdapter): AuthAdapter {
      // Everything else, `capabilities` getter included, is the adapter's own.
      const gated: AuthAdapter = Object.create(adapter);
      gated.refresh = (token) => refresh(adapter, token);
      return gated;
    },
  };
}
