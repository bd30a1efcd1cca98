import "server-only";
import { findCounterparty, findCounterpartyByVat } from "@/lib/db/counterparty-queries";
import type { Db } from "@/lib/db/schema";
import { isUuid } from "@/lib/domain/ids";
import { SUMMARY_COLUMNS, toTransmissionSummary, type TransmissionSummary } from "@/lib/history/transmission-views";

/** One month of a customer's credit notes: accepted documents only (what myDATA holds). */
export interface CreditedMonth {
  /** `YYYY-MM` of the issue date (Europe/Athens, as sent). */
  month: string;
  count: number;
  netCents: number;
  vatCents: number;
  grossCents: number;
}

export interface CounterpartyPage {
  /** The address-book entry, when the customer is in it. */
  entryId: string | null;
  name: string;
  vat: string;
  documents: TransmissionSummary[];
  /** Newest month first. */
  months: CreditedMonth[];
  /** The sums of `months`. */
  total: Omit<CreditedMonth, "month">;
  /** More documents exist than `documents` holds (the history, filtered by VAT, has them all). */
  truncated: boolean;
}

/** The forms a VAT number is stored in by documents: a Greek AFM with and without `EL`. */
function vatForms(vat: string): string[] {
  const compact = vat.replace(/[\s.-]/g, "").toUpperCase();
  if (/^\d{9}$/.test(compact)) return [compact, `EL${compact}`];
  if (/^EL\d{9}$/.test(compact)) return [compact, compact.slice(2)];
  return [compact];
}

/**
 * A customer's page: its documents (newest first, at most `limit`) and its credited totals per
 * month over all of its accepted documents. `key` is an address-book id or a VAT number (the
 * history links by VAT; a customer need not be in the address book). Null when neither the
 * address book nor any document knows it.
 */
export async function loadCounterpartyPage(db: Db, key: string, limit = 500): Promise<CounterpartyPage | null> {
  const entry = isUuid(key) ? await findCounterparty(db, { id: key }) : await findCounterpartyByVat(db, { vat: key.toUpperCase() });
  if (isUuid(key) && entry === undefined) return null;
  const vat = entry?.vat ?? key;
  const forms = vatForms(vat);
  const rows = await db.selectFrom("documents").select(SUMMARY_COLUMNS).where("counterparty_vat", "in", forms)
    .orderBy("created_at", "desc").orderBy("id", "desc").limit(limit + 1).execute();
  if (entry === undefined && rows.length === 0) return null;
  const accepted = await db.selectFrom("documents").select(["issued_at", "net_cents", "vat_cents", "gross_cents"])
    .where("counterparty_vat", "in", forms).where("status", "=", "accepted").execute();
  const byMonth = new Map<string, CreditedMonth>();
  for (const row of accepted) {
    const month = row.issued_at.slice(0, 7);
    const sums = byMonth.get(month) ?? { month, count: 0, netCents: 0, vatCents: 0, grossCents: 0 };
    sums.count += 1;
    sums.netCents += Number(row.net_cents ?? 0);
    sums.vatCents += Number(row.vat_cents ?? 0);
    sums.grossCents += Number(row.gross_cents ?? 0);
    byMonth.set(month, sums);
  }
  const months = [...byMonth.values()].sort((a, b) => b.month.localeCompare(a.month));
  const total = months.reduce((sum, m) => ({ count: sum.count + m.count, netCents: sum.netCents + m.netCents, vatCents: sum.vatCents + m.vatCents, grossCents: sum.grossCents + m.grossCents }),
    { count: 0, netCents: 0, vatCents: 0, grossCents: 0 });
  const documents = rows.slice(0, limit).map(toTransmissionSummary);
  return { entryId: entry?.id ?? null, name: entry?.name ?? documents[0]?.counterpartyName ?? vat, vat, documents, months, total, truncated: rows.length > limit };
}
