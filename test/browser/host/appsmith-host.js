// A fake Appsmith page holding one Custom Widget, speaking the widget message protocol as
// Appsmith's client does (app/client/src/widgets/CustomWidget/component/: index.tsx on the
// parent side, customWidgetscript.js inside the frame). Tests drive it through window.host
// and read what it recorded.

const EVENTS = {
  READY: "CUSTOM_WIDGET_READY",
  READY_ACK: "CUSTOM_WIDGET_READY_ACK",
  UPDATE_MODEL: "CUSTOM_WIDGET_UPDATE_MODEL",
  TRIGGER_EVENT: "CUSTOM_WIDGET_TRIGGER_EVENT",
  MODEL_CHANGE: "CUSTOM_WIDGET_MODEL_CHANGE",
  UI_CHANGE: "CUSTOM_WIDGET_UI_CHANGE",
  MESSAGE_RECEIVED_ACK: "CUSTOM_WIDGET_MESSAGE_RECEIVED_ACK",
  CONSOLE_EVENT: "CUSTOM_WIDGET_CONSOLE_EVENT",
  THEME_UPDATE: "CUSTOM_WIDGET_THEME_UPDATE",
  UPDATE_HEIGHT: "CUSTOM_WIDGET_UPDATE_HEIGHT",
};

/** The sandbox attribute of each Appsmith release the kit must work in. */
export const SANDBOX_VARIANTS = {
  "first-release": "allow-scripts allow-downloads",
  current:
    "allow-forms allow-modals allow-orientation-lock allow-pointer-lock allow-popups allow-scripts",
  "no-sandbox": null,
};

// Meyer reset, as Appsmith injects it first.
const RESET_CSS =
  "html,body,div,span,h1,h2,h3,h4,h5,h6,p,a,em,img,strong,b,u,i,ol,ul,li,fieldset,form,label,legend,table,tbody,tr,th,td,article,aside,footer,header,nav,section{margin:0;padding:0;border:0}body{line-height:1}ol,ul{list-style:none}table{border-collapse:collapse;border-spacing:0}";

/**
 * The frame-side script, injected as text. It follows Appsmith's customWidgetscript.js: a
 * one-at-a-time queue that waits for MESSAGE_RECEIVED_ACK (a payload postMessage cannot clone
 * throws inside the queue and stalls it for good), the READY handshake on load, and the
 * `appsmith` global. `firstRelease` removes what the first release lacked (theme,
 * onThemeChange, UPDATE_HEIGHT) and makes triggerEvent's context mandatory, as it was.
 */
