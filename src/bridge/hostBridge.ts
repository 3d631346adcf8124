/** The theme an Appsmith app hands its widgets (all strings, any may be missing). */
export interface HostTheme {
  primaryColor?: string;
  backgroundColor?: string;
  borderRadius?: string;
  boxShadow?: string;
  [key: string]: unknown;
}

/** A widget model: the plain-JSON object the host app and the widget share. */
export type HostModel = Record<string, unknown>;

/**
 * What the widget needs from the page around it: the Appsmith global or a postMessage channel.
 * Every payload is sent as plain JSON; every subscribe returns its remover.
 */
export interface HostBridge {
  /** The current model; `{}` before the host has sent one. */
  getModel(): HostModel;
  /** Calls `listener` with the current model at once, then after every change. */
  onModelChange(listener: (model: HostModel) => void): () => void;
  /** Shallow-merges `partial` into the host's model. */
  updateModel(partial: Record<string, unknown>): void;
  /** Fires a named event with a context object (always an object, never omitted). */
  triggerEvent(name: string, context: Record<string, unknown>): void;
  /**
   * Calls `callback` once the host has received every update and event sent so far. Absent
   * where they reach the host as they are sent.
   */
  afterSent?(callback: () => void): void;
  getTheme(): HostTheme | undefined;
  /** Whether theme changes are reported live (Appsmith's first release cannot). */
  supportsThemeChange(): boolean;
  /** Calls `listener` with the current theme at once, then after every change the host reports. */
  onThemeChange(listener: (theme: HostTheme | undefined) => void): () => void;
}
