/** The claims the kit reads from an access token; anything else passes through untyped. */
export interface JwtPayload {
  exp?: number;
  sub?: string;
  email?: string;
  [claim: string]: unknown;
}

function base64UrlToBytes(segment: string): Uint8Array | undefined {
  if (!/^[A-Za-z0-9_-]*$/.test(segment) || segment.length % 4 === 1) return undefined;
  const base64 = segment.replace(/-/g, "+").replace(/_/g, "/");
  const padded = base64 + "=".repeat((4 - (base64.length % 4)) % 4);
  const binary = atob(padded);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i += 1) bytes[i] = binary.charCodeAt(i);
  return bytes;
}

/**
 * Reads a JWT's payload without verifying it; returns undefined for anything that is not a
 * three-part token with a JSON object payload. Never throws.
 */
export function decodeJwt(token: string): JwtPayload | undefined {
  try {
    if (typeof token !== "string") return undefined;
    const parts = token.split(".");
    if (parts.length !== 3 || parts[1] === undefined || parts[1] === "") return undefined;
    const bytes = base64UrlToBytes(parts[1]);
    if (bytes === undefined) return undefined;
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