function appsmithFrameMain(firstRelease, EVENTS) {
  const onMessageMap = new Map();
  function onMessage(type, fn) {
    let list = onMessageMap.get(type);
    if (list) list.push(fn);
    else {
      list = [fn];
      onMessageMap.set(type, list);
    }
    return () => list.splice(list.indexOf(fn), 1);
  }
  window.addEventListener("message", (event) => {
    if (event.source === window.parent) {
      const list = onMessageMap.get(event.data.type);
      if (list) for (const fn of [...list]) fn(event.data);
    }
  });
  const queue = [];
  let flushScheduled = false;
  const flush = () => {
    if (flushScheduled) return;
    flushScheduled = true;
    queueMicrotask(() => {
      (async () => {
        while (queue.length > 0) {
          const message = queue.shift();
          await new Promise((resolve) => {
            const key = Math.random();
            const unlisten = onMessage(EVENTS.MESSAGE_RECEIVED_ACK, (data) => {
              if (data.key === key && data.success) {
                unlisten();
                resolve();
              }
            });
            window.parent.postMessage({ ...message, key }, "*");
          });
        }
        flushScheduled = false;
      })();
    });
  };
  const channelPost = (type, data) => {
    queue.push({ type, data });
    flush();
  };

  const modelSubscribers = [];
  const uiSubscribers = [];
  const themeSubscribers = [];
  let onReady;
  let isReady = false;
  let isReadyCalled = false;
  const heightObserver = firstRelease
    ? null
    : new ResizeObserver(() =>
        channelPost(EVENTS.UPDATE_HEIGHT, { height: document.body.clientHeight }),
      );

  const cssVariables = (provider) => (source) => {
    let style = document.getElementById(`appsmith-${provider}-css-tokens`);
    if (!style) {
      style = document.createElement("style");
      style.id = `appsmith-${provider}-css-tokens`;
      document.head.appendChild(style);
    }
    let text = "";
    for (const key of Object.keys(source || {})) {
      const value = source[key];
      if (typeof value === "string" || typeof value === "number") {
        text += `--appsmith-${provider}-${key}: ${value};`;
      }
    }
    style.innerHTML = `:root {${text}}`;
  };

  onMessage(EVENTS.READY_ACK, (event) => {
    window.appsmith.model = event.model;
    window.appsmith.ui = event.ui;
    if (!firstRelease) window.appsmith.theme = event.theme;
    window.appsmith.mode = event.mode;
    heightObserver?.observe(document.body);
    window.appsmith.onModelChange(cssVariables("model"));
    window.appsmith.onUiChange(cssVariables("ui"));
    if (!firstRelease) window.appsmith.onThemeChange(cssVariables("theme"));
    isReady = true;
    if (!isReadyCalled && onReady) {
      onReady();
      isReadyCalled = true;
    }
  });
  onMessage(EVENTS.MODEL_CHANGE, (event) => {
    if (!event.model) return;
    const prev = window.appsmith.model;
    window.appsmith.model = event.model;
    for (const fn of [...modelSubscribers]) fn(event.model, prev);
  });
  onMessage(EVENTS.UI_CHANGE, (event) => {
    if (!event.ui) return;
    const prev = window.appsmith.ui;
    window.appsmith.ui = event.ui;
    for (const fn of [...uiSubscribers]) fn(event.ui, prev);
  });
  if (!firstRelease) {
    onMessage(EVENTS.THEME_UPDATE, (event) => {
      if (!event.theme) return;
      const prev = window.appsmith.theme;
      window.appsmith.theme = event.theme;
      for (const fn of [...themeSubscribers]) fn(event.theme, prev);
    });
  }

  const subscribe = (list, name, current) => (fn) => {
    if (typeof fn !== "function") throw new Error(`${name} expects a function as parameter`);
    list.push(fn);
    fn(current());
    return () => {
      const index = list.indexOf(fn);
      if (index > -1) list.splice(index, 1);
    };
  };
  const api = {
    mode: "",
    model: {},
    ui: {},
    onUiChange: subscribe(uiSubscribers, "onUiChange", () => window.appsmith.ui),
    onModelChange: subscribe(modelSubscribers, "onModelChange", () => window.appsmith.model),
    updateModel: (obj) => {
      if (!obj || typeof obj !== "object")
        throw new Error("updateModel expects an object as parameter");
      window.appsmith.model = { ...window.appsmith.model, ...obj };
      channelPost(EVENTS.UPDATE_MODEL, obj);
    },
    triggerEvent: (eventName, contextObj) => {
      if (typeof eventName !== "string") throw new Error("eventName should be a string");
      const badContext = firstRelease
        ? typeof contextObj !== "object"
        : contextObj && typeof contextObj !== "object";
      if (badContext) throw new Error("contextObj should be an object");
      channelPost(EVENTS.TRIGGER_EVENT, { eventName, contextObj });
    },
    onReady: (fn) => {
      if (typeof fn !== "function") throw new Error("onReady expects a function as parameter");
      onReady = fn;
      if (isReady && !isReadyCalled && onReady) {
        onReady();
        isReadyCalled = true;
      }
    },
  };
  if (!firstRelease) {
    api.theme = {};
    api.onThemeChange = subscribe(themeSubscribers, "onThemeChange", () => window.appsmith.theme);
  }
  if (!window.appsmith) {
    Object.defineProperty(window, "appsmith", { configurable: false, writable: false, value: api });
  }
  window.addEventListener("load", () => channelPost(EVENTS.READY));
}

/** Assembles the srcdoc in Appsmith's order: reset CSS, the appsmith script, HTML, JS, CSS. */
export function buildSrcdoc({ html, js, css, firstRelease }) {
  const frameScript = `(${appsmithFrameMain.toString()})(${JSON.stringify(firstRelease)}, ${JSON.stringify(EVENTS)});`;
  return `<html>
  <head><style>${RESET_CSS}</style></head>
  <body>
    <script type="module">${frameScript}</script>
    ${html}
    <script type="module">${js}</script>
    <style>${css}</style>
  </body>
</html>`;
}

