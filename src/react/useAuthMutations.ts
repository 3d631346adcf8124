import { useMutation } from "@tanstack/react-query";
import { AuthError } from "../core/AuthError.js";
import type { SignInInput, SignUpInput, SignUpResult } from "../core/adapter.js";
import type { AuthClient } from "../core/clientTypes.js";
import type { Session } from "../core/types.js";
import { useAuthContext } from "./AuthContext.js";

/**
 * What {@link useSignIn}, {@link useSignUp} and {@link useSignOut} return: the call and its
 * state. The kit's own type, so the hooks' public shape does not change with React Query's.
 */
export interface AuthMutation<TResult, TInput> {
  /** Starts the call; its failure goes to `error`, never thrown. */
  mutate: (input: TInput) => void;
  /** Starts the call; resolves to its result or rejects with an `AuthError`. */
  mutateAsync: (input: TInput) => Promise<TResult>;
  isPending: boolean;
  isSuccess: boolean;
  isError: boolean;
  /** The last call's result, until the next call or `reset()`. */
  data: TResult | undefined;
  /** The last call's error, until the next call or `reset()`. */
  error: AuthError | null;
  /** Forgets the last call's result and error. */
  reset: () => void;
  /** False when the adapter cannot do this at all: a call then fails with `not_supported` and sends nothing. */
  supported: boolean;
}

/** A mutation on the provider's engine and QueryClient. */
function useEngineMutation<T, V>(
  call: (client: AuthClient, variables: V) => Promise<T>,
  supported = true,
): AuthMutation<T, V> {
  const { client, queryClient } = useAuthContext();
  // The engine reports network trouble itself; React Query must not pause calls while "offline".
  // The call starts here, in the caller's own task: React Query would run it after a
  // microtask (its onMutate await), and its mutation only tracks the call's promise.
  const run = useMutation<T, AuthError, Promise<T>>(
    { mutationFn: (started) => started, networkMode: "always" },
    queryClient,
  );
  const mutateAsync = (variables: V) =>
    run.mutateAsync(
      supported ? call(client, variables) : Promise.reject(new AuthError("not_supported")),
    );
  // React Query's result has every member the kit's type names (and more, left untyped).
  return {
    ...run,
    mutateAsync,
    mutate: (variables) => {
      mutateAsync(variables).catch(() => {});
    },
    supported,
  } as AuthMutation<T, V>;
}

/**
 * Sign-in with pending and error state for a custom form.
 * @example
 * const { mutate, isPending, error } = useSignIn();
 */
export function useSignIn(): AuthMutation<Session, SignInInput> {
  return useEngineMutation((client, input) => client.signIn(input));
}

/**
 * Sign-up; resolves to a session or to "confirmation required". `supported` is false when the
 * adapter cannot sign up (an oauth2 config without `signUpUrl`).
 * @example
 * const { mutate, data, supported } = useSignUp(); // data?.kind === "confirmation_required"
 */
export function useSignUp(): AuthMutation<SignUpResult, SignUpInput> {
  const { client } = useAuthContext();
  return useEngineMutation((c, input) => c.signUp(input), client.capabilities.signUp);
}

/**
 * Sign-out; the session ends locally even when the server call fails.
 * @example
 * const { mutate: signOut, isPending } = useSignOut();
 */
export function useSignOut(): AuthMutation<void, void> {
  return useEngineMutation((client) => client.signOut());
}
