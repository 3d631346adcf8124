// @vitest-environment node
import { AuthError } from "../../../src/core/AuthError.js";
import type { FetchLike } from "../../../src/core/ports.js";
import { createHttpClient, parseRetryAfter } from "../../../src/providers/http.js";
import { BODY_MARKER, expectNoLeak, FAULT_NOW, FAULTS, hangingFetch } from "../../fakes/faults.js";
import { rejectionOf } from "../../support/rejectionOf.js";

const clock = { now: () => FAULT_NOW };

describe("createHttpClient fault table", () => {
  for (const fault of FAULTS.filter((row) => !row.adapterOnly)) {
    it(`${fault.name} → ${fault.code}`, async () => {
      const client = createHttpClient({
        provider: "test",
        fetch: fault.fetch,
        clock,
        ...(fault.timeoutMs ? { timeoutMs: fault.timeoutMs } : {}),
      });
      const error = await rejectionOf(client.request({ url: "https://api.test/x", json: {} }));
      expect(error.code).toBe(fault.code);
      expect(error.provider).toBe("test");
      expect(error.status).toBe(fault.status);
      if (fault.retryAfterMs !== undefined) expect(error.retryAfterMs).toBe(fault.retryAfterMs);
      expectNoLeak(error);
    });
  }
});

describe("createHttpClient", () => {
  const reply =
    (body: BodyInit | null, init: ResponseInit): FetchLike =>
    async () =>
      new Response(body, init);

  it("sends JSON and form bodies with their content types and parses a JSON reply", async () => {
    const seen: RequestInit[] = [];
    const fetch: FetchLike = async (_url, init) => {
      if (init) seen.push(init);
      return new Response('{"ok":true}', { headers: { "content-type": "application/json" } });
    };
    const client = createHttpClient({ provider: "t", fetch });
    await expect(client.request({ url: "https://a.test", json: { a: 1 } })).resolves.toEqual({
      ok: true,
    });
    await client.request({ url: "https://a.test", form: { grant_type: "password", u: "a b" } });
    expect(seen[0]?.method).toBe("POST");
    expect(new Headers(seen[0]?.headers).get("content-type")).toBe("application/json");
    expect(seen[0]?.body).toBe('{"a":1}');
    expect(new Headers(seen[1]?.headers).get("content-type")).toBe(
      "application/x-www-form-urlencoded",
    );
    expect(seen[1]?.body).toBe("grant_type=password&u=a+b");
  });

  it("accepts +json media types", async () => {
    const fetch = reply('{"a":1}', { headers: { "content-type": "application/vnd.api+json" } });
    await expect(createHttpClient({ provider: "t", fetch }).request({ url: "u" })).resolves.toEqual(
      {
        a: 1,
      },
    );
  });

  it("returns undefined for an empty 204 only when allowed", async () => {
    const client = createHttpClient({ provider: "t", fetch: reply(null, { status: 204 }) });
    await expect(client.request({ url: "u", allowEmpty: true })).resolves.toBeUndefined();
    expect((await rejectionOf(client.request({ url: "u" }))).code).toBe("invalid_response");
  });

  it("hands a parsed JSON error body to mapError and uses its answer", async () => {
    const mapError = vi.fn(() => new AuthError("email_taken", { provider: "t", status: 422 }));
    const fetch = reply('{"code":"dup"}', {
      status: 422,
      headers: { "content-type": "application/json" },
    });
    const error = await rejectionOf(
      createHttpClient({ provider: "t", fetch, mapError }).request({ url: "u" }),
    );
    expect(error.code).toBe("email_taken");
    expect(mapError).toHaveBeenCalledWith(422, { code: "dup" }, expect.any(Response));
  });

  it("gives mapError no body for a non-JSON error and falls back when it returns undefined", async () => {
    const mapError = vi.fn(() => undefined);
    const fetch = reply(`oops ${BODY_MARKER}`, {
      status: 403,
      headers: { "content-type": "text/plain" },
    });
    const error = await rejectionOf(
      createHttpClient({ provider: "t", fetch, mapError }).request({ url: "u" }),
    );
    expect(mapError).toHaveBeenCalledWith(403, undefined, expect.any(Response));
    expect(error.code).toBe("provider_error");
    expect(error.status).toBe(403);
    expectNoLeak(error);
  });

  it("reports a caller's abort as a cancelled network error, not a timeout", async () => {
    const controller = new AbortController();
    const pending = createHttpClient({ provider: "t", fetch: hangingFetch }).request({
      url: "u",
      signal: controller.signal,
    });
    controller.abort();
    const error = await rejectionOf(pending);
    expect(error.code).toBe("network");
    expect(error.message).toMatch(/cancelled/);
  });

  it("times out with fake timers at the default 15 s", async () => {
    vi.useFakeTimers();
    try {
      const pending = rejectionOf(
        createHttpClient({ provider: "t", fetch: hangingFetch }).request({ url: "u" }),
      );
      await vi.advanceTimersByTimeAsync(14_999);
      let settled = false;
      void pending.then(() => {
        settled = true;
      });
      await Promise.resolve();
      expect(settled).toBe(false);
      await vi.advanceTimersByTimeAsync(1);
      expect((await pending).code).toBe("timeout");
    } finally {
      vi.useRealTimers();
    }
  });

  it("looks the default fetch up at call time", async () => {
    const spy = vi
      .spyOn(globalThis, "fetch")
      .mockResolvedValue(new Response("{}", { headers: { "content-type": "application/json" } }));
    await createHttpClient({ provider: "t" }).request({ url: "https://late.test", method: "GET" });
    expect(spy).toHaveBeenCalledWith(
      "https://late.test",
      expect.objectContaining({ method: "GET" }),
    );
  });
});

describe("parseRetryAfter", () => {
  it.each([
    ["7", 7000],
    ["0", 0],
    [new Date(FAULT_NOW + 5000).toUTCString(), 5000],
    [new Date(FAULT_NOW - 5000).toUTCString(), 0],
    ["soon", undefined],
    ["", undefined],
  ])("%s → %s", (value, expected) => {
    expect(parseRetryAfter(value, FAULT_NOW)).toBe(expected);
  });
});
