import {
  MIN_REFRESH_INTERVAL_MS,
  nextCheck,
  refreshDueAt,
  type TimingInput,
  UNKNOWN_LIFETIME_REFRESH_MS,
} from "../../../src/core/timing.js";
import type { Session } from "../../../src/core/types.js";

const NOW = 1_000_000;
const MARGIN = 60_000;

function session(expiresAt: number | undefined, refreshToken: string | undefined = "rt"): Session {
  return {
    accessToken: "at",
    ...(refreshToken === undefined ? {} : { refreshToken }),
    ...(expiresAt === undefined ? {} : { expiresAt }),
    tokenType: "bearer",
    user: { id: "u" },
    provider: "fake",
  };
}

function input(over: Partial<TimingInput> = {}): TimingInput {
  const base = session(NOW + 3_600_000);
  return {
    session: base,
    refreshToken: base.refreshToken,
    receivedAt: undefined,
    adoptedAt: NOW,
    retryAt: undefined,
    inflight: false,
    ...over,
  };
}

describe("nextCheck: the timing rule", () => {
  it("waits until the margin before expiry, then refreshes", () => {
    expect(nextCheck(input(), NOW, MARGIN)).toEqual({ kind: "wait", at: NOW + 3_600_000 - MARGIN });
    expect(nextCheck(input(), NOW + 3_600_000 - MARGIN, MARGIN)).toEqual({ kind: "refresh" });
  });

  it("is idle while a refresh is in flight", () => {
    expect(nextCheck(input({ inflight: true }), NOW + 4_000_000, MARGIN)).toEqual({ kind: "idle" });
  });

  it("refreshes at once with a refresh token and no session (a restore)", () => {
    expect(nextCheck(input({ session: null }), NOW, MARGIN)).toEqual({ kind: "refresh" });
  });

  it("without a refresh token: waits for expiry, then expires; idle without an expiry", () => {
    const alone = session(NOW + 5_000, undefined);
    const base = input({ session: alone, refreshToken: undefined });
    expect(nextCheck(base, NOW, MARGIN)).toEqual({ kind: "wait", at: NOW + 5_000 });
    expect(nextCheck(base, NOW + 5_000, MARGIN)).toEqual({ kind: "expire" });
    const opaque = input({ session: session(undefined, undefined), refreshToken: undefined });
    expect(nextCheck(opaque, NOW + 1e12, MARGIN)).toEqual({ kind: "idle" });
  });

  it("backing off: waits for retryAt, and also looks at the expiry in between", () => {
    const s = session(NOW + 2_000);
    const backing = input({ session: s, retryAt: NOW + 10_000 });
    expect(nextCheck(backing, NOW, MARGIN)).toEqual({ kind: "wait", at: NOW + 2_000 });
    expect(nextCheck(backing, NOW + 2_000, MARGIN)).toEqual({ kind: "wait", at: NOW + 10_000 });
    expect(nextCheck(backing, NOW + 10_000, MARGIN)).toEqual({ kind: "refresh" });
  });

  it("looks again at expiry when the refresh floor holds the next refresh back", () => {
    // expires_in: 1 — the token lives 1 s, the floor puts the next refresh 10 s after it came.
    const s = session(NOW + 1_000);
    const fresh = input({ session: s, receivedAt: NOW });
    expect(nextCheck(fresh, NOW, MARGIN)).toEqual({ kind: "wait", at: NOW + 1_000 });
    expect(nextCheck(fresh, NOW + 1_000, MARGIN)).toEqual({
      kind: "wait",
      at: NOW + MIN_REFRESH_INTERVAL_MS,
    });
  });
});

describe("refreshDueAt: the bounds", () => {
  it("a stored session gets the whole margin", () => {
    expect(refreshDueAt(input(), session(NOW + 30_000), MARGIN)).toBe(NOW + 30_000 - MARGIN);
  });

  it("a fresh token shorter-lived than the margin is renewed half way", () => {
    const due = refreshDueAt(input({ receivedAt: NOW }), session(NOW + 40_000), MARGIN);
    expect(due).toBe(NOW + 20_000);
  });

  it("never sooner than the floor after the last one arrived, whatever the lifetime", () => {
    for (const lifetime of [0, 1, 1_000, 3_600, 19_999]) {
      const due = refreshDueAt(input({ receivedAt: NOW }), session(NOW + lifetime), MARGIN);
      expect(due).toBe(NOW + MIN_REFRESH_INTERVAL_MS);
    }
  });

  it("a token of unknown lifetime is renewed on a bounded schedule", () => {
    expect(refreshDueAt(input({ adoptedAt: NOW }), session(undefined), MARGIN)).toBe(
      NOW + UNKNOWN_LIFETIME_REFRESH_MS,
    );
  });
});
