import { type CSSProperties, type ReactNode, useEffect, useId, useState } from "react";
import type { FieldValues, UseFormRegisterReturn, UseFormSubscribe } from "react-hook-form";
import type { AuthMessages } from "./messages.js";
import type { PasswordRule } from "./schemas.js";
import type { GuardedSubmit } from "./useGuardedSubmit.js";

// Hidden from sight but read aloud; inline so it holds for `unstyled` forms too.
const srOnly: CSSProperties = {
  position: "absolute",
  width: 1,
  height: 1,
  overflow: "hidden",
  clipPath: "inset(50%)",
  whiteSpace: "nowrap",
};

/** Props of {@link Field}. */
export interface FieldProps {
  label: string;
  registration: UseFormRegisterReturn;
  type?: string;
  autoComplete?: string;
  required?: boolean;
  error?: string | undefined;
  /** Sits at the end of the input's box and after it in tab order (the show-password button); gets the input's id. */
  end?: ((inputId: string) => ReactNode) | undefined;
  /** Renders help below the input; gets the id the input's aria-describedby points to. */
  hint?: ((id: string) => ReactNode) | undefined;
}

/** A labelled input wired to react-hook-form, with aria-invalid and aria-describedby. */
export function Field(props: FieldProps): ReactNode {
  const id = useId();
  const hintId = `${id}h`;
  const errorId = `${id}e`;
  const describedBy = [props.hint && hintId, props.error && errorId].filter(Boolean).join(" ");
  const input = (
    <input
      {...props.registration}
      id={id}
      className="aak-input"
      type={props.type ?? "text"}
      autoComplete={props.autoComplete}
      aria-required={props.required || undefined}
      aria-invalid={props.error ? true : undefined}
      aria-describedby={describedBy || undefined}
    />
  );
  return (
    <div className="aak-field">
      <label className="aak-label" htmlFor={id}>
        {props.label}
      </label>
      {props.end ? (
        <div className="aak-control">
          {input}
          {props.end(id)}
        </div>
      ) : (
        input
      )}
      {props.hint?.(hintId)}
      {props.error && (
        <p id={errorId} className="aak-field-error">
          {props.error}
        </p>
      )}
    </div>
  );
}

// An eye: the outline, then the pupil as two arcs; struck through while the password shows.
const EYE = "M2 12s4-7 10-7 10 7 10 7-4 7-10 7S2 12 2 12Zm7 0a3 3 0 0 0 6 0a3 3 0 0 0-6 0";

/** Props of {@link PasswordField}. */
export interface PasswordFieldProps extends Omit<FieldProps, "type" | "end"> {
  messages: AuthMessages;
}

/**
 * A password input with an eye button at the end of its box, after it in tab order, so
 * Email, Tab, password, Enter signs in. The button's name says what a press does (Show or
 * Hide password), so it has no aria-pressed.
 */
export function PasswordField({ messages, ...props }: PasswordFieldProps): ReactNode {
  const [visible, setVisible] = useState(false);
  const eye = (inputId: string) => (
    <button
      type="button"
      className="aak-eye"
      aria-label={visible ? messages.hidePassword : messages.showPassword}
      aria-controls={inputId}
      onClick={() => setVisible((v) => !v)}
    >
      <svg
        width="20"
        viewBox="0 0 24 24"
        fill="none"
        stroke="currentColor"
        strokeWidth="2"
        aria-hidden="true"
      >
        <path d={visible ? `${EYE}M3 3l18 18` : EYE} />
      </svg>
    </button>
  );
  return <Field {...props} type={visible ? "text" : "password"} end={eye} />;
}

/** Props of {@link PasswordHints}. */
export interface PasswordHintsProps {
  id: string;
  subscribe: UseFormSubscribe<FieldValues>;
  rules: PasswordRule[];
  messages: AuthMessages;
}

