// Every adapter × every transient fault × every age of the access token (valid, inside the
// refresh margin, expired, none: a restore from a refresh token alone): the session and its
// refresh token are kept, and the engine takes the provider's answer once it is back. A
// refused refresh token still ends the session once, whatever its age.
import { createAuthClient } from "../../../src/core/createAuthClient.js";
import type { FetchLike } from "../../../src/core/ports.js";
import { createMemoryStorage } from "../../../src/core/storage.js";
import type { AuthEvent, Session } from "../../../src/core/types.js";
import {
  ADAPTER_NAMES,
  buildAdapter,
  FAULT_IDS,
  type FaultId,
  faultFetch,
  NEW_ACCESS,
  refreshOutcome,
} from "./faultCells.js";
import { expectConsistent, guardConsoleAndRejections, makeJwt, watchStates } from "./guards.js";

guardConsoleAndRejections();
beforeEach(() => {
  vi.useFakeTimers();
});
afterEach(() => {
  vi.useRealTimers();
});

const OLD_ACCESS = makeJwt({ sub: "u1", email: "ada@example.com", exp: 4_102_444_800, n: 2 });
const OLD_REFRESH = "rt-old-kept-through-outage";
const AGES = { valid: 30 * 60_000, "inside the margin": 30_000, expired: -1_000 } as const;
type Age = keyof typeof AGES | "restore only";
const AGE_NAMES: Age[] = ["valid", "inside the margin", "expired", "restore only"];

function sessionOf(name: string, age: keyof typeof AGES): Session {
  return {
    accessToken: OLD_ACCESS,
    refreshToken: OLD_REFRESH,
    expiresAt: Date.now() + AGES[age],
    tokenType: "bearer",
    user: { id: "u1", email: "ada@example.com" },
    provider: name,
  };
}

const ADAPTERS = ADAPTER_NAMES.filter((name) => name !== "xano" && name !== "demo");
const TRANSIENT = FAULT_IDS.filter((fault) => refreshOutcome("supabase", fault).kind === "kept");

function setup(name: (typeof ADAPTERS)[number], fault: FaultId, age: Age) {
  let fetchNow = faultFetch(fault, name, "refresh");
  const bodies: string[] = [];
  const fetch: FetchLike = (url, init) => {
    bodies.push(String(init?.body ?? ""));
    return fetchNow(url, init);
  };
  const storage = createMemoryStorage();
  const client = createAuthClient({
    adapter: buildAdapter(name, fetch),
    storage,
    crossTab: false,
    retry: { baseMs: 10, maxMs: 20 },
    ...(age === "restore only"
      ? { initialRefreshToken: OLD_REFRESH }
      : { initialSession: sessionOf(name, age) }),
  });
  const events: AuthEvent[] = [];
  client.onEvent((event) => events.push(event));
  const states = watchStates(client);
  return {
    client,
    events,
    states,
    bodies,
    stored: () => storage.getItem("appsmith-auth-kit.session") as string | null,
    providerBack: () => {
      fetchNow = faultFetch("expired access token", name, "refresh");
    },
  };
}

/** Moves the fake clock on, 5 ms at a time, until `check` passes (at most 20 s of it). */
async function until(check: () => void): Promise<void> {
  for (let waited = 0; ; waited += 5) {
    try {
      check();
      return;
    } catch (error) {
      if (waited > 20_000) throw error;
      await vi.advanceTimersByTimeAsync(5);
    }
  }
}

describe.each(ADAPTERS)("%s", (name) => {
  describe.each(AGE_NAMES)("access token %s", (age) => {
    it.each(TRANSIENT)("%s keeps the session and recovers", async (fault) => {
      const t = setup(name, fault, age);
      const stop = t.client.start();
      // A valid token is not due: the app asks for a refresh itself.
      if (age === "valid") void t.client.refresh();
      await until(() => expect(t.events.map((e) => e.type)).toEqual(["error"]));
      const state = t.client.getState();
      const usable = age === "valid" || age === "inside the margin";
      expect(state.status).toBe(usable ? "signed_in" : "reconnecting");
      if (age === "restore only") expect(state.session).toBeNull();
      else expect(state.session?.refreshToken).toBe(OLD_REFRESH);
      if (age !== "restore only") expect(t.stored()).toContain(OLD_REFRESH);
      // Retries go on (once per outage to the app), each with the same refresh token.
      await until(() => expect(t.bodies.length).toBeGreaterThan(2));
      expect(t.bodies.every((body) => body.includes(OLD_REFRESH))).toBe(true);
      // Never an expired token: the still-valid one, or none.
      const token: { value?: string | null } = {};
      void t.client.getAccessToken().then((value) => {
        token.value = value;
      });
      await until(() => expect(token.value).toBe(usable ? OLD_ACCESS : null));
      expect(t.events.map((e) => e.type)).toEqual(["error"]);
      t.providerBack();
      window.dispatchEvent(new Event("online"));
      await until(() => expect(t.events.map((e) => e.type)).toEqual(["error", "token_refreshed"]));
      expect(t.client.getState()).toMatchObject({
        status: "signed_in",
        error: null,
        session: { accessToken: NEW_ACCESS },
      });
      stop();
      t.states.forEach(expectConsistent);
    });

    it("a refused refresh token ends the session once", async () => {
      const t = setup(name, "revoked or reused refresh token", age);
      const stop = t.client.start();
      if (age === "valid") void t.client.refresh();
      await until(() => expect(t.client.getState().status).toBe("signed_out"));
      expect(t.events).toEqual([
        {
          type: "error",
          action: "refresh",
          error: expect.objectContaining({ code: "session_expired" }),
        },
        { type: "signed_out", reason: "revoked" },
      ]);
      expect(t.stored()).toBeNull();
      await vi.advanceTimersByTimeAsync(60_000);
      expect(t.bodies).toHaveLength(1);
      stop();
      t.states.forEach(expectConsistent);
    });
  });
});
