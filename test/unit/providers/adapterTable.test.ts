// @vitest-environment node
// One table over every adapter and both entry points (the factory, and createAdapter with the
// same options as JSON): bad configs get the same invalid_config message, and hostile replies
// (codes named after Object.prototype members, tokens that cannot go in a header, huge
// bodies) get their typed codes.
import { AUTH_ERROR_CODES, isAuthError, isTransientError } from "../../../src/core/AuthError.js";
import type { AuthAdapter } from "../../../src/core/adapter.js";
import type { FetchLike } from "../../../src/core/ports.js";
import { type AdapterConfig, createAdapter } from "../../../src/providers/createAdapter.js";
import { demo } from "../../../src/providers/demo.js";
import { firebase } from "../../../src/providers/firebase.js";
import { MAX_REPLY_BYTES } from "../../../src/providers/http.js";
import { oauth2 } from "../../../src/providers/oauth2.js";
import { rest } from "../../../src/providers/rest.js";
import { supabase } from "../../../src/providers/supabase.js";
import { xano } from "../../../src/providers/xano.js";
import { rejectionOf } from "../../support/rejectionOf.js";

type Options = Record<string, unknown>;
// biome-ignore lint/suspicious/noExplicitAny: each factory takes its own options type
type Factory = (options: any) => AuthAdapter;

const FACTORIES: Record<AdapterConfig["type"], Factory> = {
  supabase,
  firebase,
  xano,
  oauth2,
  rest,
  demo,
};

function configMessage(build: () => unknown): string {
  try {
    build();
  } catch (error) {
    if (isAuthError(error) && error.code === "invalid_config") return error.message;
    throw error;
  }
  throw new Error("expected invalid_config");
}

const SECRET = "s3cr3t-VALUE";

// [type, options, what the message says]
const BAD_CONFIGS: [AdapterConfig["type"], Options, RegExp][] = [
  ["supabase", { url: "abc", anonKey: "k" }, /"url" must be a valid url/],
  ["supabase", { url: "javascript:alert(1)", anonKey: "k" }, /"url" must be an https url/],
  ["supabase", { url: "data:text/html,x", anonKey: "k" }, /"url" must be an https url/],
  ["supabase", { url: "file:///etc/passwd", anonKey: "k" }, /"url" must be an https url/],
  ["supabase", { url: "http://p.supabase.co", anonKey: "k" }, /"url" must be an https url/],
  [
    "supabase",
    { url: `https://user:${SECRET}@p.supabase.co`, anonKey: "k" },
    /"url" must not contain a user name or password/,
  ],
  ["supabase", { url: "https://p.supabase.co", anonKey: " " }, /"anonKey" must not be empty/],
  ["supabase", { url: "https://p.supabase.co", anon_key: "k" }, /"anonKey" expected string/],
  [
    "supabase",
    { url: "https://p.supabase.co", anonKey: "k", signOutScope: "all" },
    /"signOutScope" expected one of/,
  ],
  [
    "supabase",
    { url: "https://p.supabase.co", anonKey: "k", timeoutMs: -1 },
    /"timeoutMs" must be at least 0/,
  ],
  ["firebase", { apiKey: "" }, /"apiKey" must not be empty/],
  ["firebase", { apiKey: "k", emulatorHost: "127.0.0.1" }, /"emulatorHost" must look like/],
  [
    "firebase",
    { apiKey: "k", emulatorHost: "http://evil.test:9099" },
    /"emulatorHost" must look like/,
  ],
  ["xano", { baseUrl: "https://x.xano.io/api:a", tokenTtlSeconds: -5 }, /"tokenTtlSeconds"/],
  ["xano", { baseUrl: "https://x.xano.io/api:a", path: { signIn: "/l" } }, /unknown option/],
  ["xano", { baseUrl: "http://x.xano.io/api:a" }, /"baseUrl" must be an https url/],
  ["oauth2", { tokenUrl: "https://idp.test/token" }, /"clientId" expected string/],
  ["oauth2", { tokenUrl: "ftp://idp.test/token", clientId: "c" }, /"tokenUrl" must be an https/],
  [
    "oauth2",
    { tokenUrl: "https://idp.test/token", clientId: "c", revokeUrl: "javascript:void 0" },
    /"revokeUrl" must be an https url/,
  ],
  [
    "rest",
    { baseUrl: "http://api.test", endpoints: { signIn: { path: "/login" } } },
    /"baseUrl" must be an https url/,
  ],
  [
    "rest",
    { endpoints: { signIn: { url: "data:application/json,{}" } } },
    /"endpoints.signIn.url" must be an https url/,
  ],
  ["demo", { users: [{ email: "a@b.co" }] }, /"users.0.password" expected string/],
  ["demo", { latencyMs: -1 }, /"latencyMs" must be at least 0/],
];

