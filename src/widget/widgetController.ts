import type { HostBridge, HostModel } from "../bridge/hostBridge.js";
import {
  type AuthError,
  type AuthErrorCode,
  DEFAULT_ERROR_MESSAGES,
  toAuthError,
} from "../core/AuthError.js";
import type { AuthAdapter } from "../core/adapter.js";
import type { AuthClient } from "../core/clientTypes.js";
import { createAuthClient } from "../core/createAuthClient.js";
import { createSessionStore } from "../core/sessionStore.js";
import type { AuthEvent, AuthState } from "../core/types.js";
import { type AdapterConfig, createAdapter } from "../providers/createAdapter.js";
import { mergeMessages } from "../react/messages.js";
import { eventToTrigger, stateToModel } from "./hostSync.js";
import { browserLocale, WIDGET_LOCALES } from "./locales.js";
import {
  engineKey,
  readWidgetConfig,
  stableJson,
  viewKey,
  type WidgetConfig,
  type WidgetConfigInput,
} from "./modelConfig.js";
import { createModelWriter } from "./modelWriter.js";
import { createTokenGate } from "./tokenGate.js";

/** What the widget shows: a configuration error, or the forms over a running engine. */
export type WidgetRenderState =
  | { kind: "error"; error: AuthError; messages?: HostModel }
  | { kind: "ready"; client: AuthClient; config: WidgetConfig; engineId: number };

/** Options for {@link createWidgetController}. */
export interface WidgetControllerOptions {
  bridge: HostBridge;
  overrides?: WidgetConfigInput;
  /** Called whenever what the widget shows changes. */
  render: (state: WidgetRenderState) => void;
  /** Called with every event of the engine in use, as `client.onEvent` delivers it. */
  onEvent?: ((event: AuthEvent) => void) | undefined;
  /** Builds the engine; injectable for tests (`gate` wraps its adapter). */
  createClient?: (config: WidgetConfig, gate: (adapter: AuthAdapter) => AuthAdapter) => AuthClient;
}

const SIGNED_OUT: AuthState = {
  status: "signed_out",
  session: null,
  error: null,
  persistence: "memory",
};

function defaultClient(config: WidgetConfig, gate: (adapter: AuthAdapter) => AuthAdapter) {
  const adapter = gate(createAdapter(config.provider as unknown as AdapterConfig));
  return createAuthClient({
    adapter,
    // The sandboxed frame has no storage: the app keeps the refresh token with storeValue
    // and hands it back through the Default Model.
    storage: "memory",
    crossTab: false,
    ...(config.refreshMarginSeconds === undefined
      ? {}
      : { refreshMarginMs: config.refreshMarginSeconds * 1000 }),
    ...(config.refreshToken === undefined ? {} : { initialRefreshToken: config.refreshToken }),
  });
}

/**
 * Keeps one engine in step with the host model: builds it from the config, publishes its
 * state with `updateModel` and its events with `triggerEvent`, and reacts only to model keys
 * that really changed, so the host echoing the widget's own writes never loops.
 */
