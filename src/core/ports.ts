/** A source of the current time, in epoch milliseconds. */
export interface Clock {
  now(): number;
}

/** Timer functions, behind a seam so tests can use fake timers or a fake clock. */
export interface Timers {
  setTimeout(callback: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

/** The real clock, resolved at call time so `vi.useFakeTimers()` applies. */
export const systemClock: Clock = { now: () => Date.now() };

/** The real timers, resolved at call time so `vi.useFakeTimers()` applies. */
export const systemTimers: Timers = {
  setTimeout: (callback, ms) => globalThis.setTimeout(callback, ms),
  clearTimeout: (handle) => globalThis.clearTimeout(handle as ReturnType<typeof setTimeout>),
};

/** A `fetch`-compatible function, injectable so tests and odd hosts can supply their own. */
export type FetchLike = (input: string, init?: RequestInit) => Promise<Response>;

/** The global `fetch`, looked up when called (never at import). */
export const defaultFetch: FetchLike = (input, init) => globalThis.fetch(input, init);
