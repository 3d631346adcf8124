// Sessions lost to transient provider failures. N simulated page loads, each restoring a
// session from a stored refresh token (what an Appsmith page does with
// `{{ appsmith.store.refreshToken }}`) and living an hour on 5-minute access tokens, against
// a provider that answers a given share of refresh requests with a transient failure (network
// error, no answer until the adapter's 15 s timeout, 503, an HTML 502 from a proxy, 429, a
// captive portal's 200 HTML page), chosen by a seeded random source. Prints, per scenario, the sessions the kit lost (must be 0) next to
// a naive client in the same run that ends the session on the first failed refresh.
// The kit is the real `createAuthClient` and the real Firebase adapter from src/ (Vite's SSR
// loader), on a virtual clock: no real waiting. `npm run bench:outage [-- --loads 1000]`.
import { createServer } from "vite";

const args = process.argv.slice(2);
const option = (name, fallback) => {
  const at = args.indexOf(`--${name}`);
  return at === -1 ? fallback : Number(args[at + 1]);
};
const LOADS = option("loads", 1000);
const SEED = option("seed", 12);
const PAGE_LIFE_MS = 60 * 60_000;
const TOKEN_LIFETIME_S = 300;
const MARGIN_MS = 60_000;
const LATENCY_MS = 80;
// After the page's hour the provider is healthy again; the kit has this long to recover.
const TAIL_MS = 2 * 60_000;

const SCENARIOS = [
  // The control row: with a healthy provider neither client may lose a session.
  { name: "no failures", fails: () => false },
  { name: "5% of refreshes fail", fails: (rand) => rand() < 0.05 },
  { name: "20% of refreshes fail", fails: (rand) => rand() < 0.2 },
  { name: "50% of refreshes fail", fails: (rand) => rand() < 0.5 },
  { name: "down for 90 s at page load", fails: (_rand, sinceLoad) => sinceLoad < 90_000 },
];

/** Mulberry32: a small seeded PRNG, so both clients of a page load see the same provider. */
function seeded(seed) {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * Runs `load` with the global setTimeout/clearTimeout on the simulation's timers (the adapters'
 * request timeout uses the global ones), restoring them afterwards.
 */
async function onVirtualTime(sim, load) {
  const real = { setTimeout: globalThis.setTimeout, clearTimeout: globalThis.clearTimeout };
  globalThis.setTimeout = (callback, ms) => sim.timers.setTimeout(callback, ms);
  globalThis.clearTimeout = (timer) => sim.timers.clearTimeout(timer);
  try {
    return await load();
  } finally {
    Object.assign(globalThis, real);
  }
}

/** A virtual clock with timers: time moves only when `runUntil` jumps to the next timer. */
function createSimulation(start) {
  let now = start;
  let order = 0;
  const due = [];
  const clock = { now: () => now };
  const timers = {
    setTimeout(callback, ms) {
      const timer = { at: now + Math.max(0, Number(ms) || 0), order: order++, callback };
      due.push(timer);
      return timer;
    },
    clearTimeout(timer) {
      const index = due.indexOf(timer);
      if (index !== -1) due.splice(index, 1);
    },
  };
  // Promise chains (fetch, Response parsing, the engine) settle between two timers.
  const settle = async () => {
    for (let i = 0; i < 6; i += 1) await new Promise((resolve) => setImmediate(resolve));
  };
  async function runUntil(end) {
    await settle();
    for (;;) {
      due.sort((a, b) => a.at - b.at || a.order - b.order);
      const next = due[0];
      if (next === undefined || next.at > end) break;
      due.shift();
      now = Math.max(now, next.at);
      next.callback();
      await settle();
    }
    now = Math.max(now, end);
  }
  return { clock, timers, runUntil, sleep: (ms) => new Promise((r) => timers.setTimeout(r, ms)) };
}

const base64url = (value) => Buffer.from(JSON.stringify(value)).toString("base64url");

/**
 * Firebase's securetoken endpoint on the virtual clock: a fresh ID token per success, or one
 * of the transient failures when the scenario says so. Counts what it answered.
 */
