import {
  createMemoryStorage,
  parseStoredSession,
  resolveStorage,
  serializeSession,
} from "../../../src/core/storage.js";
import { makeSession } from "./fakeAdapter.js";

function throwingGetter(name: "localStorage" | "sessionStorage") {
  const original = Object.getOwnPropertyDescriptor(globalThis, name);
  Object.defineProperty(globalThis, name, {
    configurable: true,
    get() {
      throw new DOMException("The document is sandboxed", "SecurityError");
    },
  });
  return () => {
    if (original) Object.defineProperty(globalThis, name, original);
  };
}

describe("createMemoryStorage", () => {
  it("keeps items per instance", () => {
    const a = createMemoryStorage();
    const b = createMemoryStorage();
    a.setItem("k", "v");
    expect(a.getItem("k")).toBe("v");
    expect(b.getItem("k")).toBeNull();
    a.removeItem("k");
    expect(a.getItem("k")).toBeNull();
  });
});

describe("resolveStorage", () => {
  afterEach(() => localStorage.clear());

  it("uses working Web Storage and says so", () => {
    expect(resolveStorage("local")).toEqual({ storage: localStorage, persistence: "local" });
    expect(resolveStorage("session")).toEqual({ storage: sessionStorage, persistence: "session" });
    expect(resolveStorage()).toMatchObject({ persistence: "local" });
  });

  it("falls back to memory when the localStorage getter throws SecurityError (sandboxed frame)", () => {
    const restore = throwingGetter("localStorage");
    try {
      const resolved = resolveStorage("local");
      expect(resolved.persistence).toBe("memory");
      resolved.storage.setItem("k", "v");
      expect(resolved.storage.getItem("k")).toBe("v");
    } finally {
      restore();
    }
    expect(resolveStorage("local").persistence).toBe("local");
  });

  it("falls back to memory for sessionStorage too, and when writing throws (full quota)", () => {
    const restore = throwingGetter("sessionStorage");
    try {
      expect(resolveStorage("session").persistence).toBe("memory");
    } finally {
      restore();
    }
    const setItem = vi.spyOn(Storage.prototype, "setItem").mockImplementation(() => {
      throw new DOMException("full", "QuotaExceededError");
    });
    expect(resolveStorage("local").persistence).toBe("memory");
    expect(setItem).toHaveBeenCalled();
  });

  it("falls back to memory where there is no Web Storage at all (server rendering)", () => {
    const original = Object.getOwnPropertyDescriptor(globalThis, "localStorage");
    Object.defineProperty(globalThis, "localStorage", { configurable: true, value: undefined });
    try {
      expect(resolveStorage("local").persistence).toBe("memory");
    } finally {
      if (original) Object.defineProperty(globalThis, "localStorage", original);
    }
  });

  it("passes a custom store through as persistence 'custom', and 'memory' as memory", () => {
    const custom = createMemoryStorage();
    expect(resolveStorage(custom)).toEqual({ storage: custom, persistence: "custom" });
    expect(resolveStorage("memory").persistence).toBe("memory");
  });
});

describe("parseStoredSession", () => {
  it("round-trips a session", () => {
    const session = makeSession();
    expect(parseStoredSession(serializeSession(session))).toEqual(session);
  });

  it("discards corrupted JSON and wrong shapes without throwing", () => {
    const good = makeSession();
    const bad = [
      null,
      undefined,
      "",
      "{not json",
      "null",
      "[]",
      '"text"',
      JSON.stringify({ ...good, accessToken: 42 }),
      JSON.stringify({ ...good, accessToken: "" }),
      JSON.stringify({ ...good, user: null }),
      JSON.stringify({ ...good, user: { email: "x" } }),
      JSON.stringify({ ...good, expiresAt: "tomorrow" }),
      JSON.stringify({ ...good, refreshToken: 1 }),
      JSON.stringify({ ...good, provider: undefined }),
    ];
    for (const raw of bad) expect(parseStoredSession(raw)).toBeUndefined();
  });
});
