// A tiny, dependency-free stand-in for Testing Library in `play` functions: find by
// label, role-ish button name or text, type like a user, click, and wait. Plain DOM, so
// the stories run the same in this preview, Storybook or Ladle.

const TIMEOUT_MS = 8000;

/** Polls `find` until it returns something (or throws after a few seconds). */
export async function waitFor<T>(
  find: () => T | null | undefined | false,
  what: string,
): Promise<T> {
  const started = Date.now();
  for (;;) {
    const found = find();
    if (found) return found;
    if (Date.now() - started > TIMEOUT_MS) throw new Error(`Timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

function matches(text: string | null | undefined, name: RegExp): boolean {
  return name.test((text ?? "").replace(/\s+/g, " ").trim());
}

/** The form control whose `<label>` (or aria-label) matches `name`. */
export function findField(canvas: HTMLElement, name: RegExp): Promise<HTMLInputElement> {
  return waitFor(() => {
    for (const label of canvas.querySelectorAll("label")) {
      if (matches(label.textContent, name) && label.control instanceof HTMLInputElement) {
        return label.control;
      }
    }
    for (const input of canvas.querySelectorAll<HTMLInputElement>("input[aria-label]")) {
      if (matches(input.getAttribute("aria-label"), name)) return input;
    }
    return null;
  }, `a field labelled ${name}`);
}

/** The button whose visible text or aria-label matches `name`. */
export function findButton(canvas: HTMLElement, name: RegExp): Promise<HTMLButtonElement> {
  return waitFor(() => {
    for (const button of canvas.querySelectorAll("button")) {
      if (matches(button.getAttribute("aria-label") ?? button.textContent, name)) return button;
    }
    return null;
  }, `a button named ${name}`);
}

/** Waits for the innermost element whose text matches `text`. */
export function findText(canvas: HTMLElement, text: RegExp): Promise<HTMLElement> {
  return waitFor(() => {
    const hits = [...canvas.querySelectorAll<HTMLElement>("*")].filter((element) =>
      matches(element.textContent, text),
    );
    // querySelectorAll lists ancestors first, so the last hit is the innermost one.
    return hits.at(-1) ?? null;
  }, `text ${text}`);
}

/** Lets React commit and run its effects (form libraries subscribe in effects). */
export function settle(): Promise<void> {
  return new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 50)));
}

/** Types into a field the way React sees a user typing (native setter + input event). */
export function typeInto(input: HTMLInputElement, value: string): void {
  const setter = Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, "value")?.set;
  input.focus();
  setter?.call(input, value);
  input.dispatchEvent(new Event("input", { bubbles: true }));
  input.dispatchEvent(new Event("change", { bubbles: true }));
}

/** Fills fields by label, in order: `{ "Email": "a@b.c" }` (keys are matched case-insensitively). */
export async function fill(canvas: HTMLElement, values: Record<string, string>): Promise<void> {
  await settle();
  for (const [label, value] of Object.entries(values)) {
    const field = await findField(canvas, new RegExp(`^${label}`, "i"));
    typeInto(field, value);
  }
}

/** Clicks a button once it is enabled. */
export async function clickButton(canvas: HTMLElement, name: RegExp): Promise<void> {
  const button = await findButton(canvas, name);
  await waitFor(() => !button.disabled, `${name} to be enabled`);
  button.click();
}

/** Waits until the field labelled `name` is invalid, focused, and described by `text`. */
export async function findFieldError(
  canvas: HTMLElement,
  name: RegExp,
  text: RegExp,
): Promise<HTMLInputElement> {
  const field = await findField(canvas, name);
  return waitFor(() => {
    const ids = (field.getAttribute("aria-describedby") ?? "").split(" ");
    const described = ids.map((id) => document.getElementById(id)?.textContent ?? "").join(" ");
    const shown = field.getAttribute("aria-invalid") === "true" && text.test(described);
    return shown && document.activeElement === field && field;
  }, `the field ${name} to be invalid, focused and described by ${text}`);
}
