// Starts the real auth servers once for the whole integration run and stops them by PID.
// A server that cannot start fails the run: these tests are never skipped.
import type { TestProject } from "vitest/node";
import { startFirebaseEmulator } from "../servers/firebaseEmulator.js";
import { startOidcServer } from "../servers/oidcServer.js";

/** What the integration tests receive through `inject()`. */
export interface IntegrationServers {
  firebase: { baseUrl: string; emulatorHost: string; projectId: string };
  oidc: {
    issuer: string;
    tokenUrl: string;
    revokeUrl: string;
    signUpUrl: string;
    clientId: string;
    connection: string;
  };
}

declare module "vitest" {
  interface ProvidedContext {
    servers: IntegrationServers;
  }
}

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const oidc = await startOidcServer();
  let firebase: Awaited<ReturnType<typeof startFirebaseEmulator>>;
  try {
    firebase = await startFirebaseEmulator();
  } catch (error) {
    await oidc.stop();
    throw error;
  }
  project.provide("servers", {
    firebase: {
      baseUrl: firebase.baseUrl,
      emulatorHost: new URL(firebase.baseUrl).host,
      projectId: firebase.projectId,
    },
    oidc: {
      issuer: oidc.issuer,
      tokenUrl: oidc.tokenUrl,
      revokeUrl: oidc.revokeUrl,
      signUpUrl: oidc.signUpUrl,
      clientId: oidc.clientId,
      connection: oidc.connection,
    },
  });
  return async () => {
    await Promise.allSettled([oidc.stop(), firebase.stop()]);
  };
}
