/** A value that survives `JSON.stringify` and structured cloning unchanged. */
export type JsonValue =
  | null
  | boolean
  | number
  | string
  | JsonValue[]
  | { [key: string]: JsonValue };

/** A plain-JSON object. */
export type JsonObject = { [key: string]: JsonValue };

/**
 * Returns a plain-JSON copy of an object (functions, `undefined` and symbols dropped, class
 * instances flattened, bigints as strings), or `{}` when it cannot be serialised at all.
 */
export function toPlainJson(value: unknown): JsonObject {
  // A host's postMessage queue stalls for good on one uncloneable payload, so nothing that is
  // not plain JSON may ever reach it; a lost payload is the lesser harm.
  let text: string | undefined;
  try {
    text = JSON.stringify(value, (_key, item: unknown) =>
      typeof item === "bigint" ? item.toString() : item,
    );
  } catch {
    return {};
  }
  if (text === undefined) return {};
  const parsed: unknown = JSON.parse(text);
  return typeof parsed === "object" && parsed !== null && !Array.isArray(parsed)
    ? (parsed as JsonObject)
    : {};
}
