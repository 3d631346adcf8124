// @vitest-environment node
import { createAppsmithBridge } from "../../../src/bridge/appsmithBridge.js";
import { createAuthClient } from "../../../src/core/createAuthClient.js";
import { demo } from "../../../src/providers/demo.js";
import {
  createWidgetController,
  type WidgetRenderState,
} from "../../../src/widget/widgetController.js";
import { createFakeAppsmith } from "./fakeAppsmith.js";

const provider = { type: "demo" };

// One adapter for every engine, so a refresh token from one restores a session in the next.
async function setup(modelFor: (tokens: string[]) => Record<string, unknown>) {
  const adapter = demo({ latencyMs: 0, accessTokenTtlSeconds: 3600 });
  const tokens = [
    (await adapter.signIn({ email: "demo@example.com", password: "password123" })).refreshToken,
    (await adapter.signIn({ email: "demo@example.com", password: "password123" })).refreshToken,
  ] as string[];
  const host = createFakeAppsmith({ model: modelFor(tokens) });
  const renders: WidgetRenderState[] = [];
  const builds: unknown[] = [];
  const controller = createWidgetController({
    bridge: createAppsmithBridge({ getGlobal: () => host.appsmith }),
    render: (state) => renders.push(state),
    createClient: (config, gate) => {
      builds.push(config);
      return createAuthClient({
        adapter: gate(adapter),
        storage: "memory",
        crossTab: false,
        ...(config.refreshToken ? { initialRefreshToken: config.refreshToken } : {}),
      });
    },
  });
  const stop = controller.start();
  const client = () => {
    const last = renders.at(-1);
    if (last?.kind !== "ready") throw new Error("no engine");
    return last.client;
  };
  // The React layer starts the engine; here the test does.
  const stopEngine = client().start();
  const settle = () => new Promise((resolve) => setTimeout(resolve, 20));
  return {
    host,
    renders,
    builds,
    tokens,
    client,
    settle,
    stop: () => {
      stopEngine();
      stop();
    },
  };
}

const names = (events: Array<{ name: string }>) => events.map((event) => event.name);

