// Single-flight refresh: N concurrent getAccessToken() calls on a session that is about to
// expire, against an adapter whose refresh takes ~5 ms. Prints, per N, the refresh requests
// the engine made (must be 1) and the wall time per call, next to a naive client in the same
// run that calls adapter.refresh once per caller (what an app without single-flight does).
// Runs the TypeScript sources through Vite's SSR loader: `npm run bench:refresh`.
import { performance } from "node:perf_hooks";
import { createServer } from "vite";

const SIZES = [1, 10, 1_000, 10_000];
const RUNS = 5;
const REFRESH_MS = 5;

function makeSession(n, lifetimeMs) {
  return {
    accessToken: `access-${n}`,
    refreshToken: `refresh-${n}`,
    expiresAt: Date.now() + lifetimeMs,
    tokenType: "bearer",
    user: { id: "user-1" },
    provider: "bench",
  };
}

function makeAdapter() {
  const adapter = {
    name: "bench",
    capabilities: { signUp: false, refresh: true, revoke: false },
    requests: 0,
    signUp: async () => ({ kind: "confirmation_required", user: null }),
    signIn: async () => makeSession(0, 3_600_000),
    signOut: async () => {},
    refresh: (token) => {
      adapter.requests += 1;
      return new Promise((resolve) =>
        setTimeout(
          () => resolve(makeSession(`${token}+${adapter.requests}`, 3_600_000)),
          REFRESH_MS,
        ),
      );
    },
  };
  return adapter;
}

/** The baseline: reads the token, and when it is due every caller refreshes on its own. */
function naiveClient(adapter, session) {
  let current = session;
  return {
    async getAccessToken() {
      if (Date.now() < current.expiresAt - 60_000) return current.accessToken;
      current = await adapter.refresh(current.refreshToken);
      return current.accessToken;
    },
  };
}

async function measure(makeClient, n) {
  const adapter = makeAdapter();
  const client = makeClient(adapter, makeSession("start", 10_000));
  const started = performance.now();
  const tokens = await Promise.all(Array.from({ length: n }, () => client.getAccessToken()));
  const elapsed = performance.now() - started;
  if (tokens.some((token) => typeof token !== "string")) throw new Error("a caller got no token");
  return { requests: adapter.requests, msPerCall: elapsed / n, totalMs: elapsed };
}

function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

async function row(makeClient, n) {
  const runs = [];
  for (let i = 0; i < RUNS; i += 1) runs.push(await measure(makeClient, n));
  return {
    requests: Math.max(...runs.map((run) => run.requests)),
    msPerCall: median(runs.map((run) => run.msPerCall)),
    totalMs: median(runs.map((run) => run.totalMs)),
  };
}

const vite = await createServer({
  configFile: false,
  logLevel: "error",
  appType: "custom",
  server: { middlewareMode: true, hmr: false, ws: false },
});
try {
  const { createAuthClient } = await vite.ssrLoadModule("/src/core/createAuthClient.ts");
  const kitClient = (adapter, initialSession) =>
    createAuthClient({ adapter, storage: "memory", initialSession, crossTab: false });

  console.log(`refresh takes ~${REFRESH_MS} ms; median of ${RUNS} runs; Node ${process.version}\n`);
  console.log(
    "      N | kit requests | kit ms/call | kit total ms | naive requests | naive ms/call | naive total ms | requests naive/kit | time kit/naive",
  );
  console.log(
    "--------|--------------|-------------|--------------|----------------|---------------|----------------|--------------------|---------------",
  );
  let failed = false;
  for (const n of SIZES) {
    const kit = await row(kitClient, n);
    const naive = await row(naiveClient, n);
    if (kit.requests !== 1) failed = true;
    console.log(
      [
        String(n).padStart(7),
        String(kit.requests).padStart(12),
        kit.msPerCall.toFixed(4).padStart(11),
        kit.totalMs.toFixed(1).padStart(12),
        String(naive.requests).padStart(14),
        naive.msPerCall.toFixed(4).padStart(13),
        naive.totalMs.toFixed(1).padStart(14),
        (naive.requests / kit.requests).toFixed(0).padStart(18),
        (kit.totalMs / naive.totalMs).toFixed(2).padStart(14),
      ].join(" | "),
    );
  }
  console.log(
    "\nThe naive client's refreshes here cost only a timer; against a real provider each is a",
  );
  console.log("network request, and with rotating refresh tokens all but one would be rejected.");
  if (failed) {
    console.error("\n✗ the kit made more than one refresh request for some N");
    process.exitCode = 1;
  }
} finally {
  await vite.close();
}