/** The password policy as a list of hints, each marked met or unmet while the user types. */
export function PasswordHints({ id, subscribe, rules, messages }: PasswordHintsProps): ReactNode {
  // Watching here, not in the form, keeps keystrokes from re-rendering the whole form; the
  // form's own subscribe avoids bundling react-hook-form's useWatch.
  const [password, setPassword] = useState("");
  useEffect(
    () =>
      subscribe({
        name: "password",
        formState: { values: true },
        callback: ({ values }) => setPassword(String(values.password ?? "")),
      }),
    [subscribe],
  );
  return (
    <ul id={id} className="aak-hints">
      {rules.map((rule) => {
        const met = rule.test(password);
        return (
          <li key={rule.text} className="aak-hint" data-met={met}>
            {rule.text}
            <span style={srOnly}> {met ? messages.hintMet : messages.hintUnmet}</span>
          </li>
        );
      })}
    </ul>
  );
}

/** Props of {@link AuthForm}. */
export interface AuthFormProps {
  /** Classes of the `<form>`: the kit's root class (unless unstyled) and the user's. */
  className: string;
  pending: boolean;
  handlers: GuardedSubmit;
  /** The server error or notice for the live region; "" when there is none. */
  error: string;
  label: string;
  pendingLabel: string;
  children: ReactNode;
  /** What the form's `title`, `subtitle` and `footer` props give. */
  frame: CardText;
}

/** The optional texts around a form's fields or the sign-out button. */
export interface CardText {
  /** A heading (`<h2>`) at the top of the card. */
  title?: ReactNode;
  /** A muted line under the title. */
  subtitle?: ReactNode;
  /** Inside the card, under the button: e.g. a link to the other form. */
  footer?: ReactNode;
}

/** A card (a `<form>` or a `<div>`): its title and subtitle, `children`, then its footer. */
export function Card(props: {
  as: "form" | "div";
  text: CardText;
  children: ReactNode;
  [attribute: string]: unknown;
}): ReactNode {
  const { as: Tag, text, children, ...attributes } = props;
  return (
    <Tag {...attributes}>
      {text.title && <h2 className="aak-title">{text.title}</h2>}
      {text.subtitle && <p className="aak-subtitle">{text.subtitle}</p>}
      {children}
      {text.footer && <div className="aak-footer">{text.footer}</div>}
    </Tag>
  );
}

/** How long a request runs before the form shows it is busy. */
export const BUSY_DELAY_MS = 100;

/**
 * `pending`, once it has lasted {@link BUSY_DELAY_MS}: a reply faster than that never flashes
 * "Signing in…" before the signed-in view, and the busy look is not drawn while the reply is
 * on its way (on a slow machine that drawing held the reply back by a millisecond). A second
 * submit meanwhile is still refused by the guarded handlers.
 */
function useBusy(pending: boolean): boolean {
  const [shown, setShown] = useState(false);
  useEffect(() => {
    setShown(false);
    if (!pending) return;
    const timer = setTimeout(() => setShown(true), BUSY_DELAY_MS);
    return () => clearTimeout(timer);
  }, [pending]);
  return pending && shown;
}

/**
 * The form both forms share: no native validation, busy while pending (after
 * {@link BUSY_DELAY_MS}), submitted by the guarded handlers; the title and subtitle, the
 * fields, the one live region for server errors, the submit button and the footer.
 */
export function AuthForm(props: AuthFormProps): ReactNode {
  const { handlers } = props;
  const pending = useBusy(props.pending);
  return (
    <Card
      as="form"
      text={props.frame}
      className={props.className.trim()}
      noValidate
      aria-busy={pending}
      onSubmit={handlers.onSubmit}
      onKeyDown={handlers.onKeyDown}
    >
      {props.children}
      <p className="aak-error" role="alert">
        {props.error}
      </p>
      <button type="submit" className="aak-button" disabled={pending} onClick={handlers.onClick}>
        {pending ? props.pendingLabel : props.label}
      </button>
    </Card>
  );
}
