// Every adapter × every fault × every action, through the real engine (and the real forms
// for sign-up and sign-in), with faults injected as real Response objects.
import { render, screen, waitFor } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { StrictMode } from "react";
import { DEFAULT_ERROR_MESSAGES, isAuthError } from "../../../src/core/AuthError.js";
import type { AuthAdapter } from "../../../src/core/adapter.js";
import { createAuthClient } from "../../../src/core/createAuthClient.js";
import type { FetchLike } from "../../../src/core/ports.js";
import { createMemoryStorage } from "../../../src/core/storage.js";
import type { AuthEvent, Session } from "../../../src/core/types.js";
import {
  AuthProvider,
  DEFAULT_MESSAGES,
  LoginForm,
  SignupForm,
  useAuth,
} from "../../../src/react/index.js";
import { BODY_MARKER, expectNoLeak } from "../../fakes/faults.js";
import {
  type Action,
  ADAPTER_NAMES,
  type AdapterName,
  buildAdapter,
  DEMO_MAGIC,
  FAULT_IDS,
  type FaultId,
  faultFetch,
  formOutcome,
  NEW_ACCESS,
  NEW_REFRESH,
  refreshOutcome,
  signOutRequests,
} from "./faultCells.js";
import { expectConsistent, guardConsoleAndRejections, makeJwt, watchStates } from "./guards.js";

guardConsoleAndRejections();

const PASSWORD = "Secret-pass-123";
const OLD_ACCESS = makeJwt({ sub: "u1", email: "ada@example.com", exp: 4_102_444_800, n: 1 });
const OLD_REFRESH = "rt-old-before-fault";
const SECRETS = [PASSWORD, OLD_ACCESS, OLD_REFRESH, NEW_ACCESS, NEW_REFRESH, BODY_MARKER];

function counted(fetch: FetchLike) {
  const urls: string[] = [];
  const wrapped: FetchLike = (url, init) => {
    urls.push(url);
    return fetch(url, init);
  };
  return { fetch: wrapped, urls };
}

function StatusProbe() {
  const { status, session } = useAuth();
  return <output aria-label="auth status">{`${status}:${session ? "session" : "none"}`}</output>;
}

async function runForm(name: AdapterName, fault: FaultId, action: "sign-up" | "sign-in") {
  const outcome = formOutcome(name, fault, action);
  if (outcome.kind === "not_applicable") throw new Error("not applicable");
  const { fetch, urls } = counted(faultFetch(fault, name, action));
  const adapter = buildAdapter(name, fetch);
  const events: AuthEvent[] = [];
  const onError = vi.fn();
  const onSuccess = vi.fn();
  const Form = action === "sign-in" ? LoginForm : SignupForm;
  render(
    <StrictMode>
      <AuthProvider adapter={adapter} storage="memory" onEvent={(e) => events.push(e as AuthEvent)}>
        <Form onError={onError} onSuccess={onSuccess} />
        <StatusProbe />
      </AuthProvider>
    </StrictMode>,
  );
  const email = (name === "demo" && DEMO_MAGIC[fault]) || "ada@example.com";
  const user = userEvent.setup({ delay: null });
  await user.type(screen.getByLabelText("Email"), email);
  await user.type(screen.getByLabelText("Password", { selector: "input" }), PASSWORD);
  await user.click(
    screen.getByRole("button", { name: action === "sign-in" ? "Sign in" : "Create account" }),
  );
  const status = screen.getByRole("status", { name: "auth status" });
  if (outcome.kind === "confirmation") {
    await waitFor(() => expect(onSuccess).toHaveBeenCalledTimes(1));
    expect(onSuccess.mock.calls[0]?.[0]).toMatchObject({ kind: "confirmation_required" });
    expect(await screen.findByText(DEFAULT_MESSAGES.checkEmail)).toBeInTheDocument();
    expect(status).toHaveTextContent("signed_out:none");
    return;
  }
  const text = DEFAULT_ERROR_MESSAGES[outcome.code];
  const alert = screen.getByRole("alert");
  await waitFor(() => expect(alert).toHaveTextContent(text));
  expect(alert.textContent).toBe(text);
  // What the user typed is still there to correct and retry.
  expect(screen.getByLabelText("Email")).toHaveValue(email);
  expect(screen.getByLabelText("Password", { selector: "input" })).toHaveValue(PASSWORD);
  expect(
    screen.getByRole("button", { name: action === "sign-in" ? "Sign in" : "Create account" }),
  ).toBeEnabled();
  expect(status).toHaveTextContent("signed_out:none");
  expect(onSuccess).not.toHaveBeenCalled();
  expect(onError).toHaveBeenCalledTimes(1);
  const error = onError.mock.calls[0]?.[0];
  if (!isAuthError(error)) throw new Error("onError got something other than an AuthError");
  expect(error.code).toBe(outcome.code);
  if (outcome.status !== undefined) expect(error.status).toBe(outcome.status);
  if (outcome.retryAfterMs !== undefined) expect(error.retryAfterMs).toBe(outcome.retryAfterMs);
  expectNoLeak(error, SECRETS);
  expect(document.body.innerHTML).not.toContain(BODY_MARKER);
  expect(events).toEqual([
    {
      type: "error",
      action: action === "sign-in" ? "sign_in" : "sign_up",
      error: expect.objectContaining({ code: outcome.code }),
    },
  ]);
  // One user action, one request; oauth2 sign-up signs in after a readable sign-up reply.
  const twoStep = name === "oauth2" && action === "sign-up" && fault === "missing fields";
  if (name !== "demo") expect(urls).toHaveLength(twoStep ? 2 : 1);
}