describe("every adapter × both entry points: bad configs", () => {
  it.each(BAD_CONFIGS)("%s %j → invalid_config %s", (type, options, text) => {
    const fromFactory = configMessage(() => FACTORIES[type](options));
    const fromJson = configMessage(() => createAdapter({ type, ...options } as AdapterConfig));
    expect(fromFactory).toMatch(text);
    expect(fromFactory).toMatch(new RegExp(`^Invalid ${type} configuration: `));
    expect(fromJson).toBe(fromFactory);
    expect(fromFactory).not.toContain(SECRET);
  });

  it.each([
    ["supabase", { url: "http://127.0.0.1:54321", anonKey: "k" }],
    ["supabase", { url: "http://localhost:54321", anonKey: "k" }],
    ["firebase", { apiKey: "k", emulatorHost: "127.0.0.1:9099" }],
    ["firebase", { apiKey: "k", emulatorHost: "http://127.0.0.1:9099" }],
    ["oauth2", { tokenUrl: "http://[::1]:3000/token", clientId: "c" }],
  ] as const)("%s accepts http on a loopback host: %j", (type, options) => {
    expect(FACTORIES[type](options).name).toBe(type);
    expect(createAdapter({ type, ...options } as AdapterConfig).name).toBe(type);
  });
});

const json = (body: unknown, status = 200, headers: Record<string, string> = {}) =>
  new Response(JSON.stringify(body), {
    status,
    headers: { "content-type": "application/json", ...headers },
  });

interface HttpAdapterCase {
  options: Options;
  /** A sign-in reply carrying this access token. */
  tokenReply: (token: string) => unknown;
  /** An error reply carrying this provider code. */
  errorReply: (code: string, status: number) => Response;
  refreshes: boolean;
}

const HTTP_ADAPTERS: Record<string, HttpAdapterCase> = {
  supabase: {
    options: { url: "https://p.supabase.co", anonKey: "anon" },
    tokenReply: (token) => ({
      access_token: token,
      refresh_token: "r1",
      expires_in: 3600,
      user: { id: "u1" },
    }),
    errorReply: (code, status) => json({ code, message: "no" }, status),
    refreshes: true,
  },
  "supabase (x-sb-error-code)": {
    options: { url: "https://p.supabase.co", anonKey: "anon" },
    tokenReply: (token) => ({ access_token: token, refresh_token: "r1", user: { id: "u1" } }),
    errorReply: (code, status) => json({ msg: "no" }, status, { "x-sb-error-code": code }),
    refreshes: true,
  },
  firebase: {
    options: { apiKey: "web-key" },
    tokenReply: (token) => ({
      idToken: token,
      refreshToken: "r1",
      expiresIn: "3600",
      localId: "u",
    }),
    errorReply: (code, status) => json({ error: { code: status, message: code } }, status),
    refreshes: true,
  },
  oauth2: {
    options: { tokenUrl: "https://idp.test/token", clientId: "spa" },
    tokenReply: (token) => ({ access_token: token, token_type: "Bearer", expires_in: 60 }),
    errorReply: (code, status) => json({ error: code }, status),
    refreshes: true,
  },
  rest: {
    options: {
      baseUrl: "https://api.test",
      endpoints: { signIn: { path: "/login" }, refresh: { path: "/refresh" } },
      errors: { codeMap: { bad_login: "invalid_credentials" } },
      user: { idField: "uid" },
      response: { user: "user" },
    },
    tokenReply: (token) => ({ access_token: token, user: { uid: "u1" } }),
    errorReply: (code, status) => json({ code }, status),
    refreshes: true,
  },
  xano: {
    options: { baseUrl: "https://x.xano.io/api:abc" },
    tokenReply: (token) => ({ authToken: token }),
    errorReply: (code, status) => json({ code, message: "no" }, status),
    refreshes: false,
  },
};

