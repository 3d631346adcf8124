import { AuthError, toAuthError } from "./AuthError.js";
import type { AuthAdapter, SignInInput, SignUpInput, SignUpResult } from "./adapter.js";
import type { AuthClient } from "./clientTypes.js";
import { withExpiry } from "./session.js";
import type { SessionStore } from "./sessionStore.js";
import type { AuthAction, Session } from "./types.js";

/** What sign-up, sign-in and sign-out need from the client around them. */
export interface UserActionsOptions {
  adapter: AuthAdapter;
  store: SessionStore;
  /** Takes a session the user just signed in (or up) with: state, storage, other tabs. */
  adopt(session: Session): void;
  /** Ends the session because the user asked to: state, storage, other tabs, event. */
  endByUser(): void;
  /** Forgets whatever storage holds. */
  clearStored(): void;
}

/** The client's user-initiated actions. */
export type UserActions = Pick<AuthClient, "signUp" | "signIn" | "signOut">;

/**
 * Creates sign-up, sign-in and sign-out. Only the latest of them is adopted: a sign-in or
 * sign-up reply that a later sign-in, sign-up or sign-out overtook changes no state, emits
 * no event, and its promise rejects with an `AuthError` coded `superseded` (forms show
 * nothing for it), whether the reply was a session or a failure.
 */
export function createUserActions(options: UserActionsOptions): UserActions {
  const { adapter, store } = options;
  let latest = 0;
  let lastKind: AuthAction | undefined;

  function begin(kind: AuthAction): number {
    lastKind = kind;
    latest += 1;
    return latest;
  }

  function failed(action: AuthAction, ticket: number, thrown: unknown): AuthError {
    if (ticket !== latest) return new AuthError("superseded");
    const error = toAuthError(thrown);
    store.setState({ error });
    store.emit({ type: "error", action, error });
    return error;
  }

  function overtaken(session: Session): AuthError {
    // The dropped reply made a server session nobody holds. After a sign-out the user wants
    // it gone: revoke it (best-effort). After a newer sign-in it is left to expire, because a
    // revoke with a global scope would end the newer session of the same user too.
    if (lastKind === "sign_out") adapter.signOut(session).catch(() => {});
    return new AuthError("superseded");
  }

  return {
    async signUp(input: SignUpInput): Promise<SignUpResult> {
      const ticket = begin("sign_up");
      let result: SignUpResult;
      try {
        result = await adapter.signUp(input);
      } catch (thrown) {
        throw failed("sign_up", ticket, thrown);
      }
      if (result.kind === "session") {
        const session = withExpiry(result.session);
        if (ticket !== latest) throw overtaken(session);
        options.adopt(session);
        store.emit({ type: "signed_up", session, needsConfirmation: false, user: session.user });
        return { kind: "session", session };
      }
      // The account exists whatever happened meanwhile, and no session is adopted: the user
      // still has to hear "check your email".
      if (ticket === latest) store.setState({ error: null });
      store.emit({ type: "signed_up", session: null, needsConfirmation: true, user: result.user });
      return result;
    },
    async signIn(input: SignInInput): Promise<Session> {
      const ticket = begin("sign_in");
      let session: Session;
      try {
        session = withExpiry(await adapter.signIn(input));
      } catch (thrown) {
        throw failed("sign_in", ticket, thrown);
      }
      if (ticket !== latest) throw overtaken(session);
      options.adopt(session);
      store.emit({ type: "signed_in", session });
      return session;
    },
    async signOut(): Promise<void> {
      // Counted even while signed out: it still cancels a sign-in in flight.
      begin("sign_out");
      const { session, status } = store.getState();
      if (session === null && status === "signed_out") return options.clearStored();
      options.endByUser();
      if (session === null) return;
      try {
        await adapter.signOut(session);
      } catch {
        // Revoking is best-effort: the session is already gone here.
      }
    },
  };
}
