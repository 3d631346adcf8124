import { AuthError, isAuthError } from "../core/AuthError.js";
import {
  type Clock,
  defaultFetch,
  type FetchLike,
  systemClock,
  systemTimers,
} from "../core/ports.js";

/** Options for {@link createHttpClient}. */
export interface HttpClientOptions {
  /** Goes into `AuthError.provider`. */
  provider: string;
  /** Default: the global `fetch`, looked up at call time. */
  fetch?: FetchLike | undefined;
  /** Default 15 000 ms; the caller's own signal is honoured too. */
  timeoutMs?: number | undefined;
  /** Used to turn an HTTP-date `Retry-After` into a delay; default the system clock. */
  clock?: Clock | undefined;
  /** Map a non-2xx reply to an AuthError; return undefined to fall back to the generic mapping. */
  mapError?: (status: number, body: unknown, response: Response) => AuthError | undefined;
}

/** One HTTP call an adapter makes. */
export interface HttpRequest {
  url: string;
  /** Default `POST`. */
  method?: string;
  headers?: Record<string, string>;
  /** JSON body (sets content-type). */
  json?: unknown;
  /** x-www-form-urlencoded body. */
  form?: Record<string, string>;
  signal?: AbortSignal;
  /** Allow an empty/204 success body (returns undefined). */
  allowEmpty?: boolean;
}

/** Sends a request and returns the parsed JSON body, rejecting only with an `AuthError`. */
export interface HttpClient {
  request(req: HttpRequest): Promise<unknown>;
}

const DEFAULT_TIMEOUT_MS = 15_000;
/** The largest reply the kit reads; an auth reply is a few kilobytes. */
export const MAX_REPLY_BYTES = 1_000_000;

// The body as text, or undefined past MAX_REPLY_BYTES: a huge reply is never read in full.
async function readText(response: Response): Promise<string | undefined> {
  const reader = response.body?.getReader();
  if (!reader) return response.text();
  const decoder = new TextDecoder();
  let text = "";
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) return text + decoder.decode();
    size += value.byteLength;
    if (size > MAX_REPLY_BYTES) {
      reader.cancel().catch(() => {});
      return undefined;
    }
    text += decoder.decode(value, { stream: true });
  }
}

/** True when a `Content-Type` header names JSON (including `+json` media types). */
export function isJsonContentType(contentType: string | null): boolean {
  return contentType !== null && /^application\/([\w.-]+\+)?json\b/i.test(contentType.trim());
}

/** Parses `Retry-After` (delta seconds or an HTTP date) into milliseconds from `now`. */
export function parseRetryAfter(value: string | null, now: number): number | undefined {
  if (value === null || value.trim() === "") return undefined;
  const trimmed = value.trim();
  if (/^\d+$/.test(trimmed)) return Number(trimmed) * 1000;
  const date = Date.parse(trimmed);
  if (Number.isNaN(date)) return undefined;
  return Math.max(0, date - now);
}

function buildInit(req: HttpRequest, signal: AbortSignal): RequestInit {
  const headers: Record<string, string> = { accept: "application/json", ...req.headers };
  let body: string | undefined;
  if (req.json !== undefined) {
    headers["content-type"] = "application/json";
    body = JSON.stringify(req.json);
  } else if (req.form !== undefined) {
    headers["content-type"] = "application/x-www-form-urlencoded";
    body = new URLSearchParams(req.form).toString();
  }
  const init: RequestInit = { method: req.method ?? "POST", headers, signal };
  if (body !== undefined) init.body = body;
  return init;
}

/** Creates the one HTTP → AuthError boundary every adapter goes through. */
export function createHttpClient(options: HttpClientOptions): HttpClient {
  const provider = options.provider;
  const clock = options.clock ?? systemClock;

  const fail = (cause: unknown, timedOut: boolean, callerAborted: boolean): AuthError => {
    if (timedOut) return new AuthError("timeout", { provider, cause });
    const message = callerAborted ? "The request was cancelled." : undefined;
    return new AuthError("network", { provider, cause, ...(message ? { message } : {}) });
  };

  const generic = (response: Response): AuthError => {
    const status = response.status;
    if (status === 429) {
      const retryAfterMs = parseRetryAfter(response.headers.get("retry-after"), clock.now());
      return new AuthError("rate_limited", {
        provider,
        status,
        ...(retryAfterMs === undefined ? {} : { retryAfterMs }),
      });
    }
    return new AuthError("provider_error", {
      provider,
      status,
      message: `The sign-in service answered with HTTP ${status}.`,
    });
  };

  const readBody = async (response: Response, req: HttpRequest): Promise<unknown> => {
    const status = response.status;
    const text = await readText(response);
    const json = text !== undefined && isJsonContentType(response.headers.get("content-type"));
    if (response.ok) {
      if (text?.trim() === "" && req.allowEmpty) return undefined;
      if (!json || text.trim() === "") {
        throw new AuthError("invalid_response", { provider, status });
      }
      try {
        return JSON.parse(text) as unknown;
      } catch (cause) {
        throw new AuthError("invalid_response", { provider, status, cause });
      }
    }
    let body: unknown;
    if (json) {
      try {
        body = JSON.parse(text) as unknown;
      } catch {
        body = undefined;
      }
    }
    // A 429 (with its Retry-After) and a 5xx mean the same from every provider, whatever
    // code the body names: wait, or try again later. Only other replies go to the table.
    const mapped =
      status === 429 || status >= 500 ? undefined : options.mapError?.(status, body, response);
    throw mapped ?? generic(response);
  };

  return {
    async request(req) {
      const fetchFn = options.fetch ?? defaultFetch;
      const controller = new AbortController();
      let timedOut = false;
      const timer = systemTimers.setTimeout(() => {
        timedOut = true;
        controller.abort();
      }, options.timeoutMs ?? DEFAULT_TIMEOUT_MS);
      const onCallerAbort = () => controller.abort(req.signal?.reason);
      if (req.signal?.aborted) controller.abort(req.signal.reason);
      else req.signal?.addEventListener("abort", onCallerAbort, { once: true });
      try {
        let response: Response;
        try {
          response = await fetchFn(req.url, buildInit(req, controller.signal));
        } catch (cause) {
          throw fail(cause, timedOut, req.signal?.aborted === true);
        }
        try {
          return await readBody(response, req);
        } catch (cause) {
          if (isAuthError(cause)) throw cause;
          throw fail(cause, timedOut, req.signal?.aborted === true);
        }
      } finally {
        systemTimers.clearTimeout(timer);
        req.signal?.removeEventListener("abort", onCallerAbort);
      }
    },
  };
}

/** The transport options every adapter takes: its ports and its timeout. */
export interface TransportOptions {
  fetch?: FetchLike | undefined;
  timeoutMs?: number | undefined;
  clock?: Clock | undefined;
}
