import type { AuthErrorCode } from "../../src/core/AuthError.js";
import type { FetchLike } from "../../src/core/ports.js";

/** A fixed "now" for faults whose expectation depends on the clock (Retry-After dates). */
export const FAULT_NOW = Date.UTC(2030, 0, 1, 12, 0, 0);

/** Text planted in every fault body: no error message may ever contain it. */
export const BODY_MARKER = "SECRET-BODY-MARKER";

/** One row of the transport fault table every adapter must survive. */
export interface Fault {
  name: string;
  /** A fetch that produces the fault (a fresh Response per call). */
  fetch: FetchLike;
  /** Use a tiny timeout so the row finishes quickly. */
  timeoutMs?: number;
  code: AuthErrorCode;
  status?: number;
  retryAfterMs?: number;
  /** Only meaningful at adapter level (the HTTP layer returns any JSON it is given). */
  adapterOnly?: boolean;
}

const json = (body: unknown, status = 200, headers: Record<string, string> = {}) =>
  new Response(JSON.stringify(body), {
    status,
    headers: { "content-type": "application/json", ...headers },
  });

/** Rejects when the request's signal aborts, as a real fetch does. */
export const hangingFetch: FetchLike = (_url, init) =>
  new Promise((_resolve, reject) => {
    init?.signal?.addEventListener("abort", () =>
      reject(new DOMException("The operation was aborted.", "AbortError")),
    );
  });

/** The fault table: network, timeout, 5xx HTML/empty, bad JSON, no token, 429. */
export const FAULTS: readonly Fault[] = [
  {
    name: "network down",
    fetch: async () => {
      throw new TypeError(`Failed to fetch ${BODY_MARKER}`);
    },
    code: "network",
  },
  { name: "timeout", fetch: hangingFetch, timeoutMs: 20, code: "timeout" },
  {
    name: "500 with an HTML body",
    fetch: async () =>
      new Response(`<html><body>${BODY_MARKER}</body></html>`, {
        status: 500,
        headers: { "content-type": "text/html; charset=utf-8" },
      }),
    code: "provider_error",
    status: 500,
  },
  {
    name: "502 with an empty body",
    fetch: async () => new Response(null, { status: 502 }),
    code: "provider_error",
    status: 502,
  },
  {
    name: "200 with invalid JSON",
    fetch: async () =>
      new Response(`{"access_token": "${BODY_MARKER}`, {
        status: 200,
        headers: { "content-type": "application/json" },
      }),
    code: "invalid_response",
    status: 200,
  },
  {
    name: "200 with an HTML body",
    fetch: async () =>
      new Response(`<p>${BODY_MARKER}</p>`, {
        status: 200,
        headers: { "content-type": "text/html" },
      }),
    code: "invalid_response",
    status: 200,
  },
  {
    name: "200 JSON without a token",
    fetch: async () => json({ note: BODY_MARKER, user: { id: "u1" } }),
    code: "invalid_response",
    adapterOnly: true,
  },
  {
    name: "429 with Retry-After in seconds",
    fetch: async () => json({ message: BODY_MARKER }, 429, { "retry-after": "7" }),
    code: "rate_limited",
    status: 429,
    retryAfterMs: 7000,
  },
  {
    name: "429 with Retry-After as an HTTP date",
    fetch: async () =>
      json({ message: BODY_MARKER }, 429, {
        "retry-after": new Date(FAULT_NOW + 120_000).toUTCString(),
      }),
    code: "rate_limited",
    status: 429,
    retryAfterMs: 120_000,
  },
];

/** Asserts an error carries neither a marker nor any of the given secrets, in message or JSON. */
export function expectNoLeak(error: unknown, secrets: readonly string[] = []): void {
  const texts = [String((error as Error).message), JSON.stringify(error)];
  for (const text of texts) {
    for (const secret of [BODY_MARKER, ...secrets]) {
      if (text.includes(secret)) throw new Error(`error leaked "${secret}": ${text}`);
    }
  }
}
