import "server-only";
import { getReadyDb } from "@/lib/db/ready";
import { centsToDecimalString } from "@/lib/domain/money";
import { AppError } from "@/lib/domain/errors";
import { uuidOf } from "@/lib/domain/ids";
import type { Locale } from "@/lib/i18n/locale";
import { fieldFailure, parseOrFail } from "@/lib/validation/parse";
import { transmissionQuerySchema } from "@/lib/validation/requests";
import { filterOf } from "./filter";
import { exportTransmissionRows, listTransmissions } from "./queries";
import { getTransmission, type TransmissionSummary } from "./transmission-views";

/** The read side's answers to the transmissions API: list, detail and CSV export. */

/** One page of the history for a query string (filters, keyset cursor, limit). */
export async function listFromQuery(query: Record<string, string>, locale: Locale) {
  const parsed = parseOrFail(transmissionQuerySchema, query, locale);
  const db = await getReadyDb();
  try {
    return await listTransmissions(db, { ...filterOf(parsed), cursor: parsed.cursor, limit: parsed.limit });
  } catch (error) {
    if (error instanceof RangeError) {
      throw fieldFailure("cursor", "invalid_cursor", locale);
    }
    throw error;
  }
}

/** A document with its attempts and events; 404 when unknown. */
export async function detailOf(rawId: string) {
  const detail = await getTransmission(await getReadyDb(), uuidOf(rawId, "document"));
  if (!detail) throw new AppError("not_found", { subject: "document" });
  return detail;
}

const CSV_COLUMNS: [string, (row: TransmissionSummary) => string | number | null][] = [
  ["status", (r) => r.status],
  ["series", (r) => r.series],
  ["number", (r) => r.number],
  ["issued_at", (r) => r.issuedAt],
  ["counterparty", (r) => r.counterpartyName],
  ["counterparty_vat", (r) => r.counterpartyVat],
  ["net", (r) => (r.netCents === null ? null : centsToDecimalString(r.netCents))],
  ["vat", (r) => (r.vatCents === null ? null : centsToDecimalString(r.vatCents))],
  ["gross", (r) => (r.grossCents === null ? null : centsToDecimalString(r.grossCents))],
  ["mark", (r) => r.mark],
  ["uid", (r) => r.uid],
  ["internal_document_id", (r) => r.internalDocumentId],
  ["issued_by", (r) => r.createdBy],
  ["created_at", (r) => r.createdAt],
];

/** RFC 4180 field; formula-looking text is prefixed so spreadsheets never evaluate it. */
export function csvField(value: string | number | null): string {
  if (value === null) return "";
  let text = String(value);
  if (typeof value === "string" && /^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\r\n;]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/**
 * The filtered history as CSV (UTF-8 with BOM so Excel opens Greek correctly), streamed page by
 * page with the same filters as the list — exactly the rows the table shows for that filter.
 */
export async function exportCsvFromQuery(query: Record<string, string>, locale: Locale): Promise<ReadableStream<Uint8Array>> {
  const { cursor: _cursor, limit: _limit, ...parsed } = parseOrFail(transmissionQuerySchema, query, locale);
  const rows = exportTransmissionRows(await getReadyDb(), filterOf({ ...parsed, cursor: undefined, limit: 200 }));
  const encoder = new TextEncoder();
  return new ReadableStream({
    start(controller) {
      controller.enqueue(encoder.encode(`\uFEFF${CSV_COLUMNS.map(([name]) => name).join(",")}\r\n`));
    },
    async pull(controller) {
      const next = await rows.next();
      if (next.done) controller.close();
      else controller.enqueue(encoder.encode(`${CSV_COLUMNS.map(([, get]) => csvField(get(next.value))).join(",")}\r\n`));
    },
    async cancel() {
      await rows.return(undefined);
    },
  });
}
