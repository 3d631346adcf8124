// Starts the Firebase Auth Emulator (tools/firebase-emulator) for the integration tests and
// offers the emulator-only admin calls they need.
import { type ChildProcess, spawn } from "node:child_process";
import { existsSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

/** A running (or reused) emulator. */
export interface FirebaseEmulator {
  baseUrl: string;
  projectId: typeof PROJECT_ID;
  stop(): Promise<void>;
}

const PROJECT_ID = "demo-test";
// AAK_EMULATOR_PORT moves the emulator (auth on it, hub and logging on the next two ports), so
// two checkouts on one machine can run their suites at once without sharing accounts.
const PORT = Number(process.env.AAK_EMULATOR_PORT ?? 9099);
const HOST = `127.0.0.1:${PORT}`;
const BASE_URL = `http://${HOST}`;
const START_TIMEOUT_MS = 60_000;
const STOP_TIMEOUT_MS = 10_000;
const TOOL_DIR = fileURLToPath(new URL("../../tools/firebase-emulator/", import.meta.url));
const BINARY = `${TOOL_DIR}node_modules/.bin/firebase`;
const INSTALL_HINT = "run `npm ci --ignore-scripts` in tools/firebase-emulator";

async function answers(url: string): Promise<boolean> {
  try {
    await fetch(url, { signal: AbortSignal.timeout(1000) });
    return true;
  } catch {
    return false;
  }
}

function waitForExit(child: ChildProcess, ms: number): Promise<boolean> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve(true);
  return new Promise((resolve) => {
    const timer = setTimeout(() => resolve(false), ms);
    child.once("exit", () => {
      clearTimeout(timer);
      resolve(true);
    });
  });
}

function startError(reason: string, output: string): Error {
  const tail = output.trim().split("\n").slice(-20).join("\n");
  return new Error(
    `Firebase Auth Emulator did not start (${reason}): ${INSTALL_HINT}.` +
      (tail ? `\n--- last emulator output ---\n${tail}` : ""),
  );
}

function configFile(): string {
  if (PORT === 9099) return "firebase.json";
  const dir = mkdtempSync(join(tmpdir(), "aak-emulator-"));
  const at = (port: number) => ({ host: "127.0.0.1", port });
  const config = {
    auth: at(PORT),
    hub: at(PORT + 1),
    logging: at(PORT + 2),
    ui: { enabled: false },
  };
  writeFileSync(join(dir, "firebase.json"), JSON.stringify({ emulators: config }));
  return join(dir, "firebase.json");
}

/**
 * Starts the Auth Emulator on 127.0.0.1:9099 (or AAK_EMULATOR_PORT), or reuses one that already answers there (then
 * `stop` leaves it running). Rejects with the emulator's last output when it cannot start.
 */
export async function startFirebaseEmulator(): Promise<FirebaseEmulator> {
  if (await answers(`${BASE_URL}/`)) {
    return { baseUrl: BASE_URL, projectId: PROJECT_ID, stop: async () => {} };
  }
  if (!existsSync(BINARY)) throw startError("firebase-tools is not installed", "");
  // Spawn the CLI's node process itself: killing an npx wrapper would orphan the server.
  const child = spawn(
    BINARY,
    ["emulators:start", "--only", "auth", "--project", PROJECT_ID, "--config", configFile()],
    { cwd: TOOL_DIR, env: { ...process.env, CI: "true" }, stdio: ["ignore", "pipe", "pipe"] },
  );
  let output = "";
  const collect = (chunk: Buffer) => {
    output = (output + chunk.toString("utf8")).slice(-8000);
  };
  child.stdout?.on("data", collect);
  child.stderr?.on("data", collect);
  let spawnError: Error | undefined;
  child.once("error", (error) => {
    spawnError = error;
  });

  const stop = async () => {
    if (child.exitCode !== null || child.signalCode !== null) return;
    child.kill("SIGTERM");
    if (!(await waitForExit(child, STOP_TIMEOUT_MS))) {
      child.kill("SIGKILL");
      await waitForExit(child, STOP_TIMEOUT_MS);
    }
  };

  const deadline = Date.now() + START_TIMEOUT_MS;
  while (Date.now() < deadline) {
    if (spawnError) throw startError(spawnError.message, output);
    if (child.exitCode !== null) throw startError(`exited with code ${child.exitCode}`, output);
    if (await answers(`${BASE_URL}/`)) {
      return { baseUrl: BASE_URL, projectId: PROJECT_ID, stop };
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  await stop();
  throw startError(`no answer on ${HOST} within ${START_TIMEOUT_MS / 1000} s`, output);
}

/** `host:port` for the adapter's `emulatorHost` option. */
export const FIREBASE_EMULATOR_HOST = HOST;

async function admin(path: string, method: string, body?: unknown): Promise<unknown> {
  const response = await fetch(`${BASE_URL}${path}`, {
    method,
    headers: { authorization: "Bearer owner", "content-type": "application/json" },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  const text = await response.text();
  if (!response.ok) throw new Error(`Emulator ${method} ${path} failed: ${response.status}`);
  return text === "" ? undefined : JSON.parse(text);
}

const emulatorProject = `/emulator/v1/projects/${PROJECT_ID}`;
const identityToolkit = `/identitytoolkit.googleapis.com/v1/projects/${PROJECT_ID}`;

/** Deletes every account in the emulator's project. */
export async function clearAccounts(): Promise<void> {
  await admin(`${emulatorProject}/accounts`, "DELETE");
}

/** Makes failed sign-ins answer INVALID_LOGIN_CREDENTIALS, as production projects do. */
export async function enableImprovedEmailPrivacy(): Promise<void> {
  await admin(`${emulatorProject}/config`, "PATCH", {
    emailPrivacyConfig: { enableImprovedEmailPrivacy: true },
  });
}

/** Disables a user; their refresh token is then rejected with USER_DISABLED. */
export async function disableUser(localId: string): Promise<void> {
  await admin(`${identityToolkit}/accounts:update`, "POST", { localId, disableUser: true });
}

/**
 * Revokes a user's tokens by moving `validSince` to now (the emulator ignores the value sent).
 * The emulator then rejects ID tokens issued in an earlier second (TOKEN_EXPIRED); it does not
 * check `validSince` when refreshing.
 */
export async function revokeTokens(localId: string): Promise<void> {
  await admin(`${identityToolkit}/accounts:update`, "POST", {
    localId,
    validSince: String(Math.floor(Date.now() / 1000)),
  });
}

/** Deletes one user; their refresh token is then rejected with INVALID_REFRESH_TOKEN. */
export async function deleteUser(localId: string): Promise<void> {
  await admin(`${identityToolkit}/accounts:delete`, "POST", { localId });
}
