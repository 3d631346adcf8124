// The locales the widget (and so the CDN file) carries, and how it picks one: the Default
// Model's `locale`, else the browser's languages, else English. Apps using the npm package
// import the one locale they want from `appsmith-auth-kit/locales/<code>` instead.
import { de } from "../locales/de.js";
import { en } from "../locales/en.js";
import { es } from "../locales/es.js";
import { fr } from "../locales/fr.js";
import { ja } from "../locales/ja.js";
import { ptBR } from "../locales/pt-BR.js";
import type { LocaleMessages } from "../locales/types.js";

/** Every locale the widget knows, by its BCP 47 tag. */
export const WIDGET_LOCALES: Readonly<Record<string, LocaleMessages>> = {
  en,
  de,
  fr,
  es,
  "pt-BR": ptBR,
  ja,
};

/**
 * The first of `tags` the widget has a locale for: the tag itself (any case, `_` or `-`),
 * else a locale of the same language (`de-AT` → `de`, `pt-PT` → `pt-BR`).
 */
export function matchLocale(tags: readonly (string | undefined)[]): string | undefined {
  const codes = Object.keys(WIDGET_LOCALES);
  const language = (tag: string) => tag.toLowerCase().split("-")[0];
  for (const raw of tags) {
    if (!raw) continue;
    const tag = raw.replace(/_/g, "-").toLowerCase();
    const found =
      codes.find((code) => code.toLowerCase() === tag) ??
      codes.find((code) => language(code) === language(tag));
    if (found) return found;
  }
  return undefined;
}

/** The locale for the browser's preferred languages (`navigator.languages`), else English. */
export function browserLocale(): string {
  const nav = globalThis.navigator as Navigator | undefined;
  return matchLocale([...(nav?.languages ?? []), nav?.language]) ?? "en";
}
