import "server-only";
import { XMLParser } from "fast-xml-parser";
import type { ProviderFieldError } from "@/lib/provider/types";
import { fieldOfAadeError } from "@/lib/provider/impact/aade-error-fields";
import { decodeEntities, readMyDataResponse, type MyDataError } from "@/lib/provider/impact/mydata-response";
import { isJsonObject, readField, readText, type JsonObject } from "@/lib/provider/impact/response-fields";

/** Marker the provider puts in front of an error that myDATA (AADE) returned. */
const AADE_MARKER = /aade\s+validation\s+error/i;

/** True when the text carries a myDATA validation error forwarded by the provider. */
export function isAadeErrorText(text: string): boolean {
  return AADE_MARKER.test(decodeEntities(text));
}

/**
 * myDATA's refusal as the provider observed on UAT reports it (docs/reference/observed-uat.md §3): AADE's own
 * words in `myDataErrors[].value`, the codes in the `<error>`s of `myDataResponse`. Each word is
 * paired with the XML error of the same text, else with the XML error at the same position;
 * errors only the XML lists are added. Empty when the body has neither.
 */
export function readMyDataErrors(body: JsonObject): ProviderFieldError[] {
  const xml = readText(body, "myDataResponse");
  const fromXml: MyDataError[] = xml === undefined ? [] : (readMyDataResponse(xml)?.errors ?? []);
  const listed = readField(body, "myDataErrors");
  const words = (Array.isArray(listed) ? listed : [])
    .map((item) => (typeof item === "string" ? item : isJsonObject(item) ? (readText(item, "value", "message") ?? "") : ""))
    .map((text) => text.trim())
    .filter((text) => text !== "");
  // Pair by equal text; when both lists are as long, the rest pair by position.
  const unpaired = [...fromXml];
  const byPosition = words.length === fromXml.length;
  const errors = words.map((message, index) => {
    const atPosition = byPosition ? fromXml[index] : undefined;
    const paired = unpaired.find((error) => error.message === message) ?? (atPosition !== undefined && unpaired.includes(atPosition) ? atPosition : undefined);
    if (paired !== undefined) unpaired.splice(unpaired.indexOf(paired), 1);
    const code = paired?.code ?? null;
    return { code, message, field: fieldOfAadeError(code, message) };
  });
  for (const error of unpaired) {
    const message = error.message === "" ? `myDATA error ${error.code ?? ""}`.trim() : error.message;
    errors.push({ code: error.code, message, field: fieldOfAadeError(error.code, message) });
  }
  return errors;
}

/**
 * Every error the provider reported in a JSON body in its older shapes: `errors` as an array of
 * strings or of objects, or as an ASP.NET ModelState dictionary (field → messages). myDATA answers
 * embedded as XML become one entry per `<error>`.
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
    found.push(...errorsFromText(errors, null));
  }
  return found;
}

function fromItem(item: unknown, field: string | null): ProviderFieldError[] {
  if (typeof item === "string") return errorsFromText(item, field);
  if (!isJsonObject(item)) return [];
  const message = readText(item, "message", "errorMessage", "description", "title", "detail") ?? "";
  const code = readText(item, "code", "errorCode") ?? null;
  const ownField = readText(item, "field", "propertyName", "path", "key", "memberName") ?? field;
  if (message === "" && code === null) return [];
  const fromMessage = errorsFromText(message, ownField);
  if (code === null) return fromMessage;
  return fromMessage.length === 0
    ? [{ code, message, field: ownField }]
    : fromMessage.map((error) => ({ ...error, code: error.code ?? code, field: ownField ?? fieldOfAadeError(error.code ?? code, error.message) }));
}

/** Reads markup inside free text; values stay text so codes keep their digits. */
const fragmentParser = new XMLParser({ ignoreAttributes: true, parseTagValue: false, trimValues: true });

/**
 * Errors found in free text (a `message`, or a body that is not JSON): each `<error>` of a
 * myDATA ResponseDoc inside it, or else the text as one error with the `<code>` it carries.
 */
export function errorsFromText(raw: string, field: string | null = null): ProviderFieldError[] {
  const text = decodeEntities(raw).trim();
  if (text === "") return [];
  const docStart = text.search(/<\?xml|<ResponseDoc\b/i);
  if (docStart >= 0) {
    const doc = readMyDataResponse(text.slice(docStart));
    if (doc !== null && doc.errors.length > 0) {
      return doc.errors.map((error) => ({ code: error.code, message: compact(error.message), field: field ?? fieldOfAadeError(error.code, error.message) }));
    }
  }
  const code = text.includes("<") ? codeInFragment(text) : null;
  return [{ code, message: compact(text), field: field ?? fieldOfAadeError(code, text) }];
}

/** The `<code>` of a text such as "Aade Validation Error: <code>229</code> …", read as markup. */
function codeInFragment(text: string): string | null {
  try {
    const parsed: unknown = fragmentParser.parse(`<fragment>${text}</fragment>`);
    const fragment = isJsonObject(parsed) ? parsed.fragment : undefined;
    const code = isJsonObject(fragment) ? fragment.code : undefined;
    const first = Array.isArray(code) ? code[0] : code;
    return typeof first === "string" && first.trim() !== "" ? first.trim() : null;
  } catch {
    return null;
  }
}

function compact(text: string): string {
  return text.replace(/\s+/g, " ").trim();
}
