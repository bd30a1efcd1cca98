import "server-only";

/**
 * Small readers for provider answers. The provider accepts and returns both camelCase and
 * PascalCase property names, so every look-up here ignores case.
 */

/** A parsed JSON object, or null when the text is not a JSON object. */
export type JsonObject = Record<string, unknown>;

/** Response headers as node:http delivers them (names lower-case). */
export type ResponseHeaders = Record<string, string | string[] | undefined>;

/**
 * Parses JSON text keeping every integer exact: an integer token of 16 digits or more (where a
 * double may round) becomes a string of its digits before JSON.parse sees it, so a MARK such as
 * 9007199254740993 is read as written, never through a float. Shorter integers are exact as
 * numbers and stay numbers. Throws like JSON.parse on invalid text.
 */
export function parseJsonExact(text: string): unknown {
  return JSON.parse(quoteLongIntegers(text));
}

/** The text with every integer token of 16+ digits outside strings wrapped in quotes. */
function quoteLongIntegers(text: string): string {
  let out = "";
  let i = 0;
  while (i < text.length) {
    const ch = text[i];
    if (ch === '"') {
      const end = stringEnd(text, i);
      out += text.slice(i, end);
      i = end;
      continue;
    }
    if (ch === "-" || (ch !== undefined && ch >= "0" && ch <= "9")) {
      const match = /^-?\d+(\.\d+)?([eE][+-]?\d+)?/.exec(text.slice(i, i + 400));
      const token = match?.[0] ?? ch;
      const isLongInteger = match !== null && match[1] === undefined && match[2] === undefined && token.replace("-", "").length >= 16;
      out += isLongInteger ? `"${token}"` : token;
      i += token.length;
      continue;
    }
    out += ch;
    i += 1;
  }
  return out;
}

/** Index just past the JSON string that starts at `start` (a quote). */
function stringEnd(text: string, start: number): number {
  let i = start + 1;
  while (i < text.length) {
    const ch = text[i];
    if (ch === "\\") i += 2;
    else if (ch === '"') return i + 1;
    else i += 1;
  }
  return text.length;
}

/** Parses text as a JSON object (integers exact, see parseJsonExact); arrays, scalars and invalid JSON give null. */
export function parseJsonObject(text: string): JsonObject | null {
  const trimmed = text.trim();
  if (!trimmed.startsWith("{")) return null;
  try {
    const value = parseJsonExact(trimmed);
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
 * Reads an integer identifier (such as a MARK) as its exact digits. The object must come from
 * parseJsonObject / parseJsonExact, which keep long integers as digit strings; a number that
 * arrives here is short enough to be exact.
 */
export function readIdentifier(source: JsonObject, ...names: string[]): string | undefined {
  const value = readField(source, ...names);
  if (typeof value === "number") return Number.isInteger(value) ? String(value) : undefined;
  return readText(source, ...names)?.trim();
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
