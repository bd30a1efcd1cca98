import "server-only";
import { getReadyDb } from "@/lib/db/ready";
import { AppError } from "@/lib/domain/errors";
import { uuidOf } from "@/lib/domain/ids";
import type { Locale } from "@/lib/i18n/locale";
import { fieldFailure, parseOrFail } from "@/lib/validation/parse";
import { transmissionQuerySchema } from "@/lib/validation/requests";
import { csvHeaderLine, csvLine } from "./csv-export";
import { filterOf } from "./filter";
import { exportTransmissionRows, listTransmissions } from "./queries";
import { getTransmission } from "./transmission-views";
import { xlsxStream } from "./xlsx-export";

/** The read side's answers to the transmissions API: list, detail and the CSV and spreadsheet exports. */

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

const EXPORT_PAGE_SIZE = 200;

/** The parsed filters of an export query, all pages: the rows the list shows for that filter, in its order. */
async function exportRowsOf(query: Record<string, string>, locale: Locale) {
  const { cursor: _cursor, limit: _limit, ...parsed } = parseOrFail(transmissionQuerySchema, query, locale);
  return exportTransmissionRows(await getReadyDb(), filterOf({ ...parsed, cursor: undefined, limit: EXPORT_PAGE_SIZE }));
}

/**
 * The filtered history as CSV (UTF-8 with BOM so Excel opens Greek correctly), streamed page by
 * page with the same filters as the list — exactly the rows the table shows for that filter. The
 * dialect follows the caller's language (csv-export.ts).
 */
export async function exportCsvFromQuery(query: Record<string, string>, locale: Locale): Promise<ReadableStream<Uint8Array>> {
  const rows = await exportRowsOf(query, locale);
  const encoder = new TextEncoder();
  return new ReadableStream({
    start(controller) {
      controller.enqueue(encoder.encode(`\uFEFF${csvHeaderLine(locale)}`));
    },
    async pull(controller) {
      const next = await rows.next();
      if (next.done) controller.close();
      else controller.enqueue(encoder.encode(csvLine(next.value, locale)));
    },
    async cancel() {
      await rows.return(undefined);
    },
  });
}

/** The filtered history as an .xlsx spreadsheet: the CSV's rows, with real numbers and dates (xlsx-export.ts). */
export async function exportXlsxFromQuery(query: Record<string, string>, locale: Locale): Promise<ReadableStream<Uint8Array>> {
  return xlsxStream(await exportRowsOf(query, locale), locale, EXPORT_PAGE_SIZE);
}
