import "server-only";
import type { LookupOutcome } from "@/lib/provider/types";
import {
  headerValue,
  isJsonObject,
  parseJsonExact,
  readIdentifier,
  readText,
  shorten,
  type JsonObject,
  type ResponseHeaders,
} from "@/lib/provider/impact/response-fields";

/*
 * The provider portal's document list (docs/reference/observed-uat.md §7):
 *   GET {portal}/api/Invoice/GetDocuments/{IssuerVat}/{page}/?From=yyyyMMdd&To=yyyyMMdd   header APIKey
 *   → a JSON array of the issuer's documents (also those other systems sent), a `NextPage`
 *     header, and 404 "Page > TotalPageSize" past the last page.
 * One public client writes `dateTo` instead of `To`; the name is configurable.
 */

/** What to look for in the list. Dates are calendar days (`YYYY-MM-DD`, Europe/Athens). */
export interface DocumentQuery {
  issuerVat: string;
  series: string;
  number: string;
  /** Our InternalDocumentId: the status look-up (when switched on) asks by it; the list has none. */
  internalId: string;
  mark?: string | null | undefined;
  from: string;
  to: string;
  /** Only these myDATA types count (e.g. ["5.1", "5.2"] for a credit); any type when omitted. */
  invoiceTypes?: readonly string[] | undefined;
}

export type ListToParam = "To" | "dateTo";

/** One row of the list, read exactly (MARK as digits). */
export interface ListedDocument {
  series: string;
  number: string;
  mark: string | undefined;
  uid: string | undefined;
  authenticationCode: string | undefined;
  url: string | undefined;
  invoiceType: string | undefined;
  dateIssued: string | undefined;
  counterpartyVat: string | undefined;
  totalAmount: string | undefined;
  totalVatAmount: string | undefined;
}

/** yyyyMMdd of a `YYYY-MM-DD` day. */
function compactDay(day: string): string {
  return day.slice(0, 10).replace(/-/g, "");
}

/** The URL of one page of the list. */
export function documentListUrl(portalUrl: string, query: Pick<DocumentQuery, "issuerVat" | "from" | "to">, page: number, toParam: ListToParam): string {
  const base = portalUrl.replace(/\/+$/, "");
  const search = new URLSearchParams({ From: compactDay(query.from), [toParam]: compactDay(query.to) });
  return `${base}/api/Invoice/GetDocuments/${encodeURIComponent(query.issuerVat)}/${page}/?${search.toString()}`;
}

export type ListPage =
  | { kind: "rows"; rows: ListedDocument[]; nextPage: number | null }
  | { kind: "past_end" }
  | { kind: "failed"; outcome: Extract<LookupOutcome, { kind: "unavailable" | "ambiguous" }> };

/**
 * Reads one answer of the list. Pure. 200 with a JSON array → its rows and the next page the
 * `NextPage` header names (a number above this page; anything else ends the list); 404 → past
 * the end; 401/403, 408, 429, 5xx → unavailable; any other answer → ambiguous.
 */
export function readDocumentListPage(page: number, httpStatus: number, headers: ResponseHeaders, bodyText: string): ListPage {
  if (httpStatus === 404) return { kind: "past_end" };
  if (httpStatus === 401 || httpStatus === 403 || httpStatus === 408 || httpStatus === 429 || httpStatus >= 500) {
    const message = `Document list: HTTP ${httpStatus}${bodyText.trim() === "" ? "" : ` ${shorten(bodyText, 200)}`}`;
    return { kind: "failed", outcome: { kind: "unavailable", httpStatus, body: bodyText, message } };
  }
  const malformed = (message: string): ListPage => ({
    kind: "failed", outcome: { kind: "ambiguous", reason: "malformed", httpStatus, body: bodyText, message, connected: true },
  });
  if (httpStatus < 200 || httpStatus >= 300) return malformed(`Document list: unexpected HTTP ${httpStatus}`);
  let parsed: unknown;
  try {
    parsed = parseJsonExact(bodyText);
  } catch {
    return malformed("Document list answer is not JSON");
  }
  if (!Array.isArray(parsed)) return malformed("Document list answer is not a JSON array");
  const rows = parsed.filter(isJsonObject).map(readRow);
  const next = Number(headerValue(headers, "NextPage")?.trim());
  return { kind: "rows", rows, nextPage: Number.isInteger(next) && next > page ? next : null };
}

function readRow(row: JsonObject): ListedDocument {
  return {
    series: readText(row, "series") ?? "",
    number: readText(row, "number") ?? "",
    mark: readIdentifier(row, "mark"),
    uid: readText(row, "uid"),
    authenticationCode: readText(row, "authenticationCode"),
    url: readText(row, "url"),
    invoiceType: readText(row, "invoiceType"),
    dateIssued: readText(row, "dateIssued"),
    counterpartyVat: readText(row, "counterPartyVAT", "counterpartyVat"),
    totalAmount: readText(row, "totalAmount"),
    totalVatAmount: readText(row, "totalVatAmount"),
  };
}

/** The row with our series and number (and one of the wanted types), if the page has it. */
export function findListedRow(rows: readonly ListedDocument[], query: DocumentQuery): ListedDocument | undefined {
  return rows.find(
    (row) =>
      row.series.trim() === query.series.trim() &&
      row.number.trim() === query.number.trim() &&
      (query.invoiceTypes === undefined || (row.invoiceType !== undefined && query.invoiceTypes.includes(row.invoiceType.trim()))),
  );
}

/** A listed row as a look-up outcome. */
export function foundInList(row: ListedDocument, httpStatus: number, body: string): LookupOutcome {
  return {
    kind: "found",
    status: "accepted",
    source: "document_list",
    httpStatus,
    body,
    message: null,
    errors: [],
    mark: row.mark,
    uid: row.uid,
    authenticationCode: row.authenticationCode,
    url: row.url,
    series: row.series,
    number: row.number,
    listed: {
      invoiceType: row.invoiceType,
      dateIssued: row.dateIssued,
      counterpartyVat: row.counterpartyVat,
      totalAmount: row.totalAmount,
      totalVatAmount: row.totalVatAmount,
    },
  };
}
