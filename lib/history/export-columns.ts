import { formatAthensDateTime } from "@/lib/domain/athens-time";
import { ht } from "@/lib/i18n/history-messages";
import type { Locale } from "@/lib/i18n/locale";
import type { HistoryItem } from "./views";

/**
 * The columns of the history export, shared by the CSV and the spreadsheet so both hold the same
 * rows in the same order. Each cell keeps its kind: text, an amount in cents, or a time.
 */
export type ExportCell =
  | { kind: "text"; text: string | null }
  | { kind: "status"; status: HistoryItem["status"] }
  | { kind: "amount"; cents: number | null }
  /** `raw` as stored (what the CSV writes); `athens` the same instant as Europe/Athens wall-clock time, `YYYY-MM-DDTHH:mm:ss`. */
  | { kind: "time"; raw: string; athens: string };

export const EXPORT_COLUMN_KEYS = [
  "status", "series", "number", "issued_at", "counterparty", "counterparty_vat", "net", "vat", "gross",
  "mark", "uid", "internal_document_id", "issued_by", "created_at",
] as const;

export type ExportColumnKey = (typeof EXPORT_COLUMN_KEYS)[number];

const text = (value: string | null): ExportCell => ({ kind: "text", text: value });
const amount = (cents: number | null): ExportCell => ({ kind: "amount", cents });

const CELLS: Record<ExportColumnKey, (row: HistoryItem) => ExportCell> = {
  status: (r) => ({ kind: "status", status: r.status }),
  series: (r) => text(r.series),
  number: (r) => text(r.number),
  // Already Athens wall-clock time, as sent to the provider.
  issued_at: (r) => ({ kind: "time", raw: r.issuedAt, athens: r.issuedAt }),
  counterparty: (r) => text(r.counterpartyName),
  counterparty_vat: (r) => text(r.counterpartyVat),
  net: (r) => amount(r.netCents),
  vat: (r) => amount(r.vatCents),
  gross: (r) => amount(r.grossCents),
  mark: (r) => text(r.mark),
  uid: (r) => text(r.uid),
  internal_document_id: (r) => text(r.internalDocumentId),
  issued_by: (r) => text(r.createdBy),
  // Stored as a UTC instant.
  created_at: (r) => ({ kind: "time", raw: r.createdAt, athens: formatAthensDateTime(new Date(r.createdAt)) }),
};

/** The cells of one history row, in column order. */
export function exportCellsOf(row: HistoryItem): ExportCell[] {
  return EXPORT_COLUMN_KEYS.map((key) => CELLS[key](row));
}

/** A column's header in words of the caller's language. */
export function exportHeaderOf(key: ExportColumnKey, locale: Locale): string {
  return ht(`export.col.${key}`, locale);
}

/** A status in words of the caller's language ("Εγκρίθηκε", "Accepted"). */
export function exportStatusOf(status: HistoryItem["status"], locale: Locale): string {
  return ht(`status.${status}`, locale);
}
