import { act, screen, waitFor } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { AUTH_ERROR_CODES } from "../../../src/core/AuthError.js";
import { de } from "../../../src/locales/de.js";
import { en } from "../../../src/locales/en.js";
import { es } from "../../../src/locales/es.js";
import { fr } from "../../../src/locales/fr.js";
import { ja } from "../../../src/locales/ja.js";
import { ptBR } from "../../../src/locales/pt-BR.js";
import { DEFAULT_MESSAGES } from "../../../src/react/messages.js";
import { browserLocale, matchLocale, WIDGET_LOCALES } from "../../../src/widget/locales.js";
import { readWidgetConfig } from "../../../src/widget/modelConfig.js";
import { mount } from "../../../src/widget/mount.js";
import { DEFAULT_WIDGET_MESSAGES } from "../../../src/widget/widgetMessages.js";
import { createFakeAppsmith } from "../widget/fakeAppsmith.js";

const LOCALES = { de, fr, es, "pt-BR": ptBR, ja } as const;

/** Every text of a message set as "key" or "errors.code", with its value. */
function texts(messages: object): Map<string, unknown> {
  const out = new Map<string, unknown>();
  for (const [key, value] of Object.entries(messages)) {
    if (key === "errors") {
      for (const [code, text] of Object.entries(value as object)) out.set(`errors.${code}`, text);
    } else out.set(key, value);
  }
  return out;
}
const placeholders = (text: unknown) =>
  [...String(text).matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

describe("English, the reference", () => {
  it("the widget carries it and each locale checked below", () => {
    expect(Object.keys(WIDGET_LOCALES).sort()).toEqual(["en", ...Object.keys(LOCALES)].sort());
  });

  it("is every default text of the forms and the widget, with a text for every error code", () => {
    expect(en).toEqual({ ...DEFAULT_MESSAGES, ...DEFAULT_WIDGET_MESSAGES });
    expect(Object.keys(en.errors).sort()).toEqual([...AUTH_ERROR_CODES].sort());
  });
});

describe.each(Object.entries(LOCALES))("locale %s", (_code, locale) => {
  const reference = texts(en);
  const own = texts(locale);

  it("has every key English has, and no other", () => {
    expect([...own.keys()].filter((key) => !reference.has(key))).toEqual([]);
    expect([...reference.keys()].filter((key) => !own.has(key))).toEqual([]);
  });

  it("has a text for each (empty only where English is), with the same {placeholders}", () => {
    for (const [key, english] of reference) {
      const text = own.get(key);
      expect(typeof text, key).toBe("string");
      expect(String(text).trim() === "", key).toBe(String(english).trim() === "");
      expect(placeholders(text), key).toEqual(placeholders(english));
    }
  });

  it("is translated, not English copied", () => {
    const same = [...reference].filter(
      ([key, english]) => english !== "" && own.get(key) === english,
    );
    expect(same.map(([key]) => key)).toEqual([]);
  });
});

describe("the widget's locale", () => {
  it("matches a tag in any case, with _ or -, else by language", () => {
    expect(matchLocale(["de"])).toBe("de");
    expect(matchLocale(["PT_br"])).toBe("pt-BR");
    expect(matchLocale(["pt-PT"])).toBe("pt-BR");
    expect(matchLocale(["de-AT"])).toBe("de");
    expect(matchLocale(["en-GB"])).toBe("en");
    expect(matchLocale(["xx", "fr-CA"])).toBe("fr");
    expect(matchLocale(["zz", undefined, ""])).toBeUndefined();
  });

  it("follows navigator.languages, in order, where a locale exists, else English", () => {
    const languages = vi.spyOn(navigator, "languages", "get");
    languages.mockReturnValue(["ko-KR", "ja-JP", "en"]);
    expect(browserLocale()).toBe("ja");
    languages.mockReturnValue(["ko-KR"]);
    vi.spyOn(navigator, "language", "get").mockReturnValue("ko-KR");
    expect(browserLocale()).toBe("en");
  });

  it("reads `locale` from the model; an unknown one is a config error naming the key", () => {
    const provider = { type: "demo" };
    expect(readWidgetConfig({ provider, locale: "fr_FR" })).toMatchObject({
      ok: true,
      config: { locale: "fr" },
    });
    const wrong = readWidgetConfig({ provider, locale: "klingon" });
    expect(wrong.ok).toBe(false);
    if (!wrong.ok) {
      expect(wrong.error.code).toBe("invalid_config");
      expect(wrong.error.message).toContain('"locale"');
      expect(wrong.error.message).not.toContain("klingon");
    }
  });

  function mountWith(model: Record<string, unknown>) {
    const host = createFakeAppsmith({ model });
    const uninstall = host.install();
    const element = document.createElement("div");
    document.body.appendChild(element);
    let unmount: () => void = () => {};
    act(() => {
      unmount = mount(element);
    });
    const done = () => {
      act(() => unmount());
      element.remove();
      uninstall();
    };
    return { host, done };
  }
  const provider = { type: "demo", latencyMs: 0, storage: "memory" };

  it("renders the model's locale, with the model's messages over it", async () => {
    const { done } = mountWith({ provider, locale: "de", messages: { signIn: "Los geht's" } });
    try {
      expect(await screen.findByLabelText("E-Mail")).toBeInTheDocument();
      expect(screen.getByRole("button", { name: "Los geht's" })).toBeInTheDocument();
      expect(screen.getByRole("button", { name: de.switchToSignUp })).toBeInTheDocument();
      expect(screen.getByLabelText("E-Mail").closest("[lang]")?.getAttribute("lang")).toBe("de");
    } finally {
      done();
    }
  });

  it("without `locale`, follows the browser's language", async () => {
    vi.spyOn(navigator, "languages", "get").mockReturnValue(["es-MX"]);
    const { done } = mountWith({ provider, view: "login" });
    try {
      expect(await screen.findByLabelText(es.emailLabel)).toBeInTheDocument();
      expect(screen.getByRole("button", { name: es.signIn })).toBeInTheDocument();
    } finally {
      done();
    }
  });

  it("tells the app the locale's error text too: onAuthError and the model's error", async () => {
    const { host, done } = mountWith({ provider, locale: "de", view: "login" });
    try {
      const user = userEvent.setup();
      await user.type(await screen.findByLabelText(de.emailLabel), "demo@example.com");
      await user.type(screen.getByLabelText(de.passwordLabel, { selector: "input" }), "wrongpass");
      await user.click(screen.getByRole("button", { name: de.signIn }));
      await waitFor(() =>
        expect(host.events.find((event) => event.name === "onAuthError")?.context).toEqual({
          action: "sign_in",
          code: "invalid_credentials",
          message: de.errors.invalid_credentials,
        }),
      );
      await waitFor(() =>
        expect(host.hostModel().error).toEqual({
          code: "invalid_credentials",
          message: de.errors.invalid_credentials,
        }),
      );
    } finally {
      done();
    }
  });
});
