import { PREVIEW_EMULATOR_HOST } from "./firebaseForPreview.js";
import { currentProviderName } from "./providerChoice.js";

/** The widget's `provider` JSON for the preview's provider choice (demo, or the emulator). */
export function previewProviderConfig(): Record<string, unknown> {
  return currentProviderName() === "firebase"
    ? { type: "firebase", apiKey: "demo-key", emulatorHost: PREVIEW_EMULATOR_HOST }
    : { type: "demo", accessTokenTtlSeconds: 30 };
}
