import { LoginForm, SignupForm } from "../../../src/react/index.js";
import { renderWithAuth } from "./fakes.js";

const sheets = () => document.querySelectorAll("style[data-appsmith-auth-kit]");

describe("default styles", () => {
  it("are injected once per document on first mount, not on import", () => {
    expect(sheets()).toHaveLength(0);
    const { unmount } = renderWithAuth(<LoginForm unstyled />);
    expect(sheets()).toHaveLength(0);
    expect(document.querySelector("form")).not.toHaveClass("aak");
    expect(document.querySelector("form")).toHaveClass("aak-form");
    unmount();
    renderWithAuth(
      <>
        <LoginForm className="mine" />
        <SignupForm />
      </>,
    );
    expect(sheets()).toHaveLength(1);
    expect(document.querySelector("form")).toHaveClass("aak", "aak-form", "mine");
    const css = sheets()[0]?.textContent ?? "";
    for (const name of ["--aak-primary", "--aak-radius", "--aak-font", "--aak-shadow", "--aak-bg"])
      expect(css).toContain(name);
  });
});
