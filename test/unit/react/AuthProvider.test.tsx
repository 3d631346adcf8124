import { QueryClient, QueryClientProvider } from "@tanstack/react-query";
import { render, screen, waitFor } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { StrictMode } from "react";
import { ConfigAuthProvider } from "../../../src/config.js";
import { AuthError } from "../../../src/core/AuthError.js";
import { createAuthClient } from "../../../src/core/createAuthClient.js";
import type { Session } from "../../../src/core/types.js";
import {
  AuthProvider,
  type AuthProviderProps,
  LoginForm,
  LogoutButton,
  useAuth,
  useSignIn,
} from "../../../src/react/index.js";
import { deferred, fakeAdapter, fakeSession, renderWithAuth, StatusProbe } from "./fakes.js";

const status = () => screen.getByRole("status", { name: "auth status" });

function Grab({ onAuth }: { onAuth: (auth: ReturnType<typeof useAuth>) => void }) {
  onAuth(useAuth());
  return null;
}

function CustomSignIn() {
  const signIn = useSignIn();
  return (
    <>
      <button type="button" onClick={() => signIn.mutate({ email: "a@b.co", password: "x" })}>
        Go
      </button>
      <p>{signIn.isPending ? "pending" : (signIn.error?.code ?? "idle")}</p>
    </>
  );
}

describe("AuthProvider", () => {
  it("refreshes exactly once on a StrictMode mount and reports plain events", async () => {
    const adapter = fakeAdapter();
    const call = deferred<Session>();
    adapter.refresh.mockReturnValue(call.promise);
    const onEvent = vi.fn();
    renderWithAuth(null, { adapter, initialRefreshToken: "refresh-0", onEvent });
    expect(status()).toHaveTextContent("initializing");
    call.resolve(fakeSession("ada@example.com", "access-2"));
    await waitFor(() => expect(status()).toHaveTextContent("signed_in as ada@example.com"));
    expect(adapter.refresh).toHaveBeenCalledTimes(1);
    expect(adapter.refresh.mock.calls[0]?.[0]).toBe("refresh-0");
    const event = onEvent.mock.calls.at(-1)?.[0];
    expect(event).toMatchObject({ type: "token_refreshed", session: { accessToken: "access-2" } });
    expect(structuredClone(event)).toEqual(event);
  });

  it("starts from an initial session without calling the server", () => {
    const { adapter } = renderWithAuth(null, { initialSession: fakeSession("bo@example.com") });
    expect(status()).toHaveTextContent("signed_in as bo@example.com");
    expect(adapter.refresh).not.toHaveBeenCalled();
  });

  it("builds its adapter from a JSON config (the appsmith-auth-kit/config entry)", async () => {
    const user = userEvent.setup();
    render(
      <StrictMode>
        <ConfigAuthProvider config={{ type: "demo", latencyMs: 0 }} storage="memory">
          <LoginForm />
          <StatusProbe />
        </ConfigAuthProvider>
      </StrictMode>,
    );
    await user.type(screen.getByLabelText("Email"), "demo@example.com");
    await user.type(screen.getByLabelText("Password"), "password123{Enter}");
    await waitFor(() => expect(status()).toHaveTextContent("signed_in as demo@example.com"));
  });

  it("points a JSON config at the config entry instead of ignoring it", () => {
    vi.spyOn(console, "error").mockImplementation(() => {});
    const props = { config: { type: "demo" } } as unknown as AuthProviderProps;
    expect(() => render(<AuthProvider {...props} />)).toThrow(
      'for a JSON config, import { ConfigAuthProvider } from "appsmith-auth-kit/config"',
    );
  });

  it("takes an adapter or a client through the config entry too", async () => {
    const adapter = fakeAdapter();
    adapter.refresh.mockResolvedValue(fakeSession("cy@example.com", "access-9"));
    render(
      <StrictMode>
        <ConfigAuthProvider adapter={adapter} initialRefreshToken="r" storage="memory">
          <StatusProbe />
        </ConfigAuthProvider>
      </StrictMode>,
    );
    await waitFor(() => expect(status()).toHaveTextContent("signed_in as cy@example.com"));
    expect(adapter.refresh).toHaveBeenCalledTimes(1);
  });

  it("starts an engine it was given", async () => {
    const adapter = fakeAdapter();
    const client = createAuthClient({ adapter, storage: "memory", initialRefreshToken: "r" });
    render(
      <StrictMode>
        <AuthProvider client={client}>
          <StatusProbe />
        </AuthProvider>
      </StrictMode>,
    );
    await waitFor(() => expect(status()).toHaveTextContent("signed_in"));
    expect(adapter.refresh).toHaveBeenCalledTimes(1);
  });

  it("throws a clear error outside the provider", () => {
    vi.spyOn(console, "error").mockImplementation(() => {});
    expect(() => render(<StatusProbe />)).toThrow("useAuth must be used within <AuthProvider>");
    expect(() => render(<LoginForm />)).toThrow("useAuth must be used within <AuthProvider>");
  });

  it("uses the host app's QueryClient when there is one", async () => {
    const user = userEvent.setup();
    const host = new QueryClient();
    const adapter = fakeAdapter();
    render(
      <StrictMode>
        <QueryClientProvider client={host}>
          <AuthProvider adapter={adapter} storage="memory">
            <LoginForm />
          </AuthProvider>
        </QueryClientProvider>
      </StrictMode>,
    );
    await user.type(screen.getByLabelText("Email"), "ada@example.com");
    await user.type(screen.getByLabelText("Password"), "pw{Enter}");
    await waitFor(() => expect(adapter.signIn).toHaveBeenCalledTimes(1));
    expect(host.getMutationCache().getAll()).toHaveLength(1);
  });

  it("gives useAuth the session, a token getter and the actions", async () => {
    let auth: ReturnType<typeof useAuth> | undefined;
    renderWithAuth(<Grab onAuth={(value) => (auth = value)} />, {
      initialSession: fakeSession("ada@example.com", "tok-1"),
    });
    expect(auth?.status).toBe("signed_in");
    expect(auth?.user?.email).toBe("ada@example.com");
    expect(auth?.persistence).toBe("memory");
    await expect(auth?.getAccessToken()).resolves.toBe("tok-1");
  });
});