export function createWidgetController(options: WidgetControllerOptions) {
  const { bridge, render } = options;
  const buildClient = options.createClient ?? defaultClient;
  let client: AuthClient | undefined;
  let shownClient: AuthClient | undefined;
  let detachEngine: (() => void) | undefined;
  let engineId = 0;
  let currentEngineKey: string | undefined;
  let currentViewKey: string | undefined;
  let lastRefreshToken: string | undefined;
  let restoring: Promise<unknown> = Promise.resolve();
  let configError: AuthError | undefined;
  let errorShown: string | undefined;
  const writer = createModelWriter(bridge);
  const gate = createTokenGate();
  // Whether this page load's start was told to the app yet (restored, kept offline, ended).
  let startTold = false;
  // The error texts the forms show (the locale's, under the model's `messages`).
  let errorTexts: Record<AuthErrorCode, string> = { ...DEFAULT_ERROR_MESSAGES };

  /** The app sees the words the form shows; a message with a detail of its own is kept. */
  const errorMessage = (error: { code: AuthErrorCode; message: string }) =>
    error.message === DEFAULT_ERROR_MESSAGES[error.code] ? errorTexts[error.code] : error.message;

  /** Writes the state unless the model already holds it; `fromHost` after the host sent one. */
  function publishState(fromHost = false): void {
    const engineState = client?.getState() ?? SIGNED_OUT;
    const state = stateToModel(engineState);
    if (state.error && engineState.error) state.error.message = errorMessage(engineState.error);
    if (configError) state.error = { code: configError.code, message: configError.message };
    writer.write(state, fromHost);
  }

  /** A start that ended with nothing to restore (no event told it): `onNoSession`, once. */
  function noteStart(target: AuthClient): void {
    // After the engine's own events of this change (they follow the state by a tick).
    queueMicrotask(() => {
      if (startTold || client !== target || target.getState().status !== "signed_out") return;
      startTold = true;
      bridge.triggerEvent("onNoSession", { reason: "no_session" });
    });
  }

  function dropEngine(): void {
    detachEngine?.();
    detachEngine = undefined;
    client = undefined;
    shownClient = undefined;
    currentEngineKey = undefined;
    currentViewKey = undefined;
  }

  /**
   * The engine as the view sees it: on a session change its state follows the engine's once
   * the host has the model update and the event, so the host is told first and the view's
   * render (the signed-in card, the forms) never delays the host's acknowledgement.
   */
  function viewOf(engine: AuthClient) {
    const shown = createSessionStore(engine.getState());
    const view: AuthClient = Object.create(engine);
    view.getState = shown.getState;
    view.subscribe = shown.subscribe;
    const show = () => shown.setState(engine.getState());
    const { afterSent } = bridge;
    // A session that arrives, ends or is renewed is the host's news first (after the engine's
    // whole step: its event is sent after its state); the rest, such as a start with nothing
    // to restore, shows at once.
    const changed = () =>
      afterSent && (shown.getState().session || engine.getState().session)
        ? queueMicrotask(() => afterSent(show))
        : show();
    return { view, changed };
  }

  function buildEngine(config: WidgetConfig): void {
    dropEngine();
    const next = buildClient(config, gate.wrap);
    const { view, changed } = viewOf(next);
    // Subscribed before the provider starts the engine, so the first restore is seen.
    const offEvent = next.onEvent((event) => {
      startTold = true;
      const { name, context } = eventToTrigger(event);
      if (event.type === "error") context.message = errorMessage(event.error);
      bridge.triggerEvent(name, context);
      options.onEvent?.(event);
    });
    const offState = next.subscribe(() => {
      publishState();
      noteStart(next);
      changed();
    });
    detachEngine = () => {
      offEvent();
      offState();
    };
    client = next;
    shownClient = view;
    engineId += 1;
    currentEngineKey = engineKey(config);
    lastRefreshToken = config.refreshToken;
  }

  /**
   * A new token from the app is only a reason to sign in while nobody is signed in. One that
   * arrives while a restore is still in flight (the app stored a rotated token meanwhile) is
   * tried once that restore has failed; of several, only the latest.
   */
  function restoreFrom(target: AuthClient, token: string): void {
    restoring = restoring.then(() => {
      if (client !== target || lastRefreshToken !== token) return;
      if (target.getState().session !== null) return;
      return target.restore(token).catch(() => {});
    });
  }

  function showError(error: AuthError, messages?: unknown): void {
    dropEngine();
    configError = error;
    errorShown = stableJson([error.message, messages ?? null]);
    publishState();
    // The rest of the config may be wrong, but the title still follows `messages`.
    const isObject = typeof messages === "object" && messages !== null;
    render({ kind: "error", error, ...(isObject ? { messages: messages as HostModel } : {}) });
  }

  function onModel(model: HostModel): void {
    const result = readWidgetConfig(model, options.overrides);
    if (!result.ok) {
      const messages = options.overrides?.messages ?? model.messages;
      if (stableJson([result.error.message, messages ?? null]) !== errorShown) {
        showError(result.error, messages);
      } else publishState(true);
      return;
    }
    const { config } = result;
    const locale = WIDGET_LOCALES[config.locale ?? browserLocale()] ?? WIDGET_LOCALES.en;
    if (locale) errorTexts = mergeMessages(locale, config.messages).errors;
    let changed = configError !== undefined;
    configError = undefined;
    errorShown = undefined;
    if (engineKey(config) !== currentEngineKey) {
      try {
        buildEngine(config);
      } catch (error) {
        showError(toAuthError(error, "invalid_config"), config.messages);
        return;
      }
      changed = true;
    } else if (config.refreshToken !== lastRefreshToken) {
      lastRefreshToken = config.refreshToken;
      if (config.refreshToken && client) restoreFrom(client, config.refreshToken);
    }
    if (changed || viewKey(config) !== currentViewKey) {
      currentViewKey = viewKey(config);
      if (shownClient) render({ kind: "ready", client: shownClient, config, engineId });
    }
    publishState(true);
  }

  return {
    /** Subscribes to the host model and builds the first engine; returns a stop function. */
    start(): () => void {
      const offModel = bridge.onModelChange(onModel);
      return () => {
        offModel();
        dropEngine();
      };
    },
  };
}