describe("createWidgetController", () => {
  it("restores a session from the model's refresh token on start (onTokenRefresh)", async () => {
    const widget = await setup((tokens) => ({ provider, refreshToken: tokens[0] }));
    await widget.settle();
    expect(names(widget.host.events)).toEqual(["onTokenRefresh"]);
    expect(widget.host.hostModel()).toMatchObject({
      status: "signed_in",
      user: { email: "demo@example.com" },
    });
    widget.stop();
  });

  it("reports an unknown stored token as onAuthError and a signed-out model, not a crash", async () => {
    const widget = await setup(() => ({ provider, refreshToken: "unknown" }));
    await widget.settle();
    expect(widget.host.events[0]).toMatchObject({
      name: "onAuthError",
      context: { action: "refresh", code: "session_expired" },
    });
    expect(widget.host.hostModel().status).toBe("signed_out");
    widget.stop();
  });

  it("restores when a new refresh token arrives while signed out, once", async () => {
    const widget = await setup(() => ({ provider }));
    await widget.settle();
    expect(widget.host.hostModel().status).toBe("signed_out");
    expect(names(widget.host.events)).toEqual(["onNoSession"]);
    widget.host.resetModel({ provider, refreshToken: widget.tokens[0] });
    await widget.settle();
    expect(names(widget.host.events)).toEqual(["onNoSession", "onTokenRefresh"]);
    expect(widget.host.events[1]?.context).toMatchObject({
      accessToken: expect.any(String),
      refreshToken: expect.any(String),
      expiresAt: expect.any(Number),
      user: { email: "demo@example.com" },
    });
    expect(widget.host.hostModel()).toMatchObject({
      status: "signed_in",
      user: { email: "demo@example.com" },
    });
    // The same token echoed back, or a new one while signed in, starts nothing.
    widget.host.resetModel({ ...widget.host.hostModel() });
    widget.host.resetModel({ provider, refreshToken: widget.tokens[1] });
    await widget.settle();
    expect(names(widget.host.events)).toEqual(["onNoSession", "onTokenRefresh"]);
    expect(widget.builds).toHaveLength(1);
    widget.stop();
  });

  it("tries a token that arrives while the first restore is in flight, once that one fails", async () => {
    const widget = await setup(() => ({ provider, refreshToken: "rotated-away" }));
    expect(widget.client().getState().status).toBe("initializing");
    // The app stores newer tokens meanwhile (another tab rotated it): only the latest counts.
    widget.host.resetModel({ provider, refreshToken: "also-stale" });
    widget.host.resetModel({ provider, refreshToken: widget.tokens[0] });
    await widget.settle();
    const events = names(widget.host.events);
    expect(events.filter((name) => name === "onAuthError")).toHaveLength(1);
    expect(events.at(-1)).toBe("onTokenRefresh");
    expect(widget.host.hostModel()).toMatchObject({
      status: "signed_in",
      user: { email: "demo@example.com" },
    });
    expect(widget.builds).toHaveLength(1);
    widget.stop();
  });

  it("keeps the session a restore brought when a newer token arrives during it", async () => {
    const widget = await setup((tokens) => ({ provider, refreshToken: tokens[0] }));
    widget.host.resetModel({ provider, refreshToken: widget.tokens[1] });
    await widget.settle();
    expect(names(widget.host.events)).toEqual(["onTokenRefresh"]);
    expect(widget.host.hostModel().status).toBe("signed_in");
    widget.stop();
  });

  it("writes its keys again after a reset to a Default Model that declares them empty", async () => {
    // App builders often list the keys the widget writes in the Default Model.
    const placeholders = {
      status: "",
      accessToken: null,
      expiresAt: null,
      user: null,
      error: null,
    };
    const widget = await setup((tokens) => ({
      provider,
      refreshToken: tokens[0],
      ...placeholders,
    }));
    await widget.settle();
    const written = widget.host.hostModel();
    expect(written).toMatchObject({ status: "signed_in", accessToken: expect.any(String) });
    widget.host.resetModel({ provider, refreshToken: written.refreshToken, ...placeholders });
    await widget.settle();
    expect(widget.host.hostModel()).toMatchObject({
      status: "signed_in",
      accessToken: written.accessToken,
      user: { email: "demo@example.com" },
    });
    expect(names(widget.host.events)).toEqual(["onTokenRefresh"]);
    // The echo of the rewrite matches: no further writes.
    const writes = widget.host.updates.length;
    await widget.settle();
    expect(widget.host.updates).toHaveLength(writes);
    widget.stop();
  });

  it("builds a new engine only when the provider or margin changes", async () => {
    const widget = await setup(() => ({ provider, view: "login" }));
    widget.host.resetModel({ provider, view: "signup" });
    expect(widget.builds).toHaveLength(1);
    expect(widget.renders.at(-1)).toMatchObject({
      kind: "ready",
      config: { view: "signup" },
      engineId: 1,
    });
    const rendersBefore = widget.renders.length;
    widget.host.resetModel({ provider, view: "signup", status: "whatever" });
    expect(widget.renders).toHaveLength(rendersBefore);
    widget.host.resetModel({ provider: { type: "demo", latencyMs: 0 }, view: "signup" });
    expect(widget.builds).toHaveLength(2);
    expect(widget.renders.at(-1)).toMatchObject({ kind: "ready", engineId: 2 });
    widget.stop();
  });

  it("shows a provider config error from createAdapter without throwing", async () => {
    const host = createFakeAppsmith({
      model: { provider: { type: "supabase", url: "not a url" } },
    });
    const renders: WidgetRenderState[] = [];
    const controller = createWidgetController({
      bridge: createAppsmithBridge({ getGlobal: () => host.appsmith }),
      render: (state) => renders.push(state),
    });
    const stop = controller.start();
    expect(renders).toHaveLength(1);
    const [state] = renders;
    expect(state?.kind === "error" && state.error.code).toBe("invalid_config");
    expect(host.updates.at(-1)).toMatchObject({
      status: "signed_out",
      error: { code: "invalid_config" },
    });
    stop();
  });
});
