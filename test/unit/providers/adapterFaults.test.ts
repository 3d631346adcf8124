// @vitest-environment node

import { isAuthError } from "../../../src/core/AuthError.js";
import type { AuthAdapter } from "../../../src/core/adapter.js";
import type { Clock, FetchLike } from "../../../src/core/ports.js";
import { firebase } from "../../../src/providers/firebase.js";
import { oauth2 } from "../../../src/providers/oauth2.js";
import { rest } from "../../../src/providers/rest.js";
import { supabase } from "../../../src/providers/supabase.js";
import { xano } from "../../../src/providers/xano.js";
import { expectNoLeak, FAULT_NOW, FAULTS } from "../../fakes/faults.js";

interface Ports {
  fetch: FetchLike;
  clock: Clock;
  timeoutMs?: number;
}

// Every fetch-based adapter, built from its smallest real configuration.
const ADAPTERS: Record<string, (ports: Ports) => AuthAdapter> = {
  supabase: (ports) => supabase({ url: "https://p.supabase.co", anonKey: "anon", ...ports }),
  firebase: (ports) => firebase({ apiKey: "web-key", ...ports }),
  xano: (ports) => xano({ baseUrl: "https://x.xano.io/api:abc", ...ports }),
  oauth2: (ports) =>
    oauth2({ tokenUrl: "https://idp.test/oauth/token", clientId: "spa", ...ports }),
  rest: (ports) =>
    rest({ baseUrl: "https://api.test", endpoints: { signIn: { path: "/login" } }, ...ports }),
};

describe.each(Object.entries(ADAPTERS))("%s × fault table", (_name, make) => {
  for (const fault of FAULTS) {
    it(`sign-in: ${fault.name} → ${fault.code}`, async () => {
      const adapter = make({
        fetch: fault.fetch,
        clock: { now: () => FAULT_NOW },
        ...(fault.timeoutMs ? { timeoutMs: fault.timeoutMs } : {}),
      });
      const error = await adapter.signIn({ email: "f@example.com", password: "pw-secret" }).then(
        () => undefined,
        (e: unknown) => e,
      );
      if (!isAuthError(error)) throw new Error(`expected an AuthError, got ${String(error)}`);
      expect(error.code).toBe(fault.code);
      expect(error.provider).toBe(adapter.name);
      if (fault.status !== undefined) expect(error.status).toBe(fault.status);
      if (fault.retryAfterMs !== undefined) expect(error.retryAfterMs).toBe(fault.retryAfterMs);
      expectNoLeak(error, ["pw-secret"]);
    });
  }
});
