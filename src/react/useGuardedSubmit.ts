import { type KeyboardEvent, type SyntheticEvent, useRef } from "react";
import type { FieldValues, UseFormReturn, UseFormSetError } from "react-hook-form";
import { type AuthError, toAuthError } from "../core/AuthError.js";
import { type AuthMessages, errorText } from "./messages.js";
import type { FormResolver } from "./schemas.js";

/** Handlers that submit a form once per user action, with or without a `submit` event. */
export interface GuardedSubmit {
  onSubmit: (event: SyntheticEvent) => void;
  onKeyDown: (event: KeyboardEvent<HTMLFormElement>) => void;
  onClick: (event: SyntheticEvent) => void;
}

/**
 * Wires one `run` (react-hook-form's handleSubmit) to the submit button's click, Enter in a
 * field and the form's submit event. In a sandboxed iframe without `allow-forms` the submit
 * event never fires, so click and Enter cannot rely on it; a ref guard then makes sure a
 * double click, or a click plus a submit event, still sends one request.
 */
export function useGuardedSubmit(run: () => Promise<unknown>): GuardedSubmit {
  const busy = useRef(false);
  const submit = (event: SyntheticEvent) => {
    // Cancels the native submission (and Enter's implicit one): the request goes through `run`.
    event.preventDefault();
    if (busy.current) return;
    busy.current = true;
    run()
      .catch(() => {})
      .finally(() => {
        busy.current = false;
      });
  };
  return {
    onSubmit: submit,
    onClick: submit,
    onKeyDown: (event) => {
      const target = event.target as HTMLElement;
      if (event.key !== "Enter" || event.nativeEvent.isComposing || target.tagName !== "INPUT")
        return;
      submit(event);
    },
  };
}

/**
 * react-hook-form's handleSubmit, with the request first: values the schema accepts at once
 * go to `onValid` in this very call, before any render or microtask; handleSubmit then
 * records the submission (fields revalidate as they change, as after any submit) and clears
 * errors a change fixed. Other values go through handleSubmit alone, which shows their
 * errors and focuses the first invalid field.
 */
export function submitForm<T extends FieldValues>(
  form: UseFormReturn<T>,
  resolver: FormResolver,
  onValid: (values: T) => Promise<unknown>,
): Promise<unknown> {
  const result = resolver.sync(form.getValues());
  if (result && Object.keys(result.errors).length === 0) {
    const done = onValid(result.values as T);
    return form.handleSubmit(() => done)();
  }
  return form.handleSubmit(onValid)();
}

const FIELD_OF: Partial<Record<AuthError["code"], "email" | "password">> = {
  email_taken: "email",
  invalid_email: "email",
  weak_password: "password",
};

/** The field a server error belongs to (it is shown there, not above the button), if any. */
export const fieldOf = (error: unknown): "email" | "password" | undefined =>
  FIELD_OF[toAuthError(error).code];

/**
 * Runs a form's engine call: its result, or undefined after a failure, which goes to
 * `onError` unless a newer sign-in, sign-up or sign-out overtook it (`superseded` is not the
 * user's failure, so nothing is reported). An error that belongs to a field is set on it
 * (aria-invalid, aria-describedby) and focuses it.
 */
export async function attempt<T>(
  call: () => Promise<T>,
  onError: ((error: AuthError) => void) | undefined,
  setError: UseFormSetError<{ email: string; password: string }>,
  messages: AuthMessages,
): Promise<T | undefined> {
  try {
    return await call();
  } catch (error) {
    const authError = toAuthError(error);
    if (authError.code === "superseded") return undefined;
    const field = fieldOf(authError);
    if (field) {
      const message = errorText(messages, authError);
      setError(field, { type: "server", message }, { shouldFocus: true });
    }
    onError?.(authError);
    return undefined;
  }
}

/** The text for the form's live region: none for no error or one shown on its field. */
export const formError = (messages: AuthMessages, error: unknown): string =>
  error && !fieldOf(error) ? errorText(messages, error) : "";