function createHost() {
  const container = document.getElementById("widget");
  const record = {
    events: [],
    ignoredEvents: [],
    modelUpdates: [],
    messages: [],
    foreignMessages: 0,
    heights: [],
    readyCount: 0,
    store: {},
    storeWrites: [],
    navigations: [],
  };
  let iframe = null;
  let model = {};
  let theme = {};
  let declared = new Set();
  let firstRelease = false;
  let app = null;

  // The app around the widget as the README's walkthrough builds it: each event runs the
  // README's action on appsmith.store, and with `bindRefreshToken` the Default Model holds
  // "refreshToken": "{{ appsmith.store.refreshToken }}", so a store change re-evaluates it and
  // Appsmith resets the model (an absent value evaluates to "").
  const storeValue = (key, value) => {
    if (value === undefined) delete record.store[key];
    else record.store[key] = value;
    record.storeWrites.push(value === undefined ? { key } : { key, value });
    if (app?.bindRefreshToken && key === "refreshToken") {
      host.resetModel({ ...app.defaultModel, refreshToken: value ?? "" });
    }
  };
  const ACTIONS = {
    onLogin: (context) => storeValue("refreshToken", context.refreshToken),
    onSignup: (context) => {
      if (!context.needsConfirmation) storeValue("refreshToken", context.refreshToken);
    },
    onTokenRefresh: (context) => {
      if (context.refreshToken !== record.store.refreshToken) {
        storeValue("refreshToken", context.refreshToken);
      }
    },
    onLogout: () => {
      storeValue("refreshToken", undefined);
      record.navigations.push("Login");
    },
    onNoSession: () => record.navigations.push("Login"),
  };

  const toFrame = (message) => iframe?.contentWindow?.postMessage(message, "*");
  const ui = () => ({ width: 412, height: 452 });

  window.addEventListener("message", (event) => {
    if (!iframe || event.source !== iframe.contentWindow) {
      record.foreignMessages += 1;
      return;
    }
    // Appsmith acknowledges every message first: the frame's queue waits for it.
    toFrame({ type: EVENTS.MESSAGE_RECEIVED_ACK, key: event.data.key, success: true });
    const message = event.data;
    record.messages.push(message.type);
    switch (message.type) {
      case EVENTS.READY:
        record.readyCount += 1;
        toFrame({ type: EVENTS.READY_ACK, model, ui: ui(), mode: "DEPLOYED", theme });
        break;
      case EVENTS.UPDATE_MODEL:
        record.modelUpdates.push(message.data);
        model = { ...model, ...message.data };
        // Appsmith re-renders with the merged meta property and echoes the whole model back.
        setTimeout(() => toFrame({ type: EVENTS.MODEL_CHANGE, model }), 0);
        break;
      case EVENTS.TRIGGER_EVENT: {
        const entry = { name: message.data.eventName, context: message.data.contextObj };
        // An event the app builder never added has no action slot: nothing runs.
        (declared.has(entry.name) ? record.events : record.ignoredEvents).push(entry);
        if (app && declared.has(entry.name)) ACTIONS[entry.name]?.(entry.context ?? {});
        break;
      }
      case EVENTS.UPDATE_HEIGHT:
        if (message.data.height) {
          record.heights.push(message.data.height);
          iframe.style.height = `${message.data.height}px`;
        }
        break;
    }
  });

  const host = {
    record,
    /**
     * Mounts (or remounts) the widget: `{ variant, api?, model, events, theme, html, js, css,
     * app? }`, where `variant` is a key of SANDBOX_VARIANTS, `api` is "first" or "current", and
     * `app` (`{ store, bindRefreshToken }`) runs the README's event actions on a store.
     */
    load(options) {
      const variant = options.variant ?? "current";
      // The frame-side API of the first release (no theme, mandatory context) by default
      // goes with its sandbox; `api` picks it separately.
      firstRelease =
        (options.api ?? (variant === "first-release" ? "first" : "current")) === "first";
      model = structuredClone(options.model ?? {});
      theme = structuredClone(options.theme ?? {});
      declared = new Set(options.events ?? []);
      app = options.app
        ? {
            bindRefreshToken: options.app.bindRefreshToken === true,
            defaultModel: structuredClone(model),
          }
        : null;
      if (options.app) record.store = structuredClone(options.app.store ?? {});
      iframe?.remove();
      iframe = document.createElement("iframe");
      iframe.title = "Custom1";
      const sandbox = SANDBOX_VARIANTS[variant];
      if (sandbox !== null) iframe.setAttribute("sandbox", sandbox);
      iframe.srcdoc = buildSrcdoc({
        html: options.html,
        js: options.js,
        css: options.css ?? "",
        firstRelease,
      });
      container.appendChild(iframe);
    },
    /** The model as Appsmith holds it (the widget's updateModel writes merged in). */
    getModel: () => structuredClone(model),
    /** Resets the model to a new Default Model, as Appsmith does when a binding in it changes. */
    resetModel(next) {
      model = structuredClone(next);
      toFrame({ type: EVENTS.MODEL_CHANGE, model });
    },
    /** Changes the app theme; the first release never told the widget. */
    setTheme(next) {
      theme = structuredClone(next);
      if (!firstRelease) toFrame({ type: EVENTS.THEME_UPDATE, theme });
    },
    /** The widget's iframe element. */
    frame: () => iframe,
  };
  return host;
}

window.host = createHost();
