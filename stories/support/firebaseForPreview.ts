import type { AuthAdapter } from "../../src/core/adapter.js";

/** The Firebase adapter pointed at the local Auth Emulator (filled in when firebase lands). */
export function firebaseForPreview(): AuthAdapter {
  throw new Error("The Firebase adapter has not landed yet");
}
