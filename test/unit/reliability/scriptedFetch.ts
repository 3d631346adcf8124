// A fetch for the race tests: Supabase-shaped replies whose timing each test controls.
import { vi } from "vitest";
import type { FetchLike } from "../../../src/core/ports.js";
import { makeJwt } from "./guards.js";

let issued = 0;

/** A GoTrue session reply for `email`, with fresh tokens that live `lifetimeS` seconds. */
export function goTrueSession(email: string, lifetimeS = 3600) {
  issued += 1;
  const exp = Math.floor(Date.now() / 1000) + lifetimeS;
  return {
    access_token: makeJwt({ sub: `id-${email}`, email, exp, n: issued }),
    refresh_token: `rt-${issued}`,
    expires_in: lifetimeS,
    token_type: "bearer",
    user: { id: `id-${email}`, email },
  };
}

/** A reply held until the test releases it. */
export interface Held {
  url: string;
  body: unknown;
  release(body?: unknown, status?: number): void;
}

/**
 * A fetch that answers sign-in with a session for the email sent, refresh with a rotated
 * session for `refreshEmail`, and logout with 204; with `hold`, matching calls wait in `held`.
 */
export function scriptedFetch(options: { hold?: RegExp; refreshEmail?: string } = {}) {
  const held: Held[] = [];
  const calls: string[] = [];
  const answer = (url: string, body: unknown): unknown => {
    if (url.includes("grant_type=password"))
      return goTrueSession((body as { email: string }).email);
    if (url.includes("grant_type=refresh_token"))
      return goTrueSession(options.refreshEmail ?? "ada@example.com");
    return undefined;
  };
  const respond = (payload: unknown, status = 200) =>
    payload === undefined
      ? new Response(null, { status: 204 })
      : new Response(JSON.stringify(payload), {
          status,
          headers: { "content-type": "application/json" },
        });
  const fetch = vi.fn<FetchLike>((url, init) => {
    calls.push(url);
    const body = typeof init?.body === "string" ? (JSON.parse(init.body) as unknown) : undefined;
    if (!options.hold?.test(url)) return Promise.resolve(respond(answer(url, body)));
    return new Promise<Response>((resolve) => {
      held.push({
        url,
        body,
        release: (payload = answer(url, body), status = 200) => resolve(respond(payload, status)),
      });
    });
  });
  return { fetch, held, calls };
}
