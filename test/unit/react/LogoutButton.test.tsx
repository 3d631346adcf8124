import { screen, waitFor } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { LogoutButton } from "../../../src/react/index.js";
import { deferred, fakeAdapter, fakeSession, renderWithAuth } from "./fakes.js";

const signedIn = () => ({ initialSession: fakeSession() });

describe("LogoutButton", () => {
  it("is a bare button without a title or subtitle", () => {
    renderWithAuth(<LogoutButton className="mine" />, signedIn());
    const button = screen.getByRole("button", { name: "Sign out" });
    expect(button).toHaveClass("aak", "aak-button", "mine");
    expect(screen.queryByRole("heading")).toBeNull();
  });

  it("comes in a signed-in card with a title and subtitle, and signs out once", async () => {
    const user = userEvent.setup();
    const adapter = fakeAdapter();
    const call = deferred<void>();
    adapter.signOut.mockReturnValue(call.promise);
    const onSuccess = vi.fn();
    renderWithAuth(
      <LogoutButton title="You are signed in" subtitle="ada@example.com" onSuccess={onSuccess} />,
      { adapter, ...signedIn() },
    );
    const heading = screen.getByRole("heading", { level: 2, name: "You are signed in" });
    const card = heading.parentElement as HTMLElement;
    expect(card).toHaveClass("aak", "aak-status", "aak-signed-in");
    expect(card).toHaveTextContent("ada@example.com");
    const button = screen.getByRole("button", { name: "Sign out" });
    expect(card).toContainElement(button);
    expect(button).toHaveClass("aak-button");
    expect(button).not.toHaveClass("aak");
    await user.dblClick(button);
    call.resolve();
    await waitFor(() => expect(onSuccess).toHaveBeenCalledTimes(1));
    expect(adapter.signOut).toHaveBeenCalledTimes(1);
  });

  it("keeps its stable class names and adds no kit styles when unstyled", () => {
    renderWithAuth(<LogoutButton unstyled title="Signed in" />, signedIn());
    const card = screen.getByRole("heading").parentElement as HTMLElement;
    expect(card).toHaveClass("aak-status", "aak-signed-in");
    expect(card).not.toHaveClass("aak");
  });
});
