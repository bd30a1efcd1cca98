import "server-only";
import type { Db } from "@/lib/db/schema";
import { athensDateOf } from "@/lib/domain/athens-time";
import { scaledFromDecimalText } from "@/lib/domain/decimal-text";
import { AppError } from "@/lib/domain/errors";
import {
  cleanAuthenticationCode,
  cleanMark,
  isCreditableType,
  type OriginalDocument,
  type OriginalLine,
} from "@/lib/domain/issued-original";
import type { Locale } from "@/lib/i18n/locale";
import type { ListedDocument, ProviderClient } from "@/lib/provider";
import { readInvoiceXml } from "@/lib/provider/impact/invoice-xml";
import { fieldFailure } from "@/lib/validation/parse";

/**
 * Finding and reading the original of a credit: the provider's document list (every document of
 * the issuer, also those other systems sent) and our own history, searched with the pasted code
 * cleaned. Used by the "Issued invoices" page and, before any number is taken, by every credit.
 */

/** How far back a pasted code or MARK is looked for when the page's dates do not hold it. */
export const LOOKUP_DAYS = 366;
/** Credits of other systems (5.1 not sent by us) whose XML is read to see what they correlate to. */
const MAX_EXTERNAL_XML = 20;

const DAY_MS = 86_400_000;

export function dayOffset(now: Date, days: number): string {
  return athensDateOf(new Date(now.getTime() + days * DAY_MS));
}

const cents = (text: string | undefined): number => (text === undefined ? 0 : (scaledFromDecimalText(text, 2) ?? 0));

/** A listed row's totals in cents (the list gives gross and VAT). */
export function listedTotals(row: ListedDocument): OriginalDocument["totals"] {
  const grossCents = cents(row.totalAmount);
  const vatCents = cents(row.totalVatAmount);
  return { netCents: grossCents - vatCents, vatCents, grossCents };
}

/** A listed row as an original without lines. */
export function originalOfRow(issuerVat: string, row: ListedDocument): OriginalDocument {
  return {
    mark: row.mark ?? "", uid: row.uid ?? null, authenticationCode: row.authenticationCode ?? null, issuerVat,
    series: row.series, number: row.number, invoiceType: (row.invoiceType ?? "").trim(), dateIssued: row.dateIssued ?? "",
    counterpartyVat: row.counterpartyVat ?? null, counterpartyName: null, totals: listedTotals(row), lines: null, source: "provider",
  };
}

export type ListResult = { ok: true; rows: ListedDocument[]; complete: boolean } | { ok: false; detail: string };

/** The provider's list for a range, never throwing. */
export async function readList(client: ProviderClient, issuerVat: string, from: string, to: string): Promise<ListResult> {
  const outcome = await client.listDocuments({ issuerVat, from, to });
  if (outcome.kind === "listed") return { ok: true, rows: outcome.rows, complete: outcome.complete };
  return { ok: false, detail: outcome.httpStatus === null ? outcome.message : `HTTP ${outcome.httpStatus}` };
}

/** What identifies the original in a credit request. */
export interface OriginalKey {
  issuerVat: string;
  authenticationCode?: string | undefined;
  mark?: string | undefined;
  /** The day the page listed it on (`YYYY-MM-DD`): searched first. */
  issuedOn?: string | undefined;
}

export interface FoundOriginal {
  original: OriginalDocument;
  /** The rows of the list searched (to see other systems' credits of it). */
  rows: ListedDocument[];
}

function matches(row: ListedDocument, code: string | null, mark: string | null): boolean {
  if (code !== null) return cleanAuthenticationCode(row.authenticationCode ?? "") === code;
  return mark !== null && cleanMark(row.mark ?? "") === mark;
}

/**
 * The original a credit names, checked before anything else happens: found by its cleaned
 * authentication code (or its MARK alone) in our history or the provider's list, its MARK
 * matching, its type creditable. Refusals name the field (422); a list that cannot be read is
 * `original_unverifiable` (502). Nothing is written.
 */
