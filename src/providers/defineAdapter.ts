import { AuthError, type AuthErrorCode, isAuthError } from "../core/AuthError.js";
import type {
  AuthAdapter,
  RequestOptions,
  SignInInput,
  SignUpInput,
  SignUpResult,
} from "../core/adapter.js";
import type { AuthUser, Session } from "../core/types.js";
import { createHttpClient, type HttpRequest, type TransportOptions } from "./http.js";
import { passwordCapabilities } from "./shared.js";

/** What a refused refresh reads as whatever the provider: its token was turned down. */
const REFUSED_REFRESH = [400, 401, 403];

/** The operations an HTTP adapter declares; each is also what its error table is asked about. */
export type Operation = "signUp" | "signIn" | "refresh" | "signOut" | "getUser";

/**
 * Sends one more request of a flow (e.g. the user after a sign-in) through the same error
 * table, with the caller's signal.
 */
export type Send = (operation: Operation, req: HttpRequest) => Promise<unknown>;

/** One operation of a provider: the request it sends and what the reply becomes. */
export interface Flow<Input, Output> {
  request(input: Input): HttpRequest;
  reply(body: unknown, input: Input, send: Send): Output | Promise<Output>;
  /** Codes that mean the operation has already happened (a sign-out the server forgot). */
  done?: readonly AuthErrorCode[];
}

/**
 * A provider as a declaration. The config rule is checked by the factory before it declares
 * anything; the rest is here: its error table, and one flow per operation it offers. An
 * operation left out is one the provider cannot do, and the capabilities say so.
 */
export interface AdapterDefinition {
  name: string;
  transport: TransportOptions;
  /** The provider's table for a non-2xx reply (429 and 5xx never reach it: see defineAdapter). */
  errors(
    status: number,
    body: unknown,
    response: Response,
    operation: Operation,
  ): AuthError | undefined;
  signIn: Flow<SignInInput, Session>;
  signUp?: Flow<SignUpInput, SignUpResult> | undefined;
  refresh?: Flow<string, Session> | undefined;
  /** A server-side revoke; without it sign-out is local only. */
  signOut?: Flow<Session, void> | undefined;
  getUser?: Flow<string, AuthUser> | undefined;
}

/**
 * The shared part of every HTTP adapter, written once: each declared flow sent through the
 * one transport and error boundary (createHttpClient), its reply mapped, and the capabilities
 * read off what is declared. A missing sign-up or refresh rejects with `not_supported` before
 * any request; a missing sign-out is local.
 *
 * The contract's refresh rule is applied here for every adapter alike. A refresh carries no
 * credential but its token, so a refresh the table reads as `invalid_credentials` (OAuth's
 * `invalid_grant`), or a 400, 401 or 403 it names no code for, is the refresh token refused:
 * `session_expired`. (429 and 5xx never reach the table: they are transient everywhere.)
 */
export function defineAdapter(definition: AdapterDefinition): AuthAdapter {
  const { name } = definition;
  const call = (operation: Operation, req: HttpRequest, signal?: AbortSignal) =>
    createHttpClient({
      ...definition.transport,
      provider: name,
      mapError(status, body, response) {
        const mapped = definition.errors(status, body, response, operation);
        const refused = mapped
          ? mapped.code === "invalid_credentials"
          : REFUSED_REFRESH.includes(status);
        return operation === "refresh" && refused
          ? new AuthError("session_expired", { provider: name, status })
          : mapped;
      },
    }).request(signal ? { ...req, signal } : req);

  const run =
    <Input, Output>(operation: Operation, flow: Flow<Input, Output>) =>
    async (input: Input, options?: RequestOptions): Promise<Output> => {
      const signal = options?.signal;
      let body: unknown;
      try {
        body = await call(operation, flow.request(input), signal);
      } catch (error) {
        if (isAuthError(error) && flow.done?.includes(error.code)) return undefined as Output;
        throw error;
      }
      return flow.reply(body, input, (op, req) => call(op, req, signal));
    };

  const unsupported = async (): Promise<never> => {
    throw new AuthError("not_supported", { provider: name });
  };

  const { signUp, refresh, signOut, getUser } = definition;
  return {
    name,
    capabilities: passwordCapabilities(!!signUp, !!refresh, !!signOut),
    signIn: run("signIn", definition.signIn),
    signUp: signUp ? run("signUp", signUp) : unsupported,
    refresh: refresh ? run("refresh", refresh) : unsupported,
    signOut: signOut ? run("signOut", signOut) : async () => {},
    ...(getUser ? { getUser: run("getUser", getUser) } : {}),
  };
}
