import { type ReactNode, useMemo } from "react";
import { useForm } from "react-hook-form";
import { type AuthError, toAuthError } from "../core/AuthError.js";
import type { SignInInput } from "../core/adapter.js";
import type { Session } from "../core/types.js";
import { Field, FormFooter, PasswordField } from "./Field.js";
import { type AuthMessagesOverride, errorText } from "./messages.js";
import { createLoginSchema, type SchemaOption, schemaResolver } from "./schemas.js";
import { useKitStyles } from "./styles.js";
import { useSignIn } from "./useAuthMutations.js";
import { useFormMessages } from "./useFormMessages.js";
import { useGuardedSubmit } from "./useGuardedSubmit.js";

/** Props of {@link LoginForm}. */
export interface LoginFormProps {
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
  const { register, handleSubmit, formState } = useForm({
    resolver,
    defaultValues: { email: props.defaultEmail ?? "", password: "" },
  });
  const handlers = useGuardedSubmit(
    handleSubmit(async (values) => {
      let session: Session;
      try {
        session = await signIn.mutateAsync(values as SignInInput);
      } catch (error) {
        onError?.(toAuthError(error));
        return;
      }
      onSuccess?.(session);
    }),
  );
  const { errors } = formState;
  const pending = signIn.isPending;
  return (
    <form
      className={`${root}aak-form ${props.className ?? ""}`.trim()}
      noValidate
      aria-busy={pending}
      onSubmit={handlers.onSubmit}
      onKeyDown={handlers.onKeyDown}
    >
      <Field
        label={m.emailLabel}
        type="email"
        autoComplete="email"
        required
        registration={register("email")}
        error={errors.email?.message as string | undefined}
      />
      <PasswordField
        label={m.passwordLabel}
        autoComplete="current-password"
        required
        messages={m}
        registration={register("password")}
        error={errors.password?.message as string | undefined}
      />
      <FormFooter
        error={signIn.error ? errorText(m, signIn.error) : ""}
        pending={pending}
        label={m.signIn}
        pendingLabel={m.signingIn}
        onClick={handlers.onClick}
      />
    </form>
  );
}
