import {
  type CSSProperties,
  type ReactNode,
  type SyntheticEvent,
  useEffect,
  useId,
  useState,
} from "react";
import type { FieldValues, UseFormRegisterReturn, UseFormSubscribe } from "react-hook-form";
import type { AuthMessages } from "./messages.js";
import type { PasswordRule } from "./schemas.js";

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
  /** Sits on the label's line, e.g. the show-password toggle. */
  labelAction?: ReactNode;
  /** Renders help below the input; gets the id the input's aria-describedby points to. */
  hint?: ((id: string) => ReactNode) | undefined;
}

/** A labelled input wired to react-hook-form, with aria-invalid and aria-describedby. */
export function Field(props: FieldProps): ReactNode {
  const id = useId();
  const hintId = `${id}h`;
  const errorId = `${id}e`;
  const describedBy = [props.hint && hintId, props.error && errorId].filter(Boolean).join(" ");
  return (
    <div className="aak-field">
      <div className="aak-label-row">
        <label className="aak-label" htmlFor={id}>
          {props.label}
        </label>
        {props.labelAction}
      </div>
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
      {props.hint?.(hintId)}
      {props.error && (
        <p id={errorId} className="aak-field-error">
          {props.error}
        </p>
      )}
    </div>
  );
}

/** Props of {@link PasswordField}. */
export interface PasswordFieldProps extends Omit<FieldProps, "type" | "labelAction"> {
  messages: AuthMessages;
}

/** A password input with a show/hide toggle button (aria-pressed). */
export function PasswordField({ messages, ...props }: PasswordFieldProps): ReactNode {
  const [visible, setVisible] = useState(false);
  const toggle = (
    <button
      type="button"
      className="aak-toggle"
      aria-pressed={visible}
      onClick={() => setVisible((v) => !v)}
    >
      {visible ? messages.hidePassword : messages.showPassword}
    </button>
  );
  return <Field {...props} type={visible ? "text" : "password"} labelAction={toggle} />;
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

/** Props of {@link FormFooter}. */
export interface FormFooterProps {
  /** The server error's words, or empty. */
  error: string;
  pending: boolean;
  label: string;
  pendingLabel: string;
  onClick: (event: SyntheticEvent) => void;
}

/** The form's one live region for server errors, and its submit button. */
export function FormFooter(props: FormFooterProps): ReactNode {
  return (
    <>
      <p className="aak-error" role="alert">
        {props.error}
      </p>
      <button type="submit" className="aak-button" disabled={props.pending} onClick={props.onClick}>
        {props.pending ? props.pendingLabel : props.label}
      </button>
    </>
  );
}
