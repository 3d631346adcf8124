// English, the kit's default texts, as a locale entry of its own (`appsmith-auth-kit/locales/en`).
import { DEFAULT_MESSAGES } from "../react/messages.js";
import { DEFAULT_WIDGET_MESSAGES } from "../widget/widgetMessages.js";
import type { LocaleMessages } from "./types.js";

export type { LocaleMessages } from "./types.js";

/** English (the kit's defaults). */
export const en: LocaleMessages = { ...DEFAULT_MESSAGES, ...DEFAULT_WIDGET_MESSAGES };
export default en;
