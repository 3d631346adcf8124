export type { AppsmithBridge, AppsmithBridgeOptions, AppsmithGlobal } from "./appsmithBridge.js";
export { createAppsmithBridge, isAppsmith, isAppsmithGlobal } from "./appsmithBridge.js";
export type { HostBridge, HostModel, HostTheme } from "./hostBridge.js";
export type { OutgoingMessage, PostMessageBridgeOptions } from "./postMessageBridge.js";
export { createPostMessageBridge, MESSAGE_SOURCE } from "./postMessageBridge.js";
export type { JsonObject, JsonValue } from "./toPlainJson.js";
export { toPlainJson } from "./toPlainJson.js";
