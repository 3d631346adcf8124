import { type ReactNode, useMemo, useState } from "react";
import { type FieldValues, useForm } from "react-hook-form";
import type { AuthError } from "../core/AuthError.js";
import type { SignUpInput, SignUpResult } from "../core/adapter.js";
import { AuthForm, type CardText, Field, PasswordField, PasswordHints } from "./Field.js";
import type { AuthMessagesOverride } from "./messages.js";
import {
  createSignupSchema,
  DEFAULT_PASSWORD_POLICY,
  type ExtraField,
  type PasswordPolicy,
  passwordRules,
  type SchemaOption,
  schemaResolver,
} from "./schemas.js";
import { useKitStyles } from "./styles.js";
import { useSignUp } from "./useAuthMutations.js";
import { useCapabilities } from "./useCapabilities.js";
import { useFieldErrors } from "./useFieldErrors.js";
import { useFormMessages } from "./useFormMessages.js";
import { attempt, formError, submitForm, useGuardedSubmit } from "./useGuardedSubmit.js";

const NO_FIELDS: readonly ExtraField[] = [];

/** Props of {@link SignupForm}. */
export interface SignupFormProps extends CardText {
  /** Called with the result: a session, or `confirmation_required` (the form then says so). */
  onSuccess?: (result: SignUpResult) => void;
  onError?: (error: AuthError) => void;
  /** Password rules, shown as hints while typing; default at least 8 characters. */
  passwordPolicy?: PasswordPolicy;
  /** Asks for the password twice. */
  confirmPassword?: boolean;
  /** More inputs (e.g. a name), sent to `signUp` under their `name`. */
  extraFields?: readonly ExtraField[];
  messages?: AuthMessagesOverride;
  /** A replacement schema, or `(base) => extended` to add rules to the default one. */
  schema?: SchemaOption<ReturnType<typeof createSignupSchema>>;
  unstyled?: boolean;
  className?: string;
}

/** The "check your email" message; focused so screen readers read it as the form goes away. */
function CheckEmail({ className, text }: { className: string; text: string }): ReactNode {
  return (
    <div className={className.trim()} role="status" tabIndex={-1} ref={(node) => node?.focus()}>
      {text}
    </div>
  );
}

/**
 * A sign-up form with a configurable password policy, optional confirmation and extra
 * fields; shows a "check your email" message when the provider asks for confirmation.
 * @example
 * <SignupForm passwordPolicy={{ minLength: 10, requireDigit: true }} confirmPassword />
 */
export function SignupForm(props: SignupFormProps): ReactNode {
  const { onSuccess, onError, schema, extraFields = NO_FIELDS } = props;
  const policy = props.passwordPolicy ?? DEFAULT_PASSWORD_POLICY;
  const m = useFormMessages(props.messages);
  const root = useKitStyles(props.unstyled);
  const signUp = useSignUp();
  const canSignUp = useCapabilities().signUp;
  const [checkEmail, setCheckEmail] = useState(false);
  const rules = useMemo(() => passwordRules(policy, m), [policy, m]);
  const confirmPassword = props.confirmPassword === true;
  const resolver = useMemo(
    () => schemaResolver(schema, createSignupSchema(policy, m, extraFields, { confirmPassword })),
    [schema, policy, m, extraFields, confirmPassword],
  );
  const defaultValues: FieldValues = { email: "", password: "" };
  for (const field of extraFields) defaultValues[field.name] = "";
  if (confirmPassword) defaultValues.confirmPassword = "";
  const form = useForm({ resolver, defaultValues });
  const { register, subscribe, setError } = form;
  const errors = useFieldErrors(subscribe);
  const handlers = useGuardedSubmit(() =>
    submitForm(form, resolver, async ({ confirmPassword: _, ...input }) => {
      const result = await attempt(
        () => signUp.mutateAsync(input as SignUpInput),
        onError,
        setError,
        m,
      );
      if (!result) return;
      if (result.kind === "confirmation_required") setCheckEmail(true);
      onSuccess?.(result);
    }),
  );
  const className = props.className ?? "";
  // An adapter that cannot sign up gets a notice where the form would be, not a form whose
  // every submit could only fail.
  if (!canSignUp) {
    return (
      <p className={`${root}aak-status ${className}`.trim()} role="status">
        {m.errors.not_supported}
      </p>
    );
  }
  if (checkEmail)
    return <CheckEmail className={`${root}aak-status ${className}`} text={m.checkEmail} />;
  return (
    <AuthForm
      className={`${root}aak-form ${className}`}
      pending={signUp.isPending}
      handlers={handlers}
      error={formError(m, signUp.error)}
      label={m.signUp}
      frame={props}
      pendingLabel={m.signingUp}
    >
      {extraFields.map((field) => (
        <Field
          key={field.name}
          label={field.label}
          type={field.type ?? "text"}
          autoComplete={field.autoComplete ?? "off"}
          required={field.required ?? false}
          registration={register(field.name)}
          error={errors[field.name]}
        />
      ))}
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
        autoComplete="new-password"
        required
        messages={m}
        registration={register("password")}
        error={errors.password}
        hint={
          rules.length > 0
            ? (id) => <PasswordHints id={id} subscribe={subscribe} rules={rules} messages={m} />
            : undefined
        }
      />
      {confirmPassword && (
        <PasswordField
          label={m.confirmPasswordLabel}
          autoComplete="new-password"
          required
          messages={m}
          registration={register("confirmPassword")}
          error={errors.confirmPassword}
        />
      )}
    </AuthForm>
  );
}
