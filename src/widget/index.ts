// The Appsmith Custom Widget entry, also the CDN single file: `mount` plus the building
// blocks for pages that want to compose their own widget.
export type {
  AppsmithBridge,
  AppsmithBridgeOptions,
  AppsmithGlobal,
} from "../bridge/appsmithBridge.js";
export { createAppsmithBridge, isAppsmith } from "../bridge/appsmithBridge.js";
export type { HostBridge, HostModel, HostTheme } from "../bridge/hostBridge.js";
export type { OutgoingMessage, PostMessageBridgeOptions } from "../bridge/postMessageBridge.js";
export { createPostMessageBridge, MESSAGE_SOURCE } from "../bridge/postMessageBridge.js";
export { toPlainJson } from "../bridge/toPlainJson.js";
export { AuthError, isAuthError } from "../core/AuthError.js";
export { createAuthClient } from "../core/createAuthClient.js";
export { createAdapter } from "../providers/createAdapter.js";
export { AuthProvider } from "../react/AuthProvider.js";
export { LoginForm } from "../react/LoginForm.js";
export { LogoutButton } from "../react/LogoutButton.js";
export { SignupForm } from "../react/SignupForm.js";
export { useAuth } from "../react/useAuth.js";
export { THEME_VARIABLES } from "./applyTheme.js";
export type { WidgetEventName, WidgetModelState, WidgetUser } from "./hostSync.js";
export type { WidgetConfig, WidgetConfigInput, WidgetView } from "./modelConfig.js";
export { type MountOptions, mount } from "./mount.js";
export type { WidgetMessages } from "./widgetMessages.js";