export async function findOriginal(db: Db, client: ProviderClient, key: OriginalKey, locale: Locale, now = new Date()): Promise<FoundOriginal> {
  const code = key.authenticationCode === undefined || key.authenticationCode.trim() === "" ? null : cleanAuthenticationCode(key.authenticationCode);
  const mark = key.mark === undefined || key.mark.trim() === "" ? null : cleanMark(key.mark);
  const field = code !== null ? "authenticationCode" : "mark";
  if (code === null && mark === null) throw fieldFailure("authenticationCode", "required", locale);
  const own = await db
    .selectFrom("documents")
    .select(["mark", "series", "number"])
    .where("issuer_vat", "=", key.issuerVat)
    .where((eb) => (code !== null ? eb("authentication_code", "=", code) : eb("mark", "=", mark ?? "")))
    .executeTakeFirst();
  // Everything this dashboard issues is a credit note: never creditable itself.
  if (own !== undefined) throw fieldFailure(field, "not_creditable", locale, { invoiceType: "5.x" });
  const windows: [string, string][] = [];
  if (key.issuedOn !== undefined && /^\d{4}-\d{2}-\d{2}$/.test(key.issuedOn)) {
    const day = new Date(`${key.issuedOn}T12:00:00Z`);
    windows.push([dayOffset(day, -1), dayOffset(day, 1)]);
  }
  windows.push([dayOffset(now, -LOOKUP_DAYS), dayOffset(now, 1)]);
  let failure: string | null = null;
  for (const [from, to] of windows) {
    const list = await readList(client, key.issuerVat, from, to);
    if (!list.ok) {
      failure = list.detail;
      continue;
    }
    const row = list.rows.find((candidate) => matches(candidate, code, mark));
    if (row === undefined) continue;
    if (code !== null && mark !== null && cleanMark(row.mark ?? "") !== mark) {
      throw fieldFailure("mark", "mark_mismatch", locale, { expected: row.mark ?? "" });
    }
    if (!isCreditableType(row.invoiceType)) throw fieldFailure(field, "not_creditable", locale, { invoiceType: row.invoiceType ?? "?" });
    return { original: originalOfRow(key.issuerVat, row), rows: list.rows };
  }
  if (failure !== null) throw new AppError("original_unverifiable", { detail: failure });
  throw fieldFailure(field, "original_not_found", locale);
}

/** The original's lines from the provider's myDATA XML (`{url}/aade`); null with the reason when unreadable. */
export async function readOriginalLines(client: ProviderClient, url: string | undefined): Promise<{ lines: OriginalLine[] | null; detail: string | null; counterpartyName: string | null }> {
  if (url === undefined || url === "") return { lines: null, detail: "no url", counterpartyName: null };
  const file = await client.fetchDocumentFile(url, "aade");
  if (!file.ok) return { lines: null, detail: file.message, counterpartyName: null };
  const xml = readInvoiceXml(file.body.toString("utf8"));
  if (xml === null || xml.lines.length === 0) return { lines: null, detail: "XML", counterpartyName: null };
  return { lines: xml.lines, detail: null, counterpartyName: xml.counterpartyName };
}

/**
 * Gross of other systems' credit notes that correlate to `mark`, where the list shows them: 5.1
 * rows we did not send, dated on or after the original, whose myDATA XML names the MARK.
 */
export async function externalCreditsOf(db: Db, client: ProviderClient, issuerVat: string, original: OriginalDocument, rows: readonly ListedDocument[]): Promise<number> {
  const candidates = rows.filter((row) => row.invoiceType?.trim() === "5.1" && (row.dateIssued ?? "") >= original.dateIssued.slice(0, 10));
  if (candidates.length === 0) return 0;
  const ours = await db
    .selectFrom("documents")
    .select(["series", "number", "mark"])
    .where("issuer_vat", "=", issuerVat)
    .where("series", "in", [...new Set(candidates.map((row) => row.series))])
    .execute();
  const ourKeys = new Set(ours.map((doc) => `${doc.series}|${doc.number}`));
  const ourMarks = new Set(ours.map((doc) => doc.mark).filter((value): value is string => value !== null));
  let total = 0;
  for (const row of candidates.filter((c) => !ourKeys.has(`${c.series}|${c.number}`) && !ourMarks.has(c.mark ?? "")).slice(0, MAX_EXTERNAL_XML)) {
    if (row.url === undefined) continue;
    const file = await client.fetchDocumentFile(row.url, "aade");
    if (!file.ok) continue;
    const xml = readInvoiceXml(file.body.toString("utf8"));
    if (xml?.correlatedMarks.includes(original.mark)) total += listedTotals(row).grossCents;
  }
  return total;
}
