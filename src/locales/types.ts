import type { AuthMessages } from "../react/messages.js";
import type { WidgetMessages } from "../widget/widgetMessages.js";

/**
 * A complete locale: every text of the forms (`AuthMessages`, with a text for each error
 * code and the password-policy hints) and of the widget (`WidgetMessages`). Pass it as the
 * `messages` of `AuthProvider`, a form or `mount`; the widget also picks one by `locale`.
 */
export type LocaleMessages = AuthMessages & WidgetMessages;