function createProvider(sim, scenario, rand, loadedAt) {
  const stats = { requests: 0, failed: 0, healthy: false };
  const kinds = [
    () => Promise.reject(new TypeError("fetch failed")),
    // No answer: the adapter's own timeout (global timers, on the virtual clock here) aborts it.
    (init) =>
      new Promise((_resolve, reject) =>
        init.signal.addEventListener("abort", () => reject(init.signal.reason), { once: true }),
      ),
    () => reply(503, "application/json", { error: { code: 503, message: "UNAVAILABLE" } }),
    () => reply(502, "text/html", "<html><body>502 Bad Gateway</body></html>"),
    () => reply(429, "application/json", { error: { code: 429, message: "RESOURCE_EXHAUSTED" } }),
    () => reply(200, "text/html", "<html><body>Sign in to the Wi-Fi</body></html>"),
  ];
  function reply(status, type, body) {
    const text = typeof body === "string" ? body : JSON.stringify(body);
    return Promise.resolve(new Response(text, { status, headers: { "content-type": type } }));
  }
  function tokens(refreshToken) {
    const iat = Math.floor(sim.clock.now() / 1000);
    const claims = { sub: "user-1", user_id: "user-1", email: "u@example.com", iat };
    const idToken = `${base64url({ alg: "none" })}.${base64url({ ...claims, exp: iat + TOKEN_LIFETIME_S })}.sig`;
    return reply(200, "application/json", {
      access_token: idToken,
      id_token: idToken,
      expires_in: String(TOKEN_LIFETIME_S),
      token_type: "Bearer",
      refresh_token: refreshToken,
      user_id: "user-1",
    });
  }
  async function fetch(_url, init) {
    stats.requests += 1;
    const refreshToken = new URLSearchParams(String(init?.body ?? "")).get("refresh_token");
    await sim.sleep(LATENCY_MS);
    const sinceLoad = sim.clock.now() - loadedAt;
    if (!stats.healthy && scenario.fails(rand, sinceLoad)) {
      stats.failed += 1;
      return kinds[Math.floor(rand() * kinds.length)](init);
    }
    return tokens(refreshToken);
  }
  return { fetch, stats };
}

// The error codes the kit reported, over the whole run (each outage once, or each failure).
const errorCodes = {};

/** One page load's world: its virtual clock, the provider it meets, the real Firebase adapter. */
function pageLoad(kit, scenario, seed) {
  const sim = createSimulation(Date.UTC(2026, 0, 1));
  const loadedAt = sim.clock.now();
  const rand = seeded(seed);
  const provider = createProvider(sim, scenario, rand, loadedAt);
  const adapter = kit.createAdapter(
    { type: "firebase", apiKey: "bench-key" },
    { fetch: provider.fetch, clock: sim.clock },
  );
  return { sim, loadedAt, provider, adapter };
}

/** The kit: the widget's way of restoring, `initialRefreshToken` on a memory store. */
async function kitLoad(kit, scenario, seed) {
  const { sim, loadedAt, provider, adapter } = pageLoad(kit, scenario, seed);
  const client = kit.createAuthClient({
    adapter,
    storage: "memory",
    crossTab: false,
    initialRefreshToken: "stored-refresh-token",
    refreshMarginMs: MARGIN_MS,
    clock: sim.clock,
    timers: sim.timers,
    random: seeded(seed ^ 0x5bd1e995),
  });
  let ended = 0;
  client.onEvent((event) => {
    if (event.type === "signed_out") ended += 1;
    if (event.type === "error")
      errorCodes[event.error.code] = (errorCodes[event.error.code] ?? 0) + 1;
  });
  const { state, now } = await onVirtualTime(sim, async () => {
    const stop = client.start();
    await sim.runUntil(loadedAt + PAGE_LIFE_MS);
    provider.stats.healthy = true;
    await sim.runUntil(loadedAt + PAGE_LIFE_MS + TAIL_MS);
    stop();
    return { state: client.getState(), now: sim.clock.now() };
  });
  return {
    lost: ended > 0,
    // Signed in, or signed in while a routine refresh is in flight, on a live access token.
    recovered:
      (state.status === "signed_in" || state.status === "refreshing") &&
      state.session?.refreshToken !== undefined &&
      state.session.expiresAt > now,
    requests: provider.stats.requests,
    failed: provider.stats.failed,
  };
}