function session(name: string, expiresInMs: number, refreshToken?: string): Session {
  return {
    accessToken: OLD_ACCESS,
    ...(refreshToken === undefined ? {} : { refreshToken }),
    expiresAt: Date.now() + expiresInMs,
    tokenType: "bearer",
    user: { id: "u1", email: "ada@example.com" },
    provider: name,
  };
}

function engine(adapter: AuthAdapter, initial: Session) {
  const storage = createMemoryStorage();
  const client = createAuthClient({ adapter, storage, initialSession: initial, crossTab: false });
  const events: AuthEvent[] = [];
  client.onEvent((event) => events.push(event));
  const states = watchStates(client);
  const stored = () => storage.getItem("appsmith-auth-kit.session") as string | null;
  return { client, events, states, stored };
}

const refreshSettled = (events: AuthEvent[]) =>
  vi.waitFor(
    () => {
      const done = events.some(
        (e) => e.type === "token_refreshed" || (e.type === "error" && e.action === "refresh"),
      );
      if (!done) throw new Error("refresh still running");
    },
    { timeout: 2000, interval: 5 },
  );

async function runRefresh(name: AdapterName, fault: FaultId) {
  const outcome = refreshOutcome(name, fault);
  const { fetch, urls } = counted(faultFetch(fault, name, "refresh"));
  const adapter = buildAdapter(name, fetch);
  if (outcome.kind === "not_supported") {
    // Xano has no refresh token: the engine never asks, and the adapter says why.
    const { client, states } = engine(adapter, session(name, 30_000));
    const stop = client.start();
    await expect(client.refresh()).resolves.toMatchObject({ accessToken: OLD_ACCESS });
    stop();
    await expect(adapter.refresh("anything")).rejects.toMatchObject({ code: "not_supported" });
    expect(urls).toEqual([]);
    states.forEach(expectConsistent);
    return;
  }
  if (outcome.kind === "not_applicable") throw new Error("not applicable");
  let token = OLD_REFRESH;
  if (name === "demo" && outcome.kind !== "ended") {
    // The demo only knows tokens it issued.
    token = (await adapter.signIn({ email: "demo@example.com", password: "password123" }))
      .refreshToken as string;
  }
  const expired = fault === "expired access token";
  const { client, events, states, stored } = engine(
    adapter,
    session(name, expired ? -1000 : 30_000, token),
  );
  const stop = client.start();
  await refreshSettled(events);
  stop();
  const state = client.getState();
  states.forEach(expectConsistent);
  if (outcome.kind === "refreshed") {
    expect(state.status).toBe("signed_in");
    expect(state.session?.accessToken).not.toBe(OLD_ACCESS);
    expect(stored()).toContain(state.session?.accessToken);
    expect(events.map((e) => e.type)).toEqual(["token_refreshed"]);
    return;
  }
  const error = state.error;
  expect(error?.code).toBe(outcome.code);
  expectNoLeak(error, SECRETS);
  if (outcome.kind === "kept") {
    // A transient failure keeps the still-valid session and retries later.
    expect(state.status).toBe("signed_in");
    expect(state.session?.accessToken).toBe(OLD_ACCESS);
    expect(stored()).toContain(OLD_ACCESS);
    expect(events.map((e) => e.type)).toEqual(["error"]);
  } else {
    expect(state.status).toBe("signed_out");
    expect(stored()).toBeNull();
    expect(events).toEqual([
      { type: "error", action: "refresh", error: expect.objectContaining({ code: outcome.code }) },
      { type: "signed_out", reason: outcome.reason },
    ]);
  }
  if (name !== "demo") expect(urls).toHaveLength(1);
}

