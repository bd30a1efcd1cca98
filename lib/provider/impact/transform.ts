import "server-only";
import type { AcceptedDocument, ProviderFieldError, SendOutcome } from "@/lib/provider/types";
import { errorsFromText, isAadeErrorText, readMyDataErrors, readProviderErrors } from "@/lib/provider/impact/error-details";
import { readMyDataResponse } from "@/lib/provider/impact/mydata-response";
import {
  headerValue,
  parseJsonObject,
  parseRetryAfter,
  readField,
  readFlag,
  readIdentifier,
  readText,
  shorten,
  type JsonObject,
  type ResponseHeaders,
} from "@/lib/provider/impact/response-fields";

export { classifyLookupResponse } from "@/lib/provider/impact/status-lookup";

/** Which call the answer is for: `/Invoice/json` (a document) or `/Invoice/credit` (a credit of one). */
export type SendEndpoint = "json" | "credit";

export interface ClassifyOptions {
  endpoint?: SendEndpoint | undefined;
  /** Only matters for a `Retry-After` given as a date. */
  nowMs?: number | undefined;
}

const DUPLICATE_TEXT = /already.*transmitted/i;
/** 408 while an earlier call for the same UID is in flight, or the number is locked after a 500. */
const LOCKED_TEXT = /already\s+being\s+transmitted/i;
/** 500 after which nothing is registered (docs/reference/observed-uat.md §5). */
const NOT_REGISTERED_TEXT = /please\s+resend|could\s+not\s+accept\s+document/i;

/**
 * Classifies the answer to `POST /Invoice/json` or `POST /Invoice/credit` in the shapes observed
 * on the provider's UAT (docs/reference/observed-uat.md). Pure: the same status, headers and body always give the
 * same outcome.
 *
 * - 2xx with a MARK → accepted (MARK as the exact digits written, AADE's QR link from `erpQrCode`);
 *   2xx `success:false` → duplicate carrying the stored document; `/Invoice/credit` 2xx without a
 *   MARK (its documented `{}`) → accepted_without_mark; any other 2xx → ambiguous malformed.
 * - 400 → rejected with AADE's words and codes; other 4xx → rejected; 401/403 → unauthorized.
 * - 408 "… already being transmitted." → locked; 408 "IAPR Timeout" → unavailable, maybe registered.
 * - 409 → duplicate carrying the stored document.
 * - 500 "Could not accept document. Please resend." → unavailable, not registered; other 5xx, 429
 *   → unavailable, maybe registered. 3xx → ambiguous redirect.
 */
export function classifySendResponse(
  httpStatus: number,
  headers: ResponseHeaders,
  bodyText: string,
  options: ClassifyOptions = {},
): SendOutcome {
  const body = parseJsonObject(bodyText);
  if (httpStatus >= 200 && httpStatus < 300) return classifySuccess(httpStatus, body, bodyText, options.endpoint ?? "json");
  if (httpStatus >= 300 && httpStatus < 400) {
    const message = `Provider answered with a redirect (HTTP ${httpStatus}); not followed`;
    return { kind: "ambiguous", reason: "redirect", httpStatus, body: bodyText, message, connected: true };
  }
  const message = describe(body, bodyText, httpStatus);
  if (httpStatus === 401 || httpStatus === 403) return { kind: "unauthorized", httpStatus, body: bodyText, message };
  if (httpStatus === 409) {
    return { kind: "duplicate", httpStatus, body: bodyText, message, registered: body === null ? null : readRegisteredDocument(body) };
  }
  const retryAfterMs = parseRetryAfter(headerValue(headers, "retry-after"), options.nowMs ?? Date.now());
  if (httpStatus === 408 && LOCKED_TEXT.test(message)) return { kind: "locked", httpStatus, body: bodyText, message, retryAfterMs };
  if (httpStatus === 408 || httpStatus === 429 || httpStatus >= 500) {
    const registered = httpStatus >= 500 && NOT_REGISTERED_TEXT.test(message) ? "no" : "maybe";
    return { kind: "unavailable", httpStatus, body: bodyText, message, retryAfterMs, registered };
  }
  if (httpStatus >= 400) return rejected(httpStatus, body, bodyText, message);
  const unexpected = `Unexpected HTTP ${httpStatus} from provider`;
  return { kind: "ambiguous", reason: "unexpected", httpStatus, body: bodyText, message: unexpected, connected: true };
}

