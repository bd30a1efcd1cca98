import "server-only";
import type { ProviderFieldError } from "@/lib/provider/types";
import { isJsonObject, readField, readText, type JsonObject } from "@/lib/provider/impact/response-fields";

/** Marker the provider puts in front of an error that myDATA (AADE) returned. */
const AADE_MARKER = /aade\s+validation\s+error/i;

/** True when the text carries a myDATA validation error forwarded by the provider. */
export function isAadeErrorText(text: string): boolean {
  return AADE_MARKER.test(decodeEntities(text));
}

/**
 * Every error the provider reported in a JSON body: `errors` as an array of strings or of
 * objects, or as an ASP.NET ModelState dictionary (field → messages). myDATA answers embedded
 * as XML (`<error><message>…</message><code>229</code></error>`) become one entry per error.
 */
export function readProviderErrors(body: JsonObject): ProviderFieldError[] {
  const errors = readField(body, "errors");
  const found: ProviderFieldError[] = [];
  if (Array.isArray(errors)) {
    for (const item of errors) found.push(...fromItem(item, null));
  } else if (isJsonObject(errors)) {
    for (const [field, messages] of Object.entries(errors)) {
      const list: unknown[] = Array.isArray(messages) ? messages : [messages];
      for (const item of list) found.push(...fromItem(item, field === "" ? null : field));
    }
  } else if (typeof errors === "string") {
    found.push(...fromText(errors, null));
  }
  return found;
}

/**
 * Errors found in free text (a `message`, or a body that is not JSON): each myDATA `<error>`
 * block, or else the text as one error with the first `<code>` in it.
 */
export function errorsFromText(text: string, field: string | null = null): ProviderFieldError[] {
  return fromText(text, field);
}

function fromItem(item: unknown, field: string | null): ProviderFieldError[] {
  if (typeof item === "string") return fromText(item, field);
  if (!isJsonObject(item)) return [];
  const message = readText(item, "message", "errorMessage", "description", "title", "detail") ?? "";
  const code = readText(item, "code", "errorCode") ?? null;
  const ownField = readText(item, "field", "propertyName", "path", "key", "memberName") ?? field;
  if (message === "" && code === null) return [];
  const fromMessage = fromText(message, ownField);
  if (code === null) return fromMessage;
  return fromMessage.length === 0
    ? [{ code, message, field: ownField }]
    : fromMessage.map((error) => ({ ...error, code: error.code ?? code }));
}

function fromText(raw: string, field: string | null): ProviderFieldError[] {
  const text = decodeEntities(raw).trim();
  if (text === "") return [];
  const blocks = [...text.matchAll(/<error>([\s\S]*?)<\/error>/gi)];
  if (blocks.length > 0) {
    return blocks.map((block) => {
      const inner = block[1] ?? "";
      const message = tagText(inner, "message") ?? inner.replace(/<[^>]+>/g, " ").trim();
      return { code: tagText(inner, "code") ?? null, message: compact(message), field: field ?? lineField(message) };
    });
  }
  return [{ code: tagText(text, "code") ?? null, message: compact(text), field: field ?? lineField(text) }];
}

/**
 * myDATA names the offending line as "invoice line: N" (its 1-based line number). The
 * documents sent from here number lines 1, 2, … in order, so line N is `Details[N-1]`.
 */
function lineField(text: string): string | null {
  const match = /invoice\s+line\s*:?\s*(\d+)/i.exec(text);
  if (match?.[1] === undefined) return null;
  const lineNo = Number(match[1]);
  return lineNo >= 1 ? `Details[${lineNo - 1}]` : null;
}

function tagText(text: string, tag: string): string | undefined {
  const match = new RegExp(`<${tag}>([\\s\\S]*?)</${tag}>`, "i").exec(text);
  const value = match?.[1]?.trim();
  return value === undefined || value === "" ? undefined : value;
}

function compact(text: string): string {
  return text.replace(/\s+/g, " ").trim();
}

/** The provider sometimes HTML-escapes the XML it forwards. */
function decodeEntities(text: string): string {
  return text
    .replace(/&lt;/gi, "<")
    .replace(/&gt;/gi, ">")
    .replace(/&quot;/gi, '"')
    .replace(/&#39;|&apos;/gi, "'")
    .replace(/&amp;/gi, "&");
}