async function runSignOut(name: AdapterName, fault: FaultId) {
  const { fetch, urls } = counted(faultFetch(fault, name, "sign-out"));
  const adapter = buildAdapter(name, fetch);
  const { client, events, states, stored } = engine(adapter, session(name, 3_600_000, OLD_REFRESH));
  const stop = client.start();
  expect(client.getState().status).toBe("signed_in");
  const signingOut = client.signOut();
  // Local sign-out is immediate, before the server answers.
  expect(client.getState()).toMatchObject({ status: "signed_out", session: null, error: null });
  await expect(signingOut).resolves.toBeUndefined();
  stop();
  expect(client.getState()).toMatchObject({ status: "signed_out", session: null, error: null });
  expect(stored()).toBeNull();
  expect(events).toEqual([{ type: "signed_out", reason: "user" }]);
  expect(urls).toHaveLength(signOutRequests(name));
  states.forEach(expectConsistent);
}

const ACTIONS: Action[] = ["sign-up", "sign-in", "refresh", "sign-out"];

describe.each(ADAPTER_NAMES)("%s", (name) => {
  describe.each(ACTIONS)("%s", (action) => {
    for (const fault of FAULT_IDS) {
      const outcome =
        action === "refresh"
          ? refreshOutcome(name, fault)
          : action === "sign-out"
            ? undefined
            : formOutcome(name, fault, action);
      if (outcome?.kind === "not_applicable") {
        it.skip(`${fault}: not applicable (${outcome.reason})`, () => {});
        continue;
      }
      const label =
        outcome === undefined
          ? "signs out locally"
          : outcome.kind === "error" || outcome.kind === "kept" || outcome.kind === "ended"
            ? `${outcome.kind} ${outcome.code}`
            : outcome.kind;
      it(`${fault} → ${label}`, async () => {
        if (action === "refresh") await runRefresh(name, fault);
        else if (action === "sign-out") await runSignOut(name, fault);
        else await runForm(name, fault, action);
      });
    }
  });
});

describe("the matrix itself", () => {
  it("covers every adapter × fault × action, and says why each skipped cell does not apply", () => {
    const cells = ADAPTER_NAMES.flatMap((name) =>
      FAULT_IDS.flatMap((fault) => [
        formOutcome(name, fault, "sign-up"),
        formOutcome(name, fault, "sign-in"),
        refreshOutcome(name, fault),
      ]),
    );
    expect(cells).toHaveLength(ADAPTER_NAMES.length * FAULT_IDS.length * 3);
    const skipped = cells.filter((cell) => cell.kind === "not_applicable");
    for (const cell of skipped) expect(cell.reason.length).toBeGreaterThan(20);
    // Two token faults × two form actions × six adapters, the demo's three reply faults on
    // both forms, and the demo's seven transport faults on refresh (it has no transport).
    expect(skipped).toHaveLength(24 + 6 + 7);
  });
});
