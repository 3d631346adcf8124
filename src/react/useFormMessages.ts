import { useMemo } from "react";
import { useAuthContext } from "./AuthContext.js";
import { type AuthMessages, type AuthMessagesOverride, mergeMessages } from "./messages.js";

/** The provider's messages with a component's own overrides on top. */
export function useFormMessages(override: AuthMessagesOverride | undefined): AuthMessages {
  const { messages } = useAuthContext();
  return useMemo(() => mergeMessages(messages, override), [messages, override]);
}