/**
 * The registered document an answer carries (a 201, or the stored body inside a 409): null when
 * it has no MARK. Fields the answer lacks stay empty rather than losing the MARK. AADE's QR link
 * is `erpQrCode`, else the `<qrUrl>` of myDATA's own response; never the portal `url`.
 */
export function readRegisteredDocument(body: JsonObject): AcceptedDocument | null {
  const xmlText = readText(body, "myDataResponse");
  const xml = xmlText === undefined ? null : readMyDataResponse(xmlText);
  const mark = readIdentifier(body, "mark") ?? xml?.invoiceMark ?? undefined;
  if (mark === undefined || mark === "") return null;
  return {
    mark,
    uid: readText(body, "uid", "uniqueId") ?? xml?.invoiceUid ?? "",
    authenticationCode: readText(body, "authenticationCode") ?? xml?.authenticationCode ?? "",
    url: readText(body, "url") ?? "",
    qrUrl: readText(body, "erpQrCode") ?? xml?.qrUrl ?? undefined,
    series: readText(body, "series"),
    number: readText(body, "number"),
    internalId: readText(body, "internalId", "internalDocumentId"),
  };
}

function classifySuccess(httpStatus: number, body: JsonObject | null, bodyText: string, endpoint: SendEndpoint): SendOutcome {
  if (body === null) {
    const message = `Provider answered HTTP ${httpStatus} with a body that is not a JSON object`;
    return { kind: "ambiguous", reason: "malformed", httpStatus, body: bodyText, message, connected: true };
  }
  const registered = readRegisteredDocument(body);
  const providerMessage = readText(body, "message") ?? "";
  const success = readFlag(body, "success");
  if (success === false && (registered !== null || DUPLICATE_TEXT.test(providerMessage))) {
    return { kind: "duplicate", httpStatus, body: bodyText, message: shorten(providerMessage || bodyText), registered };
  }
  if (registered !== null) return { kind: "accepted", httpStatus, body: bodyText, ...registered };
  if (endpoint === "credit" && success !== false) {
    const message = "The provider made the credit; its MARK is read from the document list";
    return { kind: "accepted_without_mark", httpStatus, body: bodyText, message };
  }
  const detail = providerMessage === "" ? "" : `: ${shorten(providerMessage)}`;
  const message = `Provider answered HTTP ${httpStatus} without a MARK${detail}`;
  return { kind: "ambiguous", reason: "malformed", httpStatus, body: bodyText, message, connected: true };
}

function rejected(httpStatus: number, body: JsonObject | null, bodyText: string, message: string): SendOutcome {
  const aade = body === null ? [] : readMyDataErrors(body);
  const errors = aade.length > 0 ? aade : rejectionErrors(body, bodyText, message);
  const isAadeError = aade.length > 0 || (body !== null && readField(body, "myDataErrors") !== undefined) || isAadeErrorText(bodyText);
  return { kind: "rejected", httpStatus, body: bodyText, message, errors, isAadeError };
}

/** A one-line summary: the provider's message, else its first error, else the status. */
function describe(body: JsonObject | null, bodyText: string, httpStatus: number): string {
  if (body === null) return bodyText.trim() === "" ? `HTTP ${httpStatus}` : shorten(bodyText);
  const own = readText(body, "message", "title", "error_description", "error", "errorMessage");
  if (own !== undefined) return shorten(own);
  const first = readMyDataErrors(body)[0] ?? readProviderErrors(body)[0];
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
