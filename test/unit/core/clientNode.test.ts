// @vitest-environment node
import { createAuthClient } from "../../../src/core/createAuthClient.js";
import { createFakeAdapter, makeSession } from "./fakeAdapter.js";

describe("createAuthClient without a DOM (server rendering)", () => {
  it("starts and stops with no window, document or Web Storage, falling back to memory", async () => {
    expect(typeof window).toBe("undefined");
    const adapter = createFakeAdapter();
    const client = createAuthClient({ adapter, initialSession: makeSession() });
    expect(client.getState().persistence).toBe("memory");
    const stop = client.start();
    expect(client.getState().status).toBe("signed_in");
    await client.signOut();
    expect(client.getState().status).toBe("signed_out");
    stop();
  });
});
