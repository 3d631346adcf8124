/** The claims the kit reads from an access token; anything else passes through untyped. */
export interface JwtPayload {
  exp?: number;
  sub?: string;
  email?: string;
  [claim: string]: unknown;
}

/**
 * Reads a JWT's payload without verifying it; returns undefined for anything that is not a
 * three-part token with a JSON object payload. Never throws.
 */
export function decodeJwt(token: string): JwtPayload | undefined {
  try {
    if (typeof token !== "string") return undefined;
    const parts = token.split(".");
    const body = parts[1];
    // base64url only; atob takes it unpadded and throws on a length no padding could fix.
    if (parts.length !== 3 || !body || !/^[\w-]+$/.test(body)) return undefined;
    const binary = atob(body.replace(/-/g, "+").replace(/_/g, "/"));
    const bytes = Uint8Array.from(binary, (char) => char.charCodeAt(0));
    const json = new TextDecoder("utf-8", { fatal: true }).decode(bytes);
    const payload: unknown = JSON.parse(json);
    if (typeof payload !== "object" || payload === null || Array.isArray(payload)) return undefined;
    const claims = payload as Record<string, unknown>;
    // Wrongly typed standard claims are dropped rather than trusted.
    for (const [name, type] of [
      ["exp", "number"],
      ["sub", "string"],
      ["email", "string"],
    ] as const) {
      if (name in claims && typeof claims[name] !== type) delete claims[name];
    }
    if (typeof claims.exp === "number" && !Number.isFinite(claims.exp)) delete claims.exp;
    return claims as JwtPayload;
  } catch {
    return undefined;
  }
}

/** The token's `exp` claim as epoch milliseconds, or undefined when it has none. */
export function jwtExpiresAt(token: string): number | undefined {
  const exp = decodeJwt(token)?.exp;
  // Beyond what a Date can hold (or Infinity) is no usable expiry.
  return exp === undefined || exp * 1000 > 8.64e15 ? undefined : exp * 1000;
}
