/** The providers the preview can run stories against. */
export type ProviderName = "demo" | "firebase";

/**
 * `?provider=firebase` points stories at the local Firebase Auth Emulator; anything else
 * (and Storybook or Ladle, which never set it) uses the in-browser demo provider.
 */
export function currentProviderName(): ProviderName {
  const search = typeof location === "undefined" ? "" : location.search;
  return new URLSearchParams(search).get("provider") === "firebase" ? "firebase" : "demo";
}
