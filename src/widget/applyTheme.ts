import type { HostTheme } from "../bridge/hostBridge.js";

/** Which Appsmith theme key drives which of the kit's CSS custom properties. */
export const THEME_VARIABLES: Readonly<Record<string, string>> = {
  primaryColor: "--aak-primary",
  backgroundColor: "--aak-bg",
  borderRadius: "--aak-radius",
  boxShadow: "--aak-shadow",
};

// A theme value lands inside a declaration; refuse anything that could end it early.
const SAFE_VALUE = /^[^;{}<>]*$/;

/** Sets the kit's CSS custom properties on `element` from an Appsmith theme; unset keys are cleared. */
export function applyTheme(element: HTMLElement, theme: HostTheme | undefined): void {
  for (const [key, variable] of Object.entries(THEME_VARIABLES)) {
    const value = theme?.[key];
    if (typeof value === "string" && value.trim() !== "" && SAFE_VALUE.test(value)) {
      element.style.setProperty(variable, value.trim());
    } else {
      element.style.removeProperty(variable);
    }
  }
}
