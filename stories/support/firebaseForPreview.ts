import type { AuthAdapter } from "../../src/core/adapter.js";
import { firebase } from "../../src/providers/firebase.js";

/** Where `npm run start:firebase` runs the Firebase Auth Emulator. */
export const PREVIEW_EMULATOR_HOST = "127.0.0.1:9099";

/** The Firebase adapter pointed at the local Auth Emulator, which accepts any API key. */
export function firebaseForPreview(): AuthAdapter {
  return firebase({ apiKey: "demo-key", emulatorHost: PREVIEW_EMULATOR_HOST });
}