const PROTO_CODES = ["constructor", "toString", "__proto__", "hasOwnProperty", "valueOf"];
const BAD_TOKENS = ["tok\r\nX-Injected: 1", "tok\nen", "<img src=x onerror=alert(1)>", "a b"];

/** Both entry points, built with this fetch. */
function bothAdapters(type: string, fetch: FetchLike): AuthAdapter[] {
  const { options } = HTTP_ADAPTERS[type] as HttpAdapterCase;
  const base = type.split(" ")[0] as AdapterConfig["type"];
  return [
    FACTORIES[base]({ ...options, fetch }),
    createAdapter({ type: base, ...options } as AdapterConfig, { fetch }),
  ];
}

// A body of `total` bytes made on demand; `pulled()` says how much was read.
function hugeBody(total: number) {
  let sent = 0;
  const chunk = new TextEncoder().encode(`"${"x".repeat(65_534)}`);
  const stream = new ReadableStream<Uint8Array>({
    pull(controller) {
      if (sent >= total) return controller.close();
      sent += chunk.byteLength;
      controller.enqueue(chunk);
    },
  });
  return { stream, pulled: () => sent };
}

describe.each(Object.keys(HTTP_ADAPTERS))("%s × hostile replies", (type) => {
  const spec = HTTP_ADAPTERS[type] as HttpAdapterCase;
  const signIn = (adapter: AuthAdapter) =>
    rejectionOf(adapter.signIn({ email: "a@example.com", password: "pw" }));

  it.each(PROTO_CODES)("error code %j stays inside the closed list", async (code) => {
    for (const status of [400, 401, 503]) {
      for (const adapter of bothAdapters(type, async () => spec.errorReply(code, status))) {
        const error = await signIn(adapter);
        expect(AUTH_ERROR_CODES).toContain(error.code);
        expect(typeof error.code).toBe("string");
        expect(error.message).not.toBe("");
        if (status === 503) expect(isTransientError(error)).toBe(true);
        if (spec.refreshes) {
          const refreshError = await rejectionOf(adapter.refresh("r0"));
          expect(AUTH_ERROR_CODES).toContain(refreshError.code);
          // A 503 is trouble on the server's side: it must not end the session as revoked.
          if (status === 503) expect(isTransientError(refreshError)).toBe(true);
        }
      }
    }
  });

  it.each(BAD_TOKENS)(
    "a token that cannot go in a header (%j) is invalid_response",
    async (token) => {
      const fetch: FetchLike = async (url) =>
        String(url).endsWith("/auth/me") ? json({ id: "u1" }) : json(spec.tokenReply(token));
      for (const adapter of bothAdapters(type, fetch)) {
        const error = await signIn(adapter);
        expect(error.code).toBe("invalid_response");
        expect(error.message).not.toContain("onerror");
      }
    },
  );

  it("a good token still signs in (the table's replies are otherwise valid)", async () => {
    const fetch: FetchLike = async (url) =>
      String(url).endsWith("/auth/me") ? json({ id: "u1" }) : json(spec.tokenReply("good.token"));
    for (const adapter of bothAdapters(type, fetch)) {
      const session = await adapter.signIn({ email: "a@example.com", password: "pw" });
      expect(session.accessToken).toBe("good.token");
    }
  });

  it("a 50 MB reply is not read to its end: invalid_response", async () => {
    const total = 50 * 1_000_000;
    const bodies: ReturnType<typeof hugeBody>[] = [];
    const fetch: FetchLike = async () => {
      const body = hugeBody(total);
      bodies.push(body);
      return new Response(body.stream, { headers: { "content-type": "application/json" } });
    };
    for (const adapter of bothAdapters(type, fetch)) {
      expect((await signIn(adapter)).code).toBe("invalid_response");
    }
    for (const body of bodies) expect(body.pulled()).toBeLessThan(MAX_REPLY_BYTES * 2);
  });
});

