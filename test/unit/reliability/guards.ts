// Shared checks for the reliability suite: nothing on the console, no unhandled rejection,
// and a session state that is never half signed in.
import { expect, type MockInstance, vi } from "vitest";
import type { AuthClient } from "../../../src/core/clientTypes.js";
import type { AuthState } from "../../../src/core/types.js";

const CONSOLE_METHODS = ["error", "warn", "log", "info", "debug"] as const;

/** An unsigned JWT (the kit never verifies signatures). */
export function makeJwt(payload: Record<string, unknown>): string {
  const encode = (value: unknown) => Buffer.from(JSON.stringify(value)).toString("base64url");
  return `${encode({ alg: "none", typ: "JWT" })}.${encode(payload)}.sig`;
}

/**
 * Installs, for every test of the calling file, a spy on each console method and a listener
 * for unhandled rejections; after each test, asserts both stayed silent.
 */
export function guardConsoleAndRejections(): void {
  const rejections: unknown[] = [];
  const onRejection = (reason: unknown) => rejections.push(reason);
  let spies: MockInstance[] = [];
  beforeEach(() => {
    rejections.length = 0;
    process.on("unhandledRejection", onRejection);
    spies = CONSOLE_METHODS.map((method) => vi.spyOn(console, method));
  });
  afterEach(async () => {
    // Let late rejections surface before judging.
    await new Promise((resolve) => setTimeout(resolve, 0));
    process.off("unhandledRejection", onRejection);
    const calls = spies.flatMap((spy, index) =>
      spy.mock.calls.map((args) => `console.${CONSOLE_METHODS[index]}: ${args.map(String)}`),
    );
    for (const spy of spies) spy.mockRestore();
    expect(calls).toEqual([]);
    expect(rejections.map(String)).toEqual([]);
  });
}

/** The invariant every snapshot must keep: signed in exactly when there is a session. */
export function expectConsistent(state: AuthState): void {
  if (state.status === "signed_out") expect(state.session).toBeNull();
  if (state.status === "signed_in" || state.status === "refreshing") {
    expect(state.session).not.toBeNull();
  }
}

/** Records every state of `client` and checks each against {@link expectConsistent}. */
export function watchStates(client: AuthClient): AuthState[] {
  const states: AuthState[] = [client.getState()];
  client.subscribe(() => states.push(client.getState()));
  return states;
}
