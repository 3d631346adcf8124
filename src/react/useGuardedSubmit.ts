import { type KeyboardEvent, type SyntheticEvent, useRef } from "react";
import { type AuthError, toAuthError } from "../core/AuthError.js";

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
 * Runs a form's engine call: its result, or undefined after a failure, which goes to
 * `onError` unless a newer sign-in, sign-up or sign-out overtook it (`superseded` is not the
 * user's failure, so nothing is reported).
 */
export async function attempt<T>(
  call: () => Promise<T>,
  onError: ((error: AuthError) => void) | undefined,
): Promise<T | undefined> {
  try {
    return await call();
  } catch (error) {
    const authError = toAuthError(error);
    if (authError.code !== "superseded") onError?.(authError);
    return undefined;
  }
}
