import { AuthError, isAuthError } from "../core/AuthError.js";
import { parseConfig } from "../providers/parseConfig.js";
import {
  boolean,
  integer,
  nullable,
  number,
  object,
  oneOf,
  optional,
  record,
  string,
  withDefault,
} from "../providers/validate.js";
import type { AuthMessagesOverride } from "../react/messages.js";
import type { PasswordPolicy } from "../react/schemas.js";
import { matchLocale, WIDGET_LOCALES } from "./locales.js";

/** Which screens the widget shows: one form, the logout button, or a switch between them. */
export type WidgetView = "login" | "signup" | "logout" | "auto";

/** The widget's settings, read from the model (Default Model JSON) and mount options. */
export interface WidgetConfig {
  /** The adapter config JSON, e.g. `{ "type": "firebase", "apiKey": "…" }`. */
  provider: Record<string, unknown>;
  view: WidgetView;
  /** A refresh token to restore a session from (usually `{{ appsmith.store.refreshToken }}`). */
  refreshToken?: string;
  refreshMarginSeconds?: number;
  passwordPolicy?: PasswordPolicy;
  messages?: AuthMessagesOverride;
  /** The locale of the texts, a tag of `WIDGET_LOCALES`; unset: the browser's languages. */
  locale?: string;
}

/** The settings a mount call may override; every key is optional. */
export type WidgetConfigInput = Partial<{ [K in keyof WidgetConfig]: WidgetConfig[K] | null }>;

/** The model and option keys the widget reads; everything else in the model is ignored. */
export const CONFIG_KEYS = [
  "provider",
  "view",
  "refreshToken",
  "refreshMarginSeconds",
  "passwordPolicy",
  "messages",
  "locale",
] as const;

const policyRule = object({
  minLength: optional(integer({ min: 1, max: 4096 })),
  requireLowercase: optional(boolean),
  requireUppercase: optional(boolean),
  requireDigit: optional(boolean),
  requireSymbol: optional(boolean),
});

const configRule = object(
  {
    provider: record((value) => value),
    view: withDefault(oneOf(["login", "signup", "logout", "auto"]), "auto"),
    // Appsmith bindings to an empty store evaluate to "" or null: both mean "no token".
    refreshToken: optional(nullable(string())),
    refreshMarginSeconds: optional(number({ min: 0, max: 86_400 })),
    passwordPolicy: optional(policyRule),
    messages: optional(object({ errors: optional(record(string())) }, string())),
    locale: optional(string()),
  },
  "loose",
);

/** The outcome of {@link readWidgetConfig}: a config, or an error fit to show to the builder. */
export type WidgetConfigResult =
  | { ok: true; config: WidgetConfig }
  | { ok: false; error: AuthError };

function pickKnown(source: Record<string, unknown> | undefined): Record<string, unknown> {
  const picked: Record<string, unknown> = {};
  if (!source) return picked;
  for (const key of CONFIG_KEYS) {
    // Unset, null or "" in an option never hides the model's value.
    const value = source[key];
    if (value !== undefined && value !== null && value !== "") picked[key] = value;
  }
  return picked;
}

/**
 * Reads the widget settings from the model, with mount options taking precedence, and
 * validates them; the error names each wrong key but never echoes a value.
 */
export function readWidgetConfig(
  model: Record<string, unknown>,
  overrides?: WidgetConfigInput,
): WidgetConfigResult {
  const merged = { ...pickKnown(model), ...pickKnown(overrides as Record<string, unknown>) };
  if (merged.provider === undefined) {
    const message =
      'Invalid widget configuration: "provider" is missing. Set it in the Default Model, e.g. { "provider": { "type": "firebase", "apiKey": "…" } }, and call mount() inside appsmith.onReady().';
    return { ok: false, error: new AuthError("invalid_config", { message }) };
  }
  try {
    const parsed = parseConfig(configRule, merged, "widget");
    const config: WidgetConfig = { provider: parsed.provider, view: parsed.view };
    if (parsed.refreshToken) config.refreshToken = parsed.refreshToken;
    if (parsed.refreshMarginSeconds !== undefined) {
      config.refreshMarginSeconds = parsed.refreshMarginSeconds;
    }
    if (parsed.passwordPolicy) config.passwordPolicy = parsed.passwordPolicy as PasswordPolicy;
    if (parsed.messages) config.messages = parsed.messages as AuthMessagesOverride;
    if (parsed.locale) {
      const locale = matchLocale([parsed.locale]);
      if (locale === undefined) {
        const known = Object.keys(WIDGET_LOCALES).join(", ");
        const message = `Invalid widget configuration: "locale" must be one of ${known}.`;
        return { ok: false, error: new AuthError("invalid_config", { message }) };
      }
      config.locale = locale;
    }
    return { ok: true, config };
  } catch (error) {
    if (isAuthError(error)) return { ok: false, error };
    throw error;
  }
}

/** A stable text of the settings the engine is built from: a change means a new engine. */
export function engineKey(config: WidgetConfig): string {
  return stableJson([config.provider, config.refreshMarginSeconds ?? null]);
}

/** A stable text of the settings that only change what is rendered. */
export function viewKey(config: WidgetConfig): string {
  return stableJson([
    config.view,
    config.passwordPolicy ?? null,
    config.messages ?? null,
    config.locale ?? null,
  ]);
}

/** JSON with object keys sorted, so two equal models compare equal whatever their key order. */
export function stableJson(value: unknown): string {
  return JSON.stringify(value, (_key, item: unknown) => {
    if (typeof item !== "object" || item === null || Array.isArray(item)) return item;
    const sorted: Record<string, unknown> = {};
    for (const key of Object.keys(item).sort())
      sorted[key] = (item as Record<string, unknown>)[key];
    return sorted;
  });
}
