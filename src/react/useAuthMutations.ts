import { type UseMutationResult, useMutation } from "@tanstack/react-query";
import type { AuthError } from "../core/AuthError.js";
import type { SignInInput, SignUpInput, SignUpResult } from "../core/adapter.js";
import type { AuthClient } from "../core/clientTypes.js";
import type { Session } from "../core/types.js";
import { useAuthContext } from "./AuthContext.js";

/** A mutation on the provider's engine and QueryClient. */
function useEngineMutation<T, V>(
  call: (client: AuthClient, variables: V) => Promise<T>,
): UseMutationResult<T, AuthError, V> {
  const { client, queryClient } = useAuthContext();
  // The engine reports network trouble itself; React Query must not pause calls while "offline".
  return useMutation(
    { mutationFn: (variables: V) => call(client, variables), networkMode: "always" },
    queryClient,
  );
}

/**
 * Sign-in as a React Query mutation, with pending and error state for a custom form.
 * @example
 * const { mutate, isPending, error } = useSignIn();
 */
export function useSignIn(): UseMutationResult<Session, AuthError, SignInInput> {
  return useEngineMutation((client, input) => client.signIn(input));
}

/**
 * Sign-up as a React Query mutation; resolves to a session or to "confirmation required".
 * @example
 * const { mutate, data } = useSignUp(); // data?.kind === "confirmation_required"
 */
export function useSignUp(): UseMutationResult<SignUpResult, AuthError, SignUpInput> {
  return useEngineMutation((client, input) => client.signUp(input));
}

/**
 * Sign-out as a React Query mutation; the session ends locally even when the server call fails.
 * @example
 * const { mutate: signOut, isPending } = useSignOut();
 */
export function useSignOut(): UseMutationResult<void, AuthError, void> {
  return useEngineMutation((client) => client.signOut());
}
