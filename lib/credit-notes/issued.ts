import "server-only";
import type { Db } from "@/lib/db/schema";
import { AppError } from "@/lib/domain/errors";
import { cleanAuthenticationCode, cleanMark, isCreditableType, type OriginalDocument, type OriginalLine } from "@/lib/domain/issued-original";
import { centsToDecimalString } from "@/lib/domain/money";
import { foldForSearch } from "@/lib/domain/search-text";
import type { Locale } from "@/lib/i18n/locale";
import type { ListedDocument, ProviderClient } from "@/lib/provider";
import { parseOrFail } from "@/lib/validation/parse";
import { issuedQuerySchema, originalQuerySchema } from "@/lib/validation/requests";
import { dayOffset, externalCreditsOf, findOriginal, LOOKUP_DAYS, originalOfRow, readList, readOriginalLines } from "./originals";

/**
 * The read side of "Issued invoices": the provider's list of the issuer's documents by date
 * range, merged with what our own history knows (every original we credited, and what has been
 * credited against each), searchable; and one original with its lines and its credits.
 */

/** One row of GET /api/issued-documents (amounts as decimal strings, as the draft writes them). */
export interface IssuedItem {
  mark: string;
  uid: string | null;
  authenticationCode: string | null;
  series: string;
  number: string;
  invoiceType: string;
  dateIssued: string;
  counterpartyVat: string | null;
  totalNet: string;
  totalVat: string;
  totalGross: string;
  creditedGross: string;
  /** Where the row comes from: the provider's list, our history only (the list did not show it), or both. */
  source: "provider" | "history" | "both";
}

export interface IssuedList {
  issuerVat: string;
  from: string;
  to: string;
  q: string;
  items: IssuedItem[];
  /** Why the provider's list could not be read (only our history is shown then). */
  providerError: string | null;
  /** False when the list had more pages than are read. */
  complete: boolean;
}

const amount = (cents: number): string => centsToDecimalString(cents);

function itemOf(original: OriginalDocument, creditedCents: number, source: IssuedItem["source"]): IssuedItem {
  return {
    mark: original.mark, uid: original.uid, authenticationCode: original.authenticationCode, series: original.series, number: original.number,
    invoiceType: original.invoiceType, dateIssued: original.dateIssued, counterpartyVat: original.counterpartyVat,
    totalNet: amount(original.totals.netCents), totalVat: amount(original.totals.vatCents), totalGross: amount(original.totals.grossCents),
    creditedGross: amount(creditedCents), source,
  };
}

type LedgerRow = Awaited<ReturnType<typeof ledgerRows>>[number];

function ledgerRows(db: Db, issuerVat: string) {
  return db.selectFrom("credit_ledger").selectAll().where("issuer_vat", "=", issuerVat).execute();
}

function originalOfLedger(row: LedgerRow): OriginalDocument {
  return {
    mark: row.original_mark, uid: null, authenticationCode: row.original_authentication_code, issuerVat: row.issuer_vat,
    series: row.original_series, number: row.original_number, invoiceType: row.original_type, dateIssued: row.original_issued_at,
    counterpartyVat: row.original_counterparty_vat, counterpartyName: null,
    totals: { netCents: row.original_net_cents, vatCents: row.original_vat_cents, grossCents: row.original_gross_cents }, lines: null, source: "history",
  };
}

/** Whether a row answers the search: a pasted code or MARK exactly, else number, series, counterparty VAT or MARK as text. */
function matchesQuery(item: IssuedItem, q: string): boolean {
  if (q === "") return true;
  const code = cleanAuthenticationCode(q);
  if (item.authenticationCode !== null && cleanAuthenticationCode(item.authenticationCode) === code) return true;
  const mark = cleanMark(q);
  if (/^\d+$/.test(mark) && item.mark.includes(mark)) return true;
  const folded = foldForSearch(q);
  const vat = (item.counterpartyVat ?? "").toLowerCase();
  const haystack = [item.series, item.number, `${item.series}/${item.number}`, `${item.series}-${item.number}`, vat, vat.replace(/^(el|gr)/, "")].map(foldForSearch);
  return haystack.some((text) => text.includes(folded));
}

