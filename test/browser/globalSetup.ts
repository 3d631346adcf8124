// Starts what the browser tests load: the Firebase Auth Emulator and a static server for the
// built CDN file and the fake Appsmith host page.
import { existsSync } from "node:fs";
import { cp, mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
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

// Another suite may be starting or stopping the emulator on the same fixed ports at this
// moment (its hub port is taken before the auth port answers): wait and try again, which
// then reuses a running one.
async function startEmulatorPatiently() {
  for (let attempt = 1; ; attempt += 1) {
    try {
      return await startFirebaseEmulator();
    } catch (error) {
      if (attempt === 3) throw error;
      await new Promise((resolve) => setTimeout(resolve, 5000));
    }
  }
}

export default async function setup(project: TestProject) {
  if (!existsSync(`${CDN_DIR}/appsmith-auth-kit.widget.js`)) {
    throw new Error("dist/cdn/appsmith-auth-kit.widget.js is missing: run `npm run build` first.");
  }
  const emulator = await startEmulatorPatiently();
  await enableImprovedEmailPrivacy();
  // A snapshot of the build: a concurrent `npm run build` empties dist/ while it runs.
  const cdnCopy = await mkdtemp(join(tmpdir(), "aak-cdn-"));
  await cp(CDN_DIR, cdnCopy, { recursive: true });
  const server = await startStaticServer({ "/cdn/": cdnCopy, "/host/": HOST_DIR });
  project.provide("staticBaseUrl", server.baseUrl);
  project.provide("firebaseEmulatorHost", new URL(emulator.baseUrl).host);
  return async () => {
    await server.stop();
    await emulator.stop();
    await rm(cdnCopy, { recursive: true, force: true });
  };
}
