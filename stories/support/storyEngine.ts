import { isAuthError } from "../../src/core/AuthError.js";
import type { AuthAdapter } from "../../src/core/adapter.js";
import type { AuthClient } from "../../src/core/clientTypes.js";
import { createAuthClient } from "../../src/core/createAuthClient.js";
import type { Session } from "../../src/core/types.js";
import { demo } from "../../src/providers/demo.js";
import { currentProviderName } from "./providerChoice.js";

/** The state a story's engine starts in. */
export type StartState = "signed_out" | "signed_in" | "refreshing" | "expired";

/** How a story wants its auth engine. */
export interface StoryEngineOptions {
  start?: StartState;
  /** Demo latency per call; a very long one keeps a submitted form pending. */
  latencyMs?: number;
}

/** The account every signed-in story uses (the demo adapter's seed user). */
export const DEMO_USER = { email: "demo@example.com", password: "password123" } as const;

/** Refresh 10 s before the demo's 30 s tokens expire, so a refresh shows up in ~20 s. */
export const STORY_REFRESH_MARGIN_MS = 10_000;

async function makeAdapter(options: StoryEngineOptions): Promise<AuthAdapter> {
  if (currentProviderName() === "firebase") {
    const { firebaseForPreview } = await import("./firebaseForPreview.js");
    return firebaseForPreview();
  }
  // Each story starts from the demo's seed state, whatever earlier stories signed up.
  return demo({
    storage: "memory",
    ...(options.latencyMs === undefined ? {} : { latencyMs: options.latencyMs }),
  });
}

// Signed-in stories begin with a real session from the same adapter, so refreshes work. A
// real server (the emulator) starts empty: the account is made on first use. Signing in
// first keeps a failed request (which the browser logs) to that first time.
async function demoUserSession(adapter: AuthAdapter): Promise<Session> {
  try {
    return await adapter.signIn(DEMO_USER);
  } catch (error) {
    if (!isAuthError(error) || error.code !== "invalid_credentials") throw error;
    await adapter.signUp(DEMO_USER);
    return adapter.signIn(DEMO_USER);
  }
}

// Refreshing stories need a refresh that stays in flight while someone looks at it.
function withStuckRefresh(adapter: AuthAdapter): AuthAdapter {
  return {
    name: adapter.name,
    capabilities: adapter.capabilities,
    signUp: (input, options) => adapter.signUp(input, options),
    signIn: (input, options) => adapter.signIn(input, options),
    signOut: (session, options) => adapter.signOut(session, options),
    refresh: () => new Promise<Session>(() => {}),
  };
}

async function initialSessionFor(start: StartState, adapter: AuthAdapter) {
  if (start === "signed_out") return undefined;
  const session = await demoUserSession(adapter);
  const now = Date.now();
  if (start === "refreshing") return { ...session, expiresAt: now + 2_000 };
  // An expired token whose refresh token the server no longer knows: the engine tries to
  // refresh, is told `session_expired`, and signs out with reason "expired".
  if (start === "expired") {
    return { ...session, expiresAt: now - 1_000, refreshToken: "revoked-refresh-token" };
  }
  return session;
}

/** Builds a story's engine (in memory, never persisted) in the state it asks for. */
export async function createStoryEngine(options: StoryEngineOptions): Promise<AuthClient> {
  const start = options.start ?? "signed_out";
  const base = await makeAdapter(options);
  // Stories that sign in through the form need the account on a real server too.
  if (base.name !== "demo" && start === "signed_out") await demoUserSession(base);
  const initialSession = await initialSessionFor(start, base);
  return createAuthClient({
    adapter: start === "refreshing" ? withStuckRefresh(base) : base,
    storage: "memory",
    crossTab: false,
    refreshMarginMs: STORY_REFRESH_MARGIN_MS,
    ...(initialSession ? { initialSession } : {}),
  });
}
