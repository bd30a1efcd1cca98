/**
 * GET /api/Invoice/GetDocuments/{IssuerVat}/{page}/?From=yyyyMMdd&To=yyyyMMdd — the provider
 * portal's document list (docs/reference/observed-uat.md §7), served on the sandbox's own port: every document
 * of the issuer myDATA registered (also credits made by POST /Invoice/credit), by issue date.
 */
import { normaliseVat } from "./afm";
import { centsToNumber } from "./amounts";
import { markNumber, providerDateTime, replyUnauthorized } from "./answers";
import { credentialAfms } from "./auth";
import { documentUrl } from "./context";
import { replyJson, replyRaw, type Exchange } from "./exchange";
import { athensDateTime } from "./ids";
import type { StoredDocument } from "./types";

/** Query parameters match in any case, like ASP.NET's binding. */
function queryParam(url: URL, ...names: string[]): string | null {
  for (const name of names) {
    for (const [key, value] of url.searchParams) {
      if (key.toLowerCase() === name.toLowerCase() && value.trim() !== "") return value.trim();
    }
  }
  return null;
}

/** "20260418" → "2026-04-18"; null for anything else. */
function readDay(text: string | null): string | null | "invalid" {
  if (text === null) return null;
  const match = /^(\d{4})(\d{2})(\d{2})$/.exec(text) ?? /^(\d{4})-(\d{2})-(\d{2})/.exec(text);
  return match === null ? "invalid" : `${match[1] ?? ""}-${match[2] ?? ""}-${match[3] ?? ""}`;
}

function row(ex: Exchange, doc: StoredDocument): Record<string, unknown> {
  const { document } = doc;
  return {
    series: document.series,
    number: document.number,
    branchCode: document.issuer.branch,
    posId: null,
    dateIssued: providerDateTime(document.dateIssued),
    counterPartyVAT: document.counterparty?.vat ?? null,
    mark: markNumber(doc.mark),
    uid: doc.uid,
    authenticationCode: doc.authenticationCode,
    invoiceType: document.invoiceType,
    dateUpdated: athensDateTime(new Date(doc.registeredAt ?? doc.acceptedAt)),
    isViewed: false,
    isAccepted: false,
    isArchivedByIssuer: false,
    totalAmount: centsToNumber(document.summary.grossCents),
    totalVatAmount: centsToNumber(document.summary.vatCents),
    url: documentUrl(ex.ctx, doc),
  };
}

export function handleGetDocuments(ex: Exchange, issuerVat: string, pageText: string): void {
  const { ctx } = ex;
  const afms = credentialAfms(ex.req, ctx.keys, ctx.tokens, Date.now());
  const issuerAfm = normaliseVat(issuerVat);
  if (afms.length === 0 || !afms.includes(issuerAfm)) return replyUnauthorized(ex);
  const page = Number(pageText);
  const from = readDay(queryParam(ex.url, "From", "dateFrom"));
  const to = readDay(queryParam(ex.url, "To", "dateTo"));
  if (!Number.isInteger(page) || page < 1 || from === "invalid" || to === "invalid") {
    return replyJson(ex, 400, { success: false, message: "Page must be 1 or more; From and To are yyyyMMdd dates." }, "rejected");
  }
  const documents = ctx.store.registeredDocuments(issuerAfm, Date.now())
    .filter((doc) => (from === null || doc.document.issueDate >= from) && (to === null || doc.document.issueDate <= to));
  const size = ctx.settings.documentsPageSize;
  const totalPages = Math.ceil(documents.length / size);
  // Page 1 of an empty range is an empty list; past the last page, the provider's 404.
  if (page > Math.max(1, totalPages)) return replyRaw(ex, 404, "text/plain; charset=utf-8", "Page > TotalPageSize", "not_found");
  if (page < totalPages) ex.res.setHeader("NextPage", String(page + 1));
  replyJson(ex, 200, documents.slice((page - 1) * size, page * size).map((doc) => row(ex, doc)), "documents");
}
