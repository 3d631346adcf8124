import type { ReactNode } from "react";
import { Card, type CardText } from "./Field.js";
import type { AuthMessagesOverride } from "./messages.js";
import { useKitStyles } from "./styles.js";
import { useSignOut } from "./useAuthMutations.js";
import { useFormMessages } from "./useFormMessages.js";
import { useGuardedSubmit } from "./useGuardedSubmit.js";

/** Props of {@link LogoutButton}; with a `title` or `subtitle` it comes in a signed-in card. */
export interface LogoutButtonProps extends CardText {
  /** Called once the session has ended, whether or not the server call succeeded. */
  onSuccess?: () => void;
  messages?: AuthMessagesOverride;
  unstyled?: boolean;
  className?: string;
}

/**
 * A button that ends the session: locally at once, server-side on a best-effort basis. Given
 * a `title` or `subtitle`, it sits in a card that matches the forms (`aak-signed-in`).
 * @example
 * <LogoutButton onSuccess={() => navigate("/")} />
 * <LogoutButton title="You are signed in" subtitle={user.email} />
 */
export function LogoutButton(props: LogoutButtonProps): ReactNode {
  const { onSuccess } = props;
  const m = useFormMessages(props.messages);
  const root = useKitStyles(props.unstyled);
  const signOut = useSignOut();
  // One sign-out per click, however fast. A failed revoke is not the user's problem: the
  // local session is gone either way.
  const { onClick } = useGuardedSubmit(() =>
    signOut
      .mutateAsync()
      .catch(() => {})
      .then(() => onSuccess?.()),
  );
  const card = Boolean(props.title || props.subtitle);
  const className = `${root}${card ? "aak-status aak-signed-in" : "aak-button"} ${props.className ?? ""}`;
  const button = (
    <button
      type="button"
      className={card ? "aak-button" : className.trim()}
      disabled={signOut.isPending}
      onClick={onClick}
    >
      {signOut.isPending ? m.signingOut : m.signOut}
    </button>
  );
  if (!card) return button;
  return (
    <Card as="div" text={props} className={className.trim()}>
      {button}
    </Card>
  );
}
