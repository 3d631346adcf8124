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

/** The `--aak-*` values the page itself set inline on `element`, before any theme. */
export function inlineThemeValues(element: HTMLElement): Record<string, string> {
  const values: Record<string, string> = {};
  for (const variable of Object.values(THEME_VARIABLES)) {
    const value = element.style.getPropertyValue(variable);
    if (value !== "") values[variable] = value;
  }
  return values;
}

/**
 * Sets the kit's CSS custom properties on `element` from an Appsmith theme; keys the theme
 * lacks go back to `fallback` (the page's own inline values), else are cleared.
 */
export function applyTheme(
  element: HTMLElement,
  theme: HostTheme | undefined,
  fallback: Readonly<Record<string, string>> = {},
): void {
  for (const [key, variable] of Object.entries(THEME_VARIABLES)) {
    const value = theme?.[key];
    const own = fallback[variable];
    if (typeof value === "string" && value.trim() !== "" && SAFE_VALUE.test(value)) {
      element.style.setProperty(variable, value.trim());
    } else if (own !== undefined) {
      element.style.setProperty(variable, own);
    } else {
      element.style.removeProperty(variable);
    }
  }
}
