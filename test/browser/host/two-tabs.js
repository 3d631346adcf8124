// One tab of the two-tab refresh test: the session engine of the built CDN file with the
// default "local" storage, so tabs of this origin share the session (storage, BroadcastChannel
// and, where the browser has them, Web Locks). The test reads the state through window.tab.
import { createAdapter, createAuthClient } from "../cdn/appsmith-auth-kit.widget.js";

let client;
const events = [];

window.tab = {
  /** Creates and starts the engine: `{ provider, storageKey, refreshMarginMs }`. */
  start({ provider, storageKey, refreshMarginMs }) {
    client = createAuthClient({ adapter: createAdapter(provider), storageKey, refreshMarginMs });
    client.onEvent((event) => {
      const entry = { type: event.type };
      if (event.reason) entry.reason = event.reason;
      if (event.error) entry.code = event.error.code;
      events.push(entry);
    });
    client.start();
  },
  signIn: (email, password) => client.signIn({ email, password }).then(() => undefined),
  /** What the test compares across tabs (this page is a test fixture, never a product page). */
  state() {
    const { status, session } = client.getState();
    return {
      status,
      refreshToken: session?.refreshToken ?? null,
      accessToken: session?.accessToken ?? null,
      expiresAt: session?.expiresAt ?? null,
      now: Date.now(),
      events,
    };
  },
  hasLocks: () => typeof navigator.locks?.request === "function",
};