/** The naive client: restores, refreshes a minute before expiry, ends on the first failure. */
async function naiveLoad(kit, scenario, seed) {
  const { sim, loadedAt, provider, adapter } = pageLoad(kit, scenario, seed);
  let lost = false;
  let session;
  const renew = async (token) => {
    try {
      session = await adapter.refresh(token);
      sim.timers.setTimeout(
        () => renew(session.refreshToken),
        session.expiresAt - MARGIN_MS - sim.clock.now(),
      );
    } catch {
      lost = true;
      session = undefined;
    }
  };
  await onVirtualTime(sim, async () => {
    renew("stored-refresh-token");
    await sim.runUntil(loadedAt + PAGE_LIFE_MS + TAIL_MS);
  });
  return { lost, requests: provider.stats.requests, failed: provider.stats.failed };
}

async function scenarioRow(kit, scenario) {
  const totals = { kitLost: 0, kitUnrecovered: 0, kitRequests: 0, kitFailed: 0 };
  Object.assign(totals, { naiveLost: 0, naiveRequests: 0, naiveFailed: 0 });
  for (let load = 0; load < LOADS; load += 1) {
    const seed = SEED * 1_000_003 + load;
    const ours = await kitLoad(kit, scenario, seed);
    const naive = await naiveLoad(kit, scenario, seed);
    totals.kitLost += ours.lost ? 1 : 0;
    totals.kitUnrecovered += ours.recovered ? 0 : 1;
    totals.kitRequests += ours.requests;
    totals.kitFailed += ours.failed;
    totals.naiveLost += naive.lost ? 1 : 0;
    totals.naiveRequests += naive.requests;
    totals.naiveFailed += naive.failed;
  }
  return totals;
}

const vite = await createServer({
  configFile: false,
  logLevel: "error",
  appType: "custom",
  server: { middlewareMode: true, hmr: false, ws: false },
});
// The loaded modules stay usable once the loader is closed (and its timers with it).
const kit = await vite.ssrLoadModule("/src/index.ts");
await vite.close();
{
  console.log(
    `${LOADS} page loads per scenario, seed ${SEED}; each restores from a stored refresh token and lives`,
  );
  console.log(
    `${PAGE_LIFE_MS / 60_000} min on ${TOKEN_LIFETIME_S / 60}-min access tokens (refresh ${MARGIN_MS / 1000} s before expiry), then ${TAIL_MS / 60_000} min with a healthy provider.`,
  );
  console.log(
    "Faults: network error, timeout, 503, HTML 502, 429, 200 with an HTML page (all transient). Node " +
      `${process.version}\n`,
  );
  const header = [
    "scenario                    ",
    "kit lost     ",
    "kit not recovered",
    "kit requests (failed)",
    "naive lost   ",
    "naive requests (failed)",
  ];
  console.log(header.join(" | "));
  console.log(header.map((cell) => "-".repeat(cell.length)).join("-|-"));
  let failed = false;
  for (const scenario of SCENARIOS) {
    const row = await scenarioRow(kit, scenario);
    if (row.kitLost > 0 || row.kitUnrecovered > 0) failed = true;
    const pct = (n) => `${n} (${((100 * n) / LOADS).toFixed(1)}%)`;
    console.log(
      [
        scenario.name.padEnd(header[0].length),
        pct(row.kitLost).padStart(header[1].length),
        pct(row.kitUnrecovered).padStart(header[2].length),
        `${row.kitRequests} (${row.kitFailed})`.padStart(header[3].length),
        pct(row.naiveLost).padStart(header[4].length),
        `${row.naiveRequests} (${row.naiveFailed})`.padStart(header[5].length),
      ].join(" | "),
    );
  }
  console.log(
    "\nlost: the session ended (a signed_out event; the widget would send onLogout and the README's",
  );
  console.log(
    'action would remove the stored refresh token). not recovered: not "signed_in" (or "refreshing")',
  );
  console.log("on a live access token and its refresh token after the healthy tail.");
  const codes = Object.entries(errorCodes).map(([code, n]) => `${code} ${n}`);
  console.log(`\nerror events the kit emitted, by code: ${codes.join(", ")}`);
  if (failed) {
    console.error("\n✗ the kit lost or failed to recover a session in some scenario");
    process.exitCode = 1;
  }
}
