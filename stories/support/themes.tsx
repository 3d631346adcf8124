import type { CSSProperties } from "react";
import type { Decorator } from "./csf.js";

/** The kit's documented `--aak-*` custom properties for each preview theme. */
export const THEMES = {
  light: {
    background: "#f3f4f6",
    color: "#1f2937",
    vars: {},
  },
  dark: {
    background: "#0b1220",
    color: "#f3f4f6",
    vars: {
      "--aak-bg": "#1f2937",
      "--aak-text": "#f3f4f6",
      "--aak-primary": "#93c5fd",
      "--aak-on-primary": "#0b1220",
      "--aak-error": "#fca5a5",
      "--aak-border": "#9ca3af",
      "--aak-muted": "#d1d5db",
      "--aak-success": "#86efac",
      "--aak-shadow": "0 1px 6px #0009",
    },
  },
} as const;

/** A theme name from {@link THEMES}. */
export type ThemeName = keyof typeof THEMES;

/**
 * Paints the story on a theme's background with its custom properties set; the theme comes
 * from `parameters.theme` (default light), an optional fixed width from `parameters.width`.
 */
export const withTheme: Decorator<object> = (Story, context) => {
  const theme = THEMES[(context.parameters.theme as ThemeName | undefined) ?? "light"];
  const width = context.parameters.width as number | undefined;
  const style = {
    ...theme.vars,
    background: theme.background,
    color: theme.color,
    padding: 16,
    // The story itself gets `width` px; the theme padding comes on top.
    ...(width === undefined ? {} : { width, boxSizing: "content-box" }),
  } as CSSProperties;
  return (
    <div style={style}>
      <Story />
    </div>
  );
};
