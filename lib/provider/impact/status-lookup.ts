import "server-only";
import type { LookupOutcome } from "@/lib/provider/types";
import { readProviderErrors } from "@/lib/provider/impact/error-details";
import {
  parseJsonObject,
  readIdentifier,
  readText,
  shorten,
  type ResponseHeaders,
} from "@/lib/provider/impact/response-fields";

/*
 * The provider's `GET /MyData/status` is listed in its docs but its parameters and answer are
 * not public. Everything this product assumes about it lives in this file, so that confirming
 * or correcting the contract is one edit:
 *   request  GET {base}/MyData/status?internalId=<InternalDocumentId>[&mark=<MARK>]
 *   answer   200 { internalId, status, mark, uid, authenticationCode, url, message, errors }
 *            status ∈ accepted | processing | rejected
 *   404      the provider does not know the document
 */

/** What identifies a document in a status look-up. */
export interface StatusLookupParams {
  internalId: string;
  mark?: string | undefined;
}

/** Path and query of the status look-up, relative to the provider base URL. */
export function statusLookupPath(params: StatusLookupParams): string {
  const query = new URLSearchParams({ internalId: params.internalId });
  if (params.mark !== undefined && params.mark !== "") query.set("mark", params.mark);
  return `/MyData/status?${query.toString()}`;
}

const STATUSES = ["accepted", "processing", "rejected"] as const;

/**
 * Classifies a status look-up answer. Pure. 404 → not_found; 408, 429 and 5xx → unavailable;
 * 401/403 → unavailable (the key was refused, nothing can be learnt until that is fixed);
 * 3xx → ambiguous redirect; any other status, or a 2xx without a known status (or an
 * `accepted` without a MARK) → ambiguous.
 */
export function classifyLookupResponse(httpStatus: number, _headers: ResponseHeaders, bodyText: string): LookupOutcome {
  if (httpStatus === 404) return { kind: "not_found", httpStatus, body: bodyText };
  if (httpStatus === 401 || httpStatus === 403) {
    return { kind: "unavailable", httpStatus, body: bodyText, message: `Provider refused the API key (HTTP ${httpStatus})` };
  }
  if (httpStatus === 408 || httpStatus === 429 || httpStatus >= 500) {
    return { kind: "unavailable", httpStatus, body: bodyText, message: lookupMessage(bodyText, httpStatus) };
  }
  if (httpStatus >= 300 && httpStatus < 400) {
    return ambiguous("redirect", httpStatus, bodyText, `Status look-up answered with a redirect (HTTP ${httpStatus}); not followed`);
  }
  if (httpStatus < 200 || httpStatus >= 300) {
    return ambiguous("unexpected", httpStatus, bodyText, lookupMessage(bodyText, httpStatus));
  }
  const body = parseJsonObject(bodyText);
  if (body === null) return ambiguous("malformed", httpStatus, bodyText, "Status look-up answer is not a JSON object");
  const statusText = readText(body, "status")?.trim().toLowerCase();
  const status = STATUSES.find((candidate) => candidate === statusText);
  if (status === undefined) {
    return ambiguous("malformed", httpStatus, bodyText, `Status look-up answer has no known status (${statusText ?? "none"})`);
  }
  const mark = readIdentifier(body, "mark");
  if (status === "accepted" && mark === undefined) {
    return ambiguous("malformed", httpStatus, bodyText, "Status look-up says accepted but gives no MARK");
  }
  return {
    kind: "found",
    status,
    httpStatus,
    body: bodyText,
    message: readText(body, "message") ?? null,
    errors: readProviderErrors(body),
    mark,
    uid: readText(body, "uid", "uniqueId"),
    authenticationCode: readText(body, "authenticationCode"),
    url: readText(body, "url"),
    series: readText(body, "series"),
    number: readText(body, "number"),
    internalId: readText(body, "internalId", "internalDocumentId"),
  };
}

function lookupMessage(bodyText: string, httpStatus: number): string {
  const body = parseJsonObject(bodyText);
  const text = body === null ? bodyText : (readText(body, "message", "title") ?? "");
  return text.trim() === "" ? `Status look-up failed (HTTP ${httpStatus})` : shorten(text);
}

function ambiguous(
  reason: "redirect" | "unexpected" | "malformed",
  httpStatus: number,
  body: string,
  message: string,
): LookupOutcome {
  return { kind: "ambiguous", reason, httpStatus, body, message, connected: true };
}
