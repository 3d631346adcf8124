import { type ReactNode, useRef } from "react";
import type { AuthMessagesOverride } from "./messages.js";
import { useKitStyles } from "./styles.js";
import { useSignOut } from "./useAuthMutations.js";
import { useFormMessages } from "./useFormMessages.js";

/** Props of {@link LogoutButton}. */
export interface LogoutButtonProps {
  /** Called once the session has ended, whether or not the server call succeeded. */
  onSuccess?: () => void;
  messages?: AuthMessagesOverride;
  unstyled?: boolean;
  className?: string;
}

/**
 * A button that ends the session: locally at once, server-side on a best-effort basis.
 * @example
 * <LogoutButton onSuccess={() => navigate("/")} />
 */
export function LogoutButton(props: LogoutButtonProps): ReactNode {
  const { onSuccess } = props;
  const m = useFormMessages(props.messages);
  const root = useKitStyles(props.unstyled);
  const signOut = useSignOut();
  const busy = useRef(false);
  const onClick = () => {
    if (busy.current) return;
    busy.current = true;
    // A failed revoke is not the user's problem: the local session is gone either way.
    signOut
      .mutateAsync()
      .catch(() => {})
      .finally(() => {
        busy.current = false;
        onSuccess?.();
      });
  };
  return (
    <button
      type="button"
      className={`${root}aak-button ${props.className ?? ""}`.trim()}
      disabled={signOut.isPending}
      onClick={onClick}
    >
      {signOut.isPending ? m.signingOut : m.signOut}
    </button>
  );
}
