// @vitest-environment node
// How a page load ends, told to the app once: restored, nothing to restore, or kept offline;
// and the model written only when it changes.
import { createAppsmithBridge } from "../../../src/bridge/appsmithBridge.js";
import { AuthError } from "../../../src/core/AuthError.js";
import type { AuthAdapter } from "../../../src/core/adapter.js";
import { createAuthClient } from "../../../src/core/createAuthClient.js";
import { demo } from "../../../src/providers/demo.js";
import { createWidgetController } from "../../../src/widget/widgetController.js";
import { createFakeAppsmith } from "./fakeAppsmith.js";

const provider = { type: "demo" };
const names = (events: Array<{ name: string }>) => events.map((event) => event.name);

/** A demo adapter whose refreshes can be made to fail transiently, counting requests. */
function flakyDemo() {
  const base = demo({ latencyMs: 0, accessTokenTtlSeconds: 3600 });
  const state = { down: false, refreshes: 0 };
  const adapter: AuthAdapter = {
    ...base,
    capabilities: base.capabilities,
    refresh: async (token) => {
      state.refreshes += 1;
      if (state.down) throw new AuthError("network");
      return base.refresh(token);
    },
  };
  return { adapter, base, state };
}

async function widgetOn(model: Record<string, unknown>, flaky = flakyDemo()) {
  const host = createFakeAppsmith({ model });
  const clients: Array<ReturnType<typeof createAuthClient>> = [];
  const stops: Array<() => void> = [];
  const controller = createWidgetController({
    bridge: createAppsmithBridge({ getGlobal: () => host.appsmith }),
    // The React layer starts each engine; here the controller's render does.
    render: (state) => {
      if (state.kind === "ready" && !clients.includes(state.client)) {
        clients.push(state.client);
        stops.push(state.client.start());
      }
    },
    createClient: (config, gate) =>
      createAuthClient({
        adapter: gate(flaky.adapter),
        storage: "memory",
        crossTab: false,
        retry: { baseMs: 20, maxMs: 40 },
        ...(config.refreshToken ? { initialRefreshToken: config.refreshToken } : {}),
      }),
  });
  const stop = controller.start();
  const settle = (ms = 30) => new Promise((resolve) => setTimeout(resolve, ms));
  return {
    host,
    flaky,
    clients,
    settle,
    stop: () => {
      for (const end of stops) end();
      stop();
    },
  };
}

async function tokenFor(flaky: ReturnType<typeof flakyDemo>) {
  const session = await flaky.base.signIn({ email: "demo@example.com", password: "password123" });
  return session.refreshToken as string;
}

describe("the widget tells the app how the page load ended", () => {
  it("nothing to restore: onNoSession once, with reason no_session", async () => {
    const widget = await widgetOn({ provider, view: "logout" });
    await widget.settle();
    expect(widget.host.events).toEqual([
      { name: "onNoSession", context: { reason: "no_session" } },
    ]);
    // A new engine (the margin changed) while still signed out tells nothing again.
    widget.host.resetModel({ provider, view: "logout", refreshMarginSeconds: 30 });
    await widget.settle();
    expect(widget.clients).toHaveLength(2);
    expect(names(widget.host.events)).toEqual(["onNoSession"]);
    widget.stop();
  });

  it("restored: onTokenRefresh, and no onNoSession", async () => {
    const flaky = flakyDemo();
    const widget = await widgetOn({ provider, refreshToken: await tokenFor(flaky) }, flaky);
    await widget.settle();
    expect(names(widget.host.events)).toEqual(["onTokenRefresh"]);
    widget.stop();
  });

  it("a refused token: onAuthError and onLogout, no onNoSession", async () => {
    const widget = await widgetOn({ provider, refreshToken: "unknown" });
    await widget.settle();
    expect(names(widget.host.events)).toEqual(["onAuthError", "onLogout"]);
    widget.stop();
  });

  it("kept offline: one onAuthError per outage, never onLogout, token null; restored once back", async () => {
    const flaky = flakyDemo();
    const token = await tokenFor(flaky);
    flaky.state.down = true;
    const widget = await widgetOn({ provider, view: "logout", refreshToken: token }, flaky);
    await widget.settle(200);
    expect(flaky.state.refreshes).toBeGreaterThan(2);
    expect(widget.host.events).toEqual([
      {
        name: "onAuthError",
        context: { action: "refresh", code: "network", message: expect.any(String) },
      },
    ]);
    expect(widget.host.hostModel()).toMatchObject({
      status: "reconnecting",
      accessToken: null,
      refreshToken: token,
    });
    flaky.state.down = false;
    await vi.waitFor(() => expect(widget.host.hostModel().status).toBe("signed_in"), {
      timeout: 2000,
      interval: 10,
    });
    expect(names(widget.host.events)).toEqual(["onAuthError", "onTokenRefresh"]);
    expect(widget.host.hostModel().accessToken).toEqual(expect.any(String));
    widget.stop();
  });
});

describe("one refresh token in flight per widget", () => {
  it("100 engine rebuilds during a restore make one refresh request, and the session survives", async () => {
    const flaky = flakyDemo();
    const token = await tokenFor(flaky);
    const widget = await widgetOn({ provider, refreshToken: token }, flaky);
    for (let margin = 1; margin <= 100; margin += 1) {
      widget.host.resetModel({ provider, refreshToken: token, refreshMarginSeconds: margin });
    }
    await widget.settle(100);
    expect(widget.clients).toHaveLength(101);
    expect(flaky.state.refreshes).toBe(1);
    expect(widget.host.hostModel().status).toBe("signed_in");
    expect(names(widget.host.events)).not.toContain("onLogout");
    widget.stop();
  });
});

describe("updateModel only when something changed", () => {
  it("never writes the same state twice, the host's echoes of earlier writes included", async () => {
    const widget = await widgetOn({ provider, view: "logout" });
    await widget.settle();
    // The engine starts as it renders: its first state is already signed out.
    const statuses = widget.host.updates.map((update) => update.status);
    expect(statuses).toEqual(["signed_out"]);
    // The echoes have come back; nothing is written again.
    await widget.settle();
    expect(widget.host.updates).toHaveLength(1);
    widget.stop();
  });
});
