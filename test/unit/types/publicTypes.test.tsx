// The public types the kit owns. `npm test`'s typecheck step (tsc over test/) fails when a
// `@ts-expect-error` line below stops being an error, or an expectTypeOf no longer holds;
// the render calls make each case a real component tree too.
import type { UseMutationResult } from "@tanstack/react-query";
import { render } from "@testing-library/react";
import type { ReactNode } from "react";
import { ConfigAuthProvider } from "../../../src/config.js";
import {
  type AuthClient,
  AuthError,
  type AuthEvent,
  type AuthMutation,
  AuthProvider,
  type AuthProviderProps,
  createAuthClient,
  type PlainAuthError,
  type PlainAuthEvent,
  type Session,
  type SignUpResult,
  useSignIn,
  useSignOut,
  useSignUp,
} from "../../../src/index.js";
import { demo } from "../../../src/providers/demo.js";
import type { MountOptions } from "../../../src/widget/index.js";

const adapter = demo({ latencyMs: 0, storage: "memory" });
const client = createAuthClient({ adapter, storage: "memory" });

describe("AuthProvider's props are a union: adapter or client", () => {
  it("accepts one of them, with the engine options only beside an adapter", () => {
    const ok: ReactNode[] = [
      <AuthProvider key="a" adapter={adapter} storage="memory" refreshMarginMs={1000} />,
      <AuthProvider key="c" client={client} onEvent={() => {}} />,
      <ConfigAuthProvider key="j" config={{ type: "demo", latencyMs: 0 }} storage="memory" />,
      <ConfigAuthProvider key="k" client={client} />,
    ];
    for (const element of ok) render(<>{element}</>).unmount();
  });

  it("rejects both, neither, or engine options beside a client, at compile time", () => {
    expectTypeOf<{
      adapter: typeof adapter;
      client: typeof client;
    }>().not.toExtend<AuthProviderProps>();
    expectTypeOf<{ children: ReactNode }>().not.toExtend<AuthProviderProps>();
    expectTypeOf<{ client: typeof client; storage: "memory" }>().not.toExtend<AuthProviderProps>();
    const wrong = () => [
      // @ts-expect-error both an adapter and a client
      <AuthProvider key="1" adapter={adapter} client={client} />,
      // @ts-expect-error neither
      <AuthProvider key="2" />,
      // @ts-expect-error engine options beside a client are the client's own
      <AuthProvider key="3" client={client} storage="memory" />,
      // @ts-expect-error a JSON config is the /config entry's, not the main one's
      <AuthProvider key="4" config={{ type: "demo" }} />,
      // @ts-expect-error a config and an adapter
      <ConfigAuthProvider key="5" config={{ type: "demo" }} adapter={adapter} />,
    ];
    expect(typeof wrong).toBe("function");
  });
});

describe("the mutation hooks return the kit's own type, not React Query's", () => {
  it("types each hook's result and input", () => {
    expectTypeOf(useSignIn).returns.toEqualTypeOf<
      AuthMutation<Session, { email: string; password: string }>
    >();
    expectTypeOf(useSignUp).returns.toEqualTypeOf<
      AuthMutation<SignUpResult, Parameters<ReturnType<typeof useSignUp>["mutate"]>[0]>
    >();
    expectTypeOf(useSignOut).returns.toEqualTypeOf<AuthMutation<void, void>>();
    expectTypeOf<ReturnType<typeof useSignIn>["error"]>().toEqualTypeOf<AuthError | null>();
    expectTypeOf<ReturnType<typeof useSignUp>["supported"]>().toEqualTypeOf<boolean>();
    // React Query's result has members the kit's type does not promise.
    expectTypeOf<ReturnType<typeof useSignIn>>().not.toEqualTypeOf<
      UseMutationResult<Session, AuthError, { email: string; password: string }>
    >();
    expectTypeOf<keyof ReturnType<typeof useSignIn>>().toEqualTypeOf<
      | "mutate"
      | "mutateAsync"
      | "isPending"
      | "isSuccess"
      | "isError"
      | "data"
      | "error"
      | "reset"
      | "supported"
    >();
  });
});

describe("the three onEvent callbacks share one plain event type", () => {
  type EngineEvent = Parameters<Parameters<AuthClient["onEvent"]>[0]>[0];
  type ProviderEvent = Parameters<NonNullable<AuthProviderProps["onEvent"]>>[0];
  type MountEvent = Parameters<NonNullable<MountOptions["onEvent"]>>[0];
  type ErrorEvent = Extract<AuthEvent, { type: "error" }>;

  it("gives the engine's, AuthProvider's and mount's callbacks the same AuthEvent", () => {
    expectTypeOf<EngineEvent>().toEqualTypeOf<AuthEvent>();
    expectTypeOf<ProviderEvent>().toEqualTypeOf<EngineEvent>();
    expectTypeOf<MountEvent>().toEqualTypeOf<EngineEvent>();
    // The deprecated name still compiles, as the same type.
    expectTypeOf<PlainAuthEvent>().toEqualTypeOf<AuthEvent>();
  });

  it("carries an error as plain JSON, not as an AuthError", () => {
    expectTypeOf<ErrorEvent["error"]>().toEqualTypeOf<PlainAuthError>();
    expectTypeOf<ErrorEvent["error"]>().not.toHaveProperty("cause");
    expectTypeOf<ErrorEvent["error"]>().not.toHaveProperty("stack");
    expectTypeOf<ErrorEvent["error"]>().not.toExtend<Error>();
    expectTypeOf<keyof PlainAuthError>().toEqualTypeOf<
      "code" | "message" | "status" | "provider" | "retryAfterMs" | "reasons"
    >();
    expectTypeOf(new AuthError("network").toJSON()).toEqualTypeOf<PlainAuthError>();
  });

  it("keeps the host's events, by name and context, under mount's onHostEvent", () => {
    expectTypeOf<MountOptions["onHostEvent"]>().toEqualTypeOf<
      ((name: string, context: Record<string, unknown>) => void) | undefined
    >();
  });
});
