import { type ReactNode, useEffect, useMemo, useState } from "react";
import { useForm } from "react-hook-form";
import type { AuthError } from "../core/AuthError.js";
import type { SignInInput } from "../core/adapter.js";
import type { Session } from "../core/types.js";
import { useAuthContext } from "./AuthContext.js";
import { AuthForm, type CardText, Field, PasswordField } from "./Field.js";
import type { AuthMessagesOverride } from "./messages.js";
import { createLoginSchema, type SchemaOption, schemaResolver } from "./schemas.js";
import { useKitStyles } from "./styles.js";
import { useAuth } from "./useAuth.js";
import { useSignIn } from "./useAuthMutations.js";
import { useFieldErrors } from "./useFieldErrors.js";
import { useFormMessages } from "./useFormMessages.js";
import { attempt, formError, submitForm, useGuardedSubmit } from "./useGuardedSubmit.js";

/** Props of {@link LoginForm}. */
export interface LoginFormProps extends CardText {
  /** Called with the new session after a successful sign-in. */
  onSuccess?: (session: Session) => void;
  /** Called when sign-in fails; the form shows the error too. */
  onError?: (error: AuthError) => void;
  /** Overrides for this form's texts. */
  messages?: AuthMessagesOverride;
  /** A replacement schema, or `(base) => extended` to add rules to the default one. */
  schema?: SchemaOption<ReturnType<typeof createLoginSchema>>;
  defaultEmail?: string;
  /** Skips the default styles; stable class names stay for your own CSS. */
  unstyled?: boolean;
  className?: string;
}

/**
 * Whether to tell the user their session ended on its own: it ended while the form was shown
 * (a `signed_out` event with reason `expired` or `revoked`), or before it was mounted and the
 * engine's state still says so; only while signed out. `dismiss` hides it until the next one.
 */
function useSessionEnded(): { ended: boolean; dismiss: () => void } {
  const { client } = useAuthContext();
  const { status, error } = useAuth();
  const [seen, setSeen] = useState(false);
  const [dismissed, setDismissed] = useState(false);
  useEffect(
    () =>
      client.onEvent((event) => {
        if (event.type !== "signed_out" || event.reason === "user") return;
        setSeen(true);
        setDismissed(false);
      }),
    [client],
  );
  const inState = error?.code === "session_expired" || error?.code === "refresh_failed";
  const ended = status === "signed_out" && !dismissed && (seen || inState);
  return { ended, dismiss: () => setDismissed(true) };
}

/**
 * An email and password sign-in form that submits by button or Enter, even inside a
 * sandboxed iframe where forms never submit.
 * @example
 * <LoginForm onSuccess={(session) => console.log(session.user.email)} />
 */
export function LoginForm(props: LoginFormProps): ReactNode {
  const { onSuccess, onError, schema } = props;
  const m = useFormMessages(props.messages);
  const root = useKitStyles(props.unstyled);
  const signIn = useSignIn();
  const resolver = useMemo(() => schemaResolver(schema, createLoginSchema(m)), [schema, m]);
  const form = useForm({
    resolver,
    defaultValues: { email: props.defaultEmail ?? "", password: "" },
  });
  const { register, setError } = form;
  const errors = useFieldErrors(form.subscribe);
  const sessionEnded = useSessionEnded();
  const handlers = useGuardedSubmit(() => {
    // Only a notice that shows is dismissed: hiding none would re-render for nothing.
    if (sessionEnded.ended) sessionEnded.dismiss();
    return submitForm(form, resolver, async (values) => {
      const session = await attempt(
        () => signIn.mutateAsync(values as SignInInput),
        onError,
        setError,
        m,
      );
      if (session) onSuccess?.(session);
    });
  });
  // A notice still showing is newer than any failure: submitting dismisses it.
  const notice = sessionEnded.ended ? m.sessionExpired : "";
  return (
    <AuthForm
      className={`${root}aak-form ${props.className ?? ""}`}
      pending={signIn.isPending}
      handlers={handlers}
      error={notice || formError(m, signIn.error)}
      label={m.signIn}
      frame={props}
      pendingLabel={m.signingIn}
    >
      <Field
        label={m.emailLabel}
        type="email"
        autoComplete="email"
        required
        registration={register("email")}
        error={errors.email}
      />
      <PasswordField
        label={m.passwordLabel}
        autoComplete="current-password"
        required
        messages={m}
        registration={register("password")}
        error={errors.password}
      />
    </AuthForm>
  );
}
