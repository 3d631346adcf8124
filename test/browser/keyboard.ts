// Keyboard-only flows and field-level errors, shared by the widget and npm-package tests:
// the same steps whether the form is in the page (a Locator) or in the widget's frame.
import type { FrameLocator, Locator, Page } from "playwright-core";

type Scope = Locator | FrameLocator;

/** Whether the element is the focused one of its document. */
export const isFocused = (locator: Locator) =>
  locator.evaluate((element) => element === element.ownerDocument.activeElement);

/**
 * Email, Tab, password, Enter, as a keyboard user signs in or up: nothing is clicked. Tab
 * must land on the password (not on its show/hide button) and Enter in it must submit, also
 * where the sandbox never submits a <form>. What a failed try left in a field is replaced,
 * as a user selecting it all and retyping.
 */
export async function typeAndEnter(page: Page, form: Scope, email: string, password: string) {
  await form.getByLabel("Email").focus();
  await page.keyboard.press("ControlOrMeta+A");
  await page.keyboard.type(email);
  await page.keyboard.press("Tab");
  await expect.poll(() => isFocused(form.getByLabel("Password", { exact: true }))).toBe(true);
  await page.keyboard.press("ControlOrMeta+A");
  await page.keyboard.type(password);
  await page.keyboard.press("Enter");
}

/**
 * Polls until the field is marked invalid, then checks it has the focus and that its
 * aria-describedby elements say `text`, while the form's live region stays empty.
 */
export async function expectFieldError(form: Scope, label: string, text: RegExp) {
  const field = form.getByLabel(label, { exact: true });
  await expect.poll(() => field.getAttribute("aria-invalid")).toBe("true");
  expect(await isFocused(field)).toBe(true);
  const described = await field.evaluate((element) =>
    (element.getAttribute("aria-describedby") ?? "")
      .split(" ")
      .map((id) => element.ownerDocument.getElementById(id)?.textContent ?? "")
      .join(" "),
  );
  expect(described).toMatch(text);
  expect(await form.getByRole("alert").first().textContent()).toBe("");
}
