import "server-only";
import type { ProviderFieldError, SendOutcome } from "@/lib/provider/types";
import { errorsFromText, isAadeErrorText, readProviderErrors } from "@/lib/provider/impact/error-details";
import {
  headerValue,
  parseJsonObject,
  parseRetryAfter,
  readFlag,
  readIdentifier,
  readText,
  shorten,
  type JsonObject,
  type ResponseHeaders,
} from "@/lib/provider/impact/response-fields";

export { classifyLookupResponse } from "@/lib/provider/impact/status-lookup";

const DUPLICATE_TEXT = /already.*transmitted/i;

/**
 * Classifies the answer to `POST /Invoice/json` or `POST /Invoice/credit` (impact-api.md §3).
 * Pure: the same status, headers and body always give the same outcome (`nowMs` only matters
 * for a `Retry-After` given as a date).
 *
 * 2xx with a MARK → accepted; 2xx `success:false` "already transmitted" → duplicate; any other
 * 2xx → ambiguous malformed; 3xx → ambiguous redirect; 400 → rejected; 401/403 → unauthorized;
 * 408 → unavailable; 409 → duplicate; 429/5xx → unavailable; other 4xx → rejected.
 */
export function classifySendResponse(
  httpStatus: number,
  headers: ResponseHeaders,
  bodyText: string,
  nowMs: number = Date.now(),
): SendOutcome {
  const body = parseJsonObject(bodyText);
  if (httpStatus >= 200 && httpStatus < 300) return classifySuccess(httpStatus, body, bodyText);
  if (httpStatus >= 300 && httpStatus < 400) {
    const message = `Provider answered with a redirect (HTTP ${httpStatus}); not followed`;
    return { kind: "ambiguous", reason: "redirect", httpStatus, body: bodyText, message, connected: true };
  }
  const message = describe(body, bodyText, httpStatus);
  if (httpStatus === 401 || httpStatus === 403) return { kind: "unauthorized", httpStatus, body: bodyText, message };
  if (httpStatus === 409) return { kind: "duplicate", httpStatus, body: bodyText, message };
  if (httpStatus === 408 || httpStatus === 429 || httpStatus >= 500) {
    const retryAfterMs = parseRetryAfter(headerValue(headers, "retry-after"), nowMs);
    return { kind: "unavailable", httpStatus, body: bodyText, message, retryAfterMs };
  }
  if (httpStatus >= 400) {
    const errors = rejectionErrors(body, bodyText, message);
    return { kind: "rejected", httpStatus, body: bodyText, message, errors, isAadeError: isAadeErrorText(bodyText) };
  }
  const unexpected = `Unexpected HTTP ${httpStatus} from provider`;
  return { kind: "ambiguous", reason: "unexpected", httpStatus, body: bodyText, message: unexpected, connected: true };
}

function classifySuccess(httpStatus: number, body: JsonObject | null, bodyText: string): SendOutcome {
  if (body === null) {
    const message = `Provider answered HTTP ${httpStatus} with a body that is not a JSON object`;
    return { kind: "ambiguous", reason: "malformed", httpStatus, body: bodyText, message, connected: true };
  }
  const mark = readIdentifier(body, bodyText, "mark");
  const providerMessage = readText(body, "message") ?? "";
  const success = readFlag(body, "success");
  const saysDuplicate = DUPLICATE_TEXT.test(providerMessage || bodyText);
  if (saysDuplicate && (success === false || (success === undefined && mark === undefined))) {
    return { kind: "duplicate", httpStatus, body: bodyText, message: shorten(providerMessage || bodyText) };
  }
  if (mark === undefined) {
    const detail = providerMessage === "" ? "" : `: ${shorten(providerMessage)}`;
    const message = `Provider answered HTTP ${httpStatus} without a MARK${detail}`;
    return { kind: "ambiguous", reason: "malformed", httpStatus, body: bodyText, message, connected: true };
  }
  // A MARK means myDATA registered the document; fields the answer lacks stay empty rather
  // than turning a registered document into an unknown one.
  return {
    kind: "accepted",
    httpStatus,
    body: bodyText,
    mark,
    uid: readText(body, "uid", "uniqueId") ?? "",
    authenticationCode: readText(body, "authenticationCode") ?? "",
    url: readText(body, "url") ?? "",
    series: readText(body, "series"),
    number: readText(body, "number"),
    internalId: readText(body, "internalId", "internalDocumentId"),
  };
}

/** A one-line summary: the provider's message, else its first error, else the status. */
function describe(body: JsonObject | null, bodyText: string, httpStatus: number): string {
  if (body === null) return bodyText.trim() === "" ? `HTTP ${httpStatus}` : shorten(bodyText);
  const own = readText(body, "message", "title", "error_description", "error");
  if (own !== undefined) return shorten(own);
  const first = readProviderErrors(body)[0];
  return first === undefined ? `HTTP ${httpStatus}` : shorten(first.message);
}

function rejectionErrors(body: JsonObject | null, bodyText: string, message: string): ProviderFieldError[] {
  if (body === null) return errorsFromText(bodyText.trim() === "" ? message : bodyText);
  // When `errors` lists anything, `message` only summarises it (often joining the same texts).
  const listed = readProviderErrors(body);
  if (listed.length > 0) return listed;
  const ownMessage = readText(body, "message");
  const fromMessage = ownMessage === undefined ? [] : errorsFromText(ownMessage);
  return fromMessage.length > 0 ? fromMessage : [{ code: null, message, field: null }];
}

/**
 * Replaces every occurrence of the key (as is and URL-encoded) with `[REDACTED]`. Applied to
 * every provider text before it is stored or logged. Keys shorter than 4 characters are left
 * alone: replacing them would shred ordinary text and they protect nothing.
 */
export function redactApiKey(text: string, key: string): string {
  if (key.length < 4) return text;
  let result = text.split(key).join("[REDACTED]");
  const encoded = encodeURIComponent(key);
  if (encoded !== key) result = result.split(encoded).join("[REDACTED]");
  return result;
}