/** A pasted authentication code (40 hex digits) or MARK (9+ digits): looked up beyond the dates when the range does not hold it. */
function isPastedIdentifier(q: string): boolean {
  return /^[0-9A-F]{40}$/.test(cleanAuthenticationCode(q)) || /^\d{9,20}$/.test(cleanMark(q));
}

function merge(issuerVat: string, rows: readonly ListedDocument[], ledger: readonly LedgerRow[], range: { from: string; to: string } | null): IssuedItem[] {
  const credited = new Map(ledger.map((row) => [row.original_mark, row.credited_gross_cents]));
  const listed = rows.filter((row) => isCreditableType(row.invoiceType) && row.mark !== undefined);
  const marks = new Set(listed.map((row) => row.mark));
  const fromProvider = listed.map((row) => itemOf(originalOfRow(issuerVat, row), credited.get(row.mark ?? "") ?? 0, credited.has(row.mark ?? "") ? "both" : "provider"));
  const fromHistory = ledger
    .filter((row) => !marks.has(row.original_mark))
    .filter((row) => range === null || (row.original_issued_at.slice(0, 10) >= range.from && row.original_issued_at.slice(0, 10) <= range.to))
    .map((row) => itemOf(originalOfLedger(row), row.credited_gross_cents, "history"));
  return [...fromProvider, ...fromHistory].sort((a, b) => b.dateIssued.localeCompare(a.dateIssued) || b.mark.localeCompare(a.mark));
}

/** The issuer's creditable documents between two days, searched (GET /api/issued-documents and the page). */
export async function listIssued(db: Db, client: ProviderClient, query: Record<string, string>, locale: Locale, now = new Date()): Promise<IssuedList> {
  const parsed = parseOrFail(issuedQuerySchema, query, locale);
  const issuerVat = await issuerVatOrDefault(db, parsed.issuerVat);
  const to = parsed.to ?? dayOffset(now, 0);
  const from = parsed.from ?? dayOffset(now, -31);
  const q = parsed.q ?? "";
  const ledger = await ledgerRows(db, issuerVat);
  const list = await readList(client, issuerVat, from, to);
  let items = merge(issuerVat, list.ok ? list.rows : [], ledger, { from, to }).filter((item) => matchesQuery(item, q));
  let complete = list.ok ? list.complete : true;
  if (items.length === 0 && q !== "" && isPastedIdentifier(q)) {
    const wide = await readList(client, issuerVat, dayOffset(now, -LOOKUP_DAYS), dayOffset(now, 1));
    if (wide.ok) {
      items = merge(issuerVat, wide.rows, ledger, null).filter((item) => matchesQuery(item, q));
      complete = wide.complete;
    }
  }
  return { issuerVat, from, to, q, items, providerError: list.ok ? null : list.detail, complete };
}

/** One of the original's credits (ours). */
export interface OriginalCredit {
  id: string;
  series: string;
  number: string;
  status: string;
  closed: boolean;
  grossCents: number;
  createdAt: string;
  createdBy: string | null;
  /** The lines of a credit of part. */
  lines: { lineNumber: number; quantityMilli: number; netCents?: number }[] | null;
  overrideReason: string | null;
}

export interface OriginalView {
  original: OriginalDocument;
  /** Why the lines could not be read (then only a full credit is offered). */
  linesError: string | null;
  creditedCents: number;
  /** Other systems' credits of it seen in the provider's list. */
  externalCents: number;
  remainingCents: number;
  credits: OriginalCredit[];
  /** Quantity already credited per line number (credits of part that were not closed out). */
  creditedQuantities: Record<number, number>;
  /** Net cents already credited per line number (by quantity or by amount; not closed out). */
  creditedNets: Record<number, number>;
  creditable: boolean;
}

