// Starts what the browser tests load: the Firebase Auth Emulator and a static server for the
// built CDN file and the fake Appsmith host page.
import { existsSync } from "node:fs";
import { fileURLToPath } from "node:url";
import type { TestProject } from "vitest/node";
import { enableImprovedEmailPrivacy, startFirebaseEmulator } from "../servers/firebaseEmulator.js";
import { startStaticServer } from "./staticServer.js";

declare module "vitest" {
  export interface ProvidedContext {
    staticBaseUrl: string;
    firebaseEmulatorHost: string;
  }
}

const CDN_DIR = fileURLToPath(new URL("../../dist/cdn", import.meta.url));
const HOST_DIR = fileURLToPath(new URL("./host", import.meta.url));

export default async function setup(project: TestProject) {
  if (!existsSync(`${CDN_DIR}/appsmith-auth-kit.widget.js`)) {
    throw new Error("dist/cdn/appsmith-auth-kit.widget.js is missing: run `npm run build` first.");
  }
  const emulator = await startFirebaseEmulator();
  await enableImprovedEmailPrivacy();
  const server = await startStaticServer({ "/cdn/": CDN_DIR, "/host/": HOST_DIR });
  project.provide("staticBaseUrl", server.baseUrl);
  project.provide("firebaseEmulatorHost", new URL(emulator.baseUrl).host);
  return async () => {
    await server.stop();
    await emulator.stop();
  };
}
