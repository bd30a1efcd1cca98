import "server-only";

/**
 * Small readers for provider answers. The provider accepts and returns both camelCase and
 * PascalCase property names, so every look-up here ignores case.
 */

/** A parsed JSON object, or null when the text is not a JSON object. */
export type JsonObject = Record<string, unknown>;

/** Response headers as node:http delivers them (names lower-case). */
export type ResponseHeaders = Record<string, string | string[] | undefined>;

/** Parses text as a JSON object; arrays, scalars and invalid JSON give null. */
export function parseJsonObject(text: string): JsonObject | null {
  const trimmed = text.trim();
  if (!trimmed.startsWith("{")) return null;
  try {
    const value: unknown = JSON.parse(trimmed);
    return isJsonObject(value) ? value : null;
  } catch {
    return null;
  }
}

/** True for plain objects (not arrays, not null). */
export function isJsonObject(value: unknown): value is JsonObject {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** The value of the first of `names` present in `source`, matching names case-insensitively. */
export function readField(source: JsonObject, ...names: string[]): unknown {
  const wanted = names.map((name) => name.toLowerCase());
  for (const name of wanted) {
    for (const [key, value] of Object.entries(source)) {
      if (key.toLowerCase() === name && value !== undefined && value !== null) return value;
    }
  }
  return undefined;
}

/** Like readField, but only non-empty strings and finite numbers count; numbers become their decimal text. */
export function readText(source: JsonObject, ...names: string[]): string | undefined {
  const value = readField(source, ...names);
  if (typeof value === "string") return value.trim() === "" ? undefined : value;
  if (typeof value === "number" && Number.isFinite(value)) return String(value);
  return undefined;
}

/** Reads a boolean flag that may arrive as `false` or `"false"`. */
export function readFlag(source: JsonObject, ...names: string[]): boolean | undefined {
  const value = readField(source, ...names);
  if (typeof value === "boolean") return value;
  if (typeof value === "string" && /^(true|false)$/i.test(value.trim())) return value.trim().toLowerCase() === "true";
  return undefined;
}

/**
 * Reads an integer identifier (such as a MARK) exactly as written in the raw JSON text, so
 * that a number beyond 2^53 is not rounded by JSON.parse. Falls back to readText.
 */
export function readIdentifier(source: JsonObject, rawText: string, ...names: string[]): string | undefined {
  const value = readField(source, ...names);
  if (typeof value === "number") {
    for (const name of names) {
      const match = new RegExp(`"${name}"\\s*:\\s*(-?\\d+)(?![\\d.eE])`, "i").exec(rawText);
      if (match?.[1] !== undefined) return match[1];
    }
  }
  return readText(source, ...names);
}

/** First value of a header, looked up case-insensitively. */
export function headerValue(headers: ResponseHeaders, name: string): string | undefined {
  const wanted = name.toLowerCase();
  for (const [key, value] of Object.entries(headers)) {
    if (key.toLowerCase() !== wanted) continue;
    return Array.isArray(value) ? value[0] : value;
  }
  return undefined;
}

/**
 * Milliseconds to wait according to a `Retry-After` header: either delay-seconds or an
 * HTTP date (RFC 9110 §10.2.3). A date in the past gives 0; anything unreadable gives null.
 */
export function parseRetryAfter(value: string | undefined, nowMs: number): number | null {
  if (value === undefined) return null;
  const trimmed = value.trim();
  if (/^\d+$/.test(trimmed)) return Number(trimmed) * 1000;
  if (!/[a-z]/i.test(trimmed)) return null;
  const atMs = Date.parse(trimmed);
  if (Number.isNaN(atMs)) return null;
  return Math.max(0, atMs - nowMs);
}

/** Text shortened for a one-line message; bodies are kept whole elsewhere. */
export function shorten(text: string, maxLength = 500): string {
  const single = text.replace(/\s+/g, " ").trim();
  return single.length <= maxLength ? single : `${single.slice(0, maxLength - 1)}…`;
}