/** The original with its lines (our record, else the provider's XML) and what has been credited against it. */
export async function loadOriginal(db: Db, client: ProviderClient, key: { issuerVat: string; mark: string; issuedOn?: string | undefined }, locale: Locale): Promise<OriginalView> {
  const { original, rows } = await findOriginal(db, client, { issuerVat: key.issuerVat, mark: key.mark, issuedOn: key.issuedOn }, locale);
  const row = rows.find((candidate) => candidate.mark === original.mark);
  const [read, externalCents, ledger, allocations] = await Promise.all([
    readOriginalLines(client, row?.url),
    externalCreditsOf(db, client, key.issuerVat, original, rows),
    db.selectFrom("credit_ledger").select("credited_gross_cents").where("issuer_vat", "=", key.issuerVat).where("original_mark", "=", original.mark).executeTakeFirst(),
    db.selectFrom("credit_allocations")
      .innerJoin("documents", "documents.id", "credit_allocations.document_id")
      .select(["documents.id", "documents.series", "documents.number", "documents.status", "documents.closed_at", "credit_allocations.gross_cents",
        "credit_allocations.created_at", "credit_allocations.created_by", "credit_allocations.lines_json", "credit_allocations.override_reason", "credit_allocations.released_at"])
      .where("credit_allocations.issuer_vat", "=", key.issuerVat)
      .where("credit_allocations.original_mark", "=", original.mark)
      .orderBy("credit_allocations.created_at")
      .execute(),
  ]);
  const credits: OriginalCredit[] = allocations.map((allocation) => ({
    id: allocation.id, series: allocation.series, number: allocation.number, status: allocation.status, closed: allocation.closed_at !== null,
    grossCents: allocation.gross_cents, createdAt: allocation.created_at, createdBy: allocation.created_by,
    lines: allocation.lines_json === null ? null : (JSON.parse(allocation.lines_json) as { lineNumber: number; quantityMilli: number; netCents?: number }[]),
    overrideReason: allocation.override_reason,
  }));
  const creditedQuantities: Record<number, number> = {};
  const creditedNets: Record<number, number> = {};
  for (const [index, credit] of credits.entries()) {
    if (allocations[index]?.released_at !== null) continue;
    for (const line of credit.lines ?? []) {
      creditedQuantities[line.lineNumber] = (creditedQuantities[line.lineNumber] ?? 0) + line.quantityMilli;
      creditedNets[line.lineNumber] = (creditedNets[line.lineNumber] ?? 0) + (line.netCents ?? 0);
    }
  }
  const lines: OriginalLine[] | null = read.lines;
  const creditedCents = (ledger?.credited_gross_cents ?? 0) + externalCents;
  return {
    original: { ...original, lines, counterpartyName: read.counterpartyName },
    linesError: read.detail,
    creditedCents,
    externalCents,
    remainingCents: Math.max(0, original.totals.grossCents - creditedCents),
    credits,
    creditedQuantities,
    creditedNets,
    creditable: isCreditableType(original.invoiceType),
  };
}

/** The issuer a page or query names, else the first saved issuer profile. */
export async function issuerVatOrDefault(db: Db, issuerVat: string | undefined): Promise<string> {
  const vat = issuerVat ?? (await db.selectFrom("issuer_profiles").select("vat").orderBy("created_at").executeTakeFirst())?.vat;
  if (vat === undefined) throw new AppError("not_found", { subject: "issuer_profile" });
  return vat;
}

/** GET /api/issued-documents/{mark}?issuerVat=&on=: the original's view; 404 for a MARK that is not digits. */
export async function originalFromQuery(db: Db, client: ProviderClient, rawMark: string, query: Record<string, string>, locale: Locale): Promise<OriginalView> {
  const mark = cleanMark(rawMark);
  if (!/^\d{1,20}$/.test(mark)) throw new AppError("not_found", { subject: "document" });
  const parsed = parseOrFail(originalQuerySchema, query, locale);
  return loadOriginal(db, client, { issuerVat: await issuerVatOrDefault(db, parsed.issuerVat), mark, issuedOn: parsed.on }, locale);
}