describe("useSignIn", () => {
  it("exposes pending and error state for a custom form", async () => {
    const user = userEvent.setup();
    const adapter = fakeAdapter();
    const call = deferred<Session>();
    adapter.signIn.mockReturnValue(call.promise);
    renderWithAuth(<CustomSignIn />, { adapter });
    await user.click(screen.getByRole("button", { name: "Go" }));
    expect(await screen.findByText("pending")).toBeVisible();
    call.reject(new AuthError("invalid_credentials"));
    expect(await screen.findByText("invalid_credentials")).toBeVisible();
  });
});

describe("LogoutButton", () => {
  it("signs out locally even when the server call fails", async () => {
    const user = userEvent.setup();
    const adapter = fakeAdapter();
    adapter.signOut.mockRejectedValue(new AuthError("network"));
    const onSuccess = vi.fn();
    renderWithAuth(<LogoutButton onSuccess={onSuccess} />, {
      adapter,
      initialSession: fakeSession(),
    });
    expect(status()).toHaveTextContent("signed_in");
    await user.click(screen.getByRole("button", { name: "Sign out" }));
    await waitFor(() => expect(onSuccess).toHaveBeenCalledTimes(1));
    expect(status()).toHaveTextContent("signed_out");
    expect(adapter.signOut).toHaveBeenCalledTimes(1);
    expect(screen.queryByRole("alert")).toBeNull();
  });

  it("wins over a refresh in flight: the late refresh is dropped", async () => {
    const user = userEvent.setup();
    const adapter = fakeAdapter();
    const call = deferred<Session>();
    adapter.refresh.mockReturnValue(call.promise);
    renderWithAuth(<LogoutButton />, { adapter, initialRefreshToken: "refresh-0" });
    await waitFor(() => expect(adapter.refresh).toHaveBeenCalledTimes(1));
    await user.click(screen.getByRole("button", { name: "Sign out" }));
    await waitFor(() => expect(status()).toHaveTextContent("signed_out"));
    call.resolve(fakeSession("late@example.com", "late-token"));
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(status()).toHaveTextContent("signed_out");
    expect(status()).not.toHaveTextContent("late@example.com");
  });

  it("is busy while signing out and takes message overrides", async () => {
    const user = userEvent.setup();
    const adapter = fakeAdapter();
    const call = deferred<void>();
    adapter.signOut.mockReturnValue(call.promise);
    renderWithAuth(<LogoutButton messages={{ signOut: "Log out", signingOut: "Logging out…" }} />, {
      adapter,
      initialSession: fakeSession(),
    });
    await user.click(screen.getByRole("button", { name: "Log out" }));
    expect(await screen.findByRole("button", { name: "Logging out…" })).toBeDisabled();
    expect(status()).toHaveTextContent("signed_out");
    call.resolve();
    expect(await screen.findByRole("button", { name: "Log out" })).toBeEnabled();
  });
});
