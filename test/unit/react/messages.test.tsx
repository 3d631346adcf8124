import { screen } from "@testing-library/react";
import { SignupForm } from "../../../src/react/index.js";
import { format } from "../../../src/react/messages.js";
import { renderWithAuth } from "./fakes.js";

describe("message placeholders", () => {
  it.each(["constructor", "toString", "__proto__", "hasOwnProperty"])(
    "{%s} names no Object.prototype member: it stays as written",
    (key) => {
      expect(format(`a {${key}} b {min}`, { min: 8 })).toBe(`a {${key}} b 8`);
    },
  );

  it("a messages override with {constructor} renders as written, not Object's source", () => {
    renderWithAuth(
      <SignupForm
        passwordPolicy={{ minLength: 8 }}
        messages={{ hintMinLength: "{constructor} {min}" }}
      />,
    );
    expect(screen.getByText("{constructor} 8", { exact: false, selector: "li" })).toBeVisible();
    expect(document.body.textContent).not.toContain("native code");
  });
});
