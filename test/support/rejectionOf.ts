import { type AuthError, isAuthError } from "../../src/core/AuthError.js";

/** The AuthError a promise rejects with; fails the test if it resolves or rejects otherwise. */
export async function rejectionOf(promise: Promise<unknown> | undefined): Promise<AuthError> {
  const outcome = await (promise ?? Promise.resolve()).then(
    () => ({ resolved: true as const }),
    (error: unknown) => ({ resolved: false as const, error }),
  );
  if (outcome.resolved) throw new Error("expected a rejection, but it resolved");
  if (!isAuthError(outcome.error)) {
    throw new Error(`expected an AuthError rejection, got ${String(outcome.error)}`);
  }
  return outcome.error;
}
