import { isAuthError } from "../../../src/core/AuthError.js";

const loads = vi.hoisted(() => ({ count: 0 }));

// The first load of the provider chunk fails the way a browser reports a dropped connection;
// later loads succeed.
vi.mock("../../../src/providers/createAdapter.js", async (importOriginal) => {
  loads.count += 1;
  if (loads.count === 1) throw new TypeError("Failed to fetch dynamically imported module");
  return importOriginal();
});

import { lazyAdapter } from "../../../src/providers/lazyAdapter.js";

describe("lazyAdapter", () => {
  it("turns a failed chunk load into a retryable network AuthError and loads again next time", async () => {
    const adapter = lazyAdapter({ type: "demo", latencyMs: 0 });
    const first = await adapter.refresh("token").catch((error: unknown) => error);
    expect(isAuthError(first)).toBe(true);
    expect(first).toMatchObject({ code: "network", provider: "demo" });

    const session = await adapter.signIn({ email: "demo@example.com", password: "password123" });
    expect(session.provider).toBe("demo");
  });
});