// The contract's refresh rule, written once (defineAdapter) and met by every adapter alike:
// a refresh the server turns down is its token refused; trouble on the server's side is not.
describe.each(Object.keys(HTTP_ADAPTERS).filter((type) => HTTP_ADAPTERS[type]?.refreshes))(
  "%s × a refused refresh",
  (type) => {
    const spec = HTTP_ADAPTERS[type] as HttpAdapterCase;
    const refreshWith = (reply: () => Response) =>
      bothAdapters(type, async () => reply()).map((adapter) => rejectionOf(adapter.refresh("r0")));

    it.each([400, 401, 403])("HTTP %i naming no known code is session_expired", async (status) => {
      for (const error of await Promise.all(
        refreshWith(() => spec.errorReply("something_else", status)),
      )) {
        expect(error).toMatchObject({ code: "session_expired", status });
      }
    });

    it("OAuth's invalid_grant is session_expired on refresh, invalid_credentials on sign-in", async () => {
      for (const error of await Promise.all(
        refreshWith(() => spec.errorReply("invalid_grant", 400)),
      )) {
        expect(error.code).toBe("session_expired");
      }
      for (const adapter of bothAdapters(type, async () => spec.errorReply("invalid_grant", 401))) {
        const error = await rejectionOf(adapter.signIn({ email: "a@example.com", password: "pw" }));
        expect(error.code).not.toBe("session_expired");
      }
    });

    it.each([429, 500, 502, 503])("HTTP %i keeps the session (transient)", async (status) => {
      for (const error of await Promise.all(
        refreshWith(() => spec.errorReply("invalid_grant", status)),
      )) {
        expect(error.status).toBe(status);
        expect(isTransientError(error)).toBe(true);
      }
    });
  },
);

describe("a REST codeMap is read by own keys only", () => {
  it.each(PROTO_CODES)("reply code %j with an empty codeMap → provider_error", async (code) => {
    const adapter = rest({
      baseUrl: "https://api.test",
      endpoints: { signIn: { path: "/login" } },
      errors: { codeMap: {} },
      fetch: async () => json({ code }, 400),
    });
    const error = await rejectionOf(adapter.signIn({ email: "a@example.com", password: "pw" }));
    expect(error.code).toBe("provider_error");
  });
});

describe("URLs are used as validated", () => {
  it("oauth2 sends to the trimmed tokenUrl", async () => {
    const urls: string[] = [];
    const adapter = oauth2({
      tokenUrl: "  https://idp.test/token\n",
      clientId: "spa",
      fetch: async (url) => {
        urls.push(String(url));
        return json({ access_token: "a.b", expires_in: 60 });
      },
    });
    await adapter.signIn({ email: "a@example.com", password: "pw" });
    expect(urls).toEqual(["https://idp.test/token"]);
  });

  it("firebase's emulatorHost means the same in both forms", async () => {
    const urls: string[] = [];
    const fetch: FetchLike = async (url) => {
      urls.push(String(url));
      return json(HTTP_ADAPTERS.firebase?.tokenReply("a.b"));
    };
    for (const emulatorHost of [
      "127.0.0.1:9099",
      "http://127.0.0.1:9099",
      "http://127.0.0.1:9099/",
    ]) {
      await firebase({ apiKey: "k", emulatorHost, fetch }).signIn({
        email: "a@b.co",
        password: "p",
      });
    }
    expect(new Set(urls)).toEqual(
      new Set([
        "http://127.0.0.1:9099/identitytoolkit.googleapis.com/v1/accounts:signInWithPassword?key=k",
      ]),
    );
  });
});
