import { configure, render } from "@testing-library/react";
import { type ReactNode, StrictMode } from "react";
import { vi } from "vitest";
import type { AuthAdapter } from "../../../src/core/adapter.js";
import type { AuthClient } from "../../../src/core/clientTypes.js";
import type { Session } from "../../../src/core/types.js";
import { passwordCapabilities } from "../../../src/providers/shared.js";
import {
  type AuthEngineProps,
  AuthProvider,
  type AuthProviderCommonProps,
  useAuth,
} from "../../../src/react/index.js";

// The machine is shared with other suites: give async queries room under load.
configure({ asyncUtilTimeout: 4000 });

/** A session for `email`, valid for an hour. */
export function fakeSession(email = "ada@example.com", token = "access-1"): Session {
  return {
    accessToken: token,
    refreshToken: `refresh-for-${token}`,
    expiresAt: Date.now() + 3_600_000,
    tokenType: "bearer",
    user: { id: "user-1", email },
    provider: "fake",
  };
}

/** A promise with its resolve and reject exposed, to hold a call in flight. */
export function deferred<T>() {
  let resolve!: (value: T) => void;
  let reject!: (reason: unknown) => void;
  const promise = new Promise<T>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
}

/** An adapter whose methods are spies that succeed by default. */
export function fakeAdapter() {
  return {
    name: "fake",
    capabilities: passwordCapabilities(true, true, true),
    signIn: vi.fn<AuthAdapter["signIn"]>(async (input) => fakeSession(input.email)),
    signUp: vi.fn<AuthAdapter["signUp"]>(async (input) => ({
      kind: "session",
      session: fakeSession(input.email),
    })),
    refresh: vi.fn<AuthAdapter["refresh"]>(async () => fakeSession("ada@example.com", "access-2")),
    signOut: vi.fn<AuthAdapter["signOut"]>(async () => {}),
  } satisfies AuthAdapter;
}

/** The spies of {@link fakeAdapter}. */
export type FakeAdapter = ReturnType<typeof fakeAdapter>;

/** Shows the engine's status and user, as an app would. */
export function StatusProbe(): ReactNode {
  const { status, user } = useAuth();
  return (
    <output aria-label="auth status">
      {status}
      {user ? ` as ${user.email}` : ""}
    </output>
  );
}

/** Renders `ui` under `<StrictMode><AuthProvider>` with the real engine and memory storage. */
export function renderWithAuth(
  ui: ReactNode,
  props: AuthProviderCommonProps &
    AuthEngineProps & { adapter?: FakeAdapter; client?: AuthClient } = {},
) {
  const { adapter = fakeAdapter(), client, ...rest } = props;
  const children = (
    <>
      {ui}
      <StatusProbe />
    </>
  );
  const view = render(
    <StrictMode>
      {client ? (
        <AuthProvider client={client}>{children}</AuthProvider>
      ) : (
        <AuthProvider storage="memory" {...rest} adapter={adapter}>
          {children}
        </AuthProvider>
      )}
    </StrictMode>,
  );
  return { ...view, adapter };
}
