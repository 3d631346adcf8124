import { type UseMutationResult, useMutation } from "@tanstack/react-query";
import type { AuthError } from "../core/AuthError.js";
import type { SignInInput, SignUpInput, SignUpResult } from "../core/adapter.js";
import type { Session } from "../core/types.js";
import { useAuthContext } from "./AuthContext.js";

// The engine reports network trouble itself; React Query must not pause calls while "offline".
const networkMode = "always";

/**
 * Sign-in as a React Query mutation, with pending and error state for a custom form.
 * @example
 * const { mutate, isPending, error } = useSignIn();
 */
export function useSignIn(): UseMutationResult<Session, AuthError, SignInInput> {
  const { client, queryClient } = useAuthContext();
  return useMutation({ mutationFn: (input) => client.signIn(input), networkMode }, queryClient);
}

/**
 * Sign-up as a React Query mutation; resolves to a session or to "confirmation required".
 * @example
 * const { mutate, data } = useSignUp(); // data?.kind === "confirmation_required"
 */
export function useSignUp(): UseMutationResult<SignUpResult, AuthError, SignUpInput> {
  const { client, queryClient } = useAuthContext();
  return useMutation({ mutationFn: (input) => client.signUp(input), networkMode }, queryClient);
}

/**
 * Sign-out as a React Query mutation; the session ends locally even when the server call fails.
 * @example
 * const { mutate: signOut, isPending } = useSignOut();
 */
export function useSignOut(): UseMutationResult<void, AuthError, void> {
  const { client, queryClient } = useAuthContext();
  return useMutation({ mutationFn: () => client.signOut(), networkMode }, queryClient);
}
