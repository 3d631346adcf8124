// `npm run start:firebase`: the local Firebase Auth Emulator (tools/firebase-emulator) and the
// preview together at ?provider=firebase (opened in a browser only where there is a
// display; the URL is printed either way). Ctrl+C stops both.
import { createServer } from "vite";
import { canOpenBrowser } from "./display.mjs";

const vite = await createServer({
  configFile: "vite.config.ts",
  // Opened only where there is a display; the URL is printed either way.
  server: { open: canOpenBrowser() ? "/?provider=firebase" : false },
});
// The emulator helper is TypeScript shared with the integration tests; Vite loads it.
const { startFirebaseEmulator } = await vite.ssrLoadModule("/test/servers/firebaseEmulator.ts");
let emulator;
try {
  emulator = await startFirebaseEmulator();
} catch (error) {
  console.error(error instanceof Error ? error.message : error);
  await vite.close();
  process.exit(1);
}
console.log(`Firebase Auth Emulator on ${emulator.baseUrl}`);
await vite.listen();
vite.printUrls();
console.log("  Stories run against the emulator; the demo's magic error inputs do not apply.");

let stopping = false;
async function stop() {
  if (stopping) return;
  stopping = true;
  await Promise.allSettled([vite.close(), emulator.stop()]);
  process.exit(0);
}
process.on("SIGINT", stop);
process.on("SIGTERM", stop);
