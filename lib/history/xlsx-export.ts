import "server-only";
import { PassThrough, Readable } from "node:stream";
import ExcelJS from "exceljs";
import { centsToDecimal } from "@/lib/domain/money";
import { ht } from "@/lib/i18n/history-messages";
import type { Locale } from "@/lib/i18n/locale";
import { EXPORT_COLUMN_KEYS, exportCellsOf, exportHeaderOf, exportStatusOf, type ExportCell, type ExportColumnKey } from "./export-columns";
import type { HistoryItem } from "./views";

/** Euros with two decimals; Excel shows the separators of the reader's own settings. */
export const EURO_FORMAT = '#,##0.00 "€"';
const DATE_FORMATS: Record<Locale, string> = { el: "dd/mm/yyyy hh:mm:ss", en: "yyyy-mm-dd hh:mm:ss" };

/** Widths in characters, wide enough for the usual content of each column. */
const WIDTHS: Record<ExportColumnKey, number> = {
  status: 18, series: 10, number: 10, issued_at: 20, counterparty: 36, counterparty_vat: 16, net: 14, vat: 12, gross: 14,
  mark: 18, uid: 42, internal_document_id: 38, issued_by: 30, created_at: 20,
};

type XlsxValue = string | number | Date | null;

/**
 * Athens wall-clock text as the Date a spreadsheet shows as that time: spreadsheet dates carry no
 * zone and exceljs writes a Date by its UTC fields, so the wall clock goes into the UTC fields.
 */
export function spreadsheetDateOf(athens: string): Date {
  return new Date(`${athens}Z`);
}

function xlsxValue(cell: ExportCell, locale: Locale): XlsxValue {
  switch (cell.kind) {
    case "text":
      return cell.text;
    case "status":
      return exportStatusOf(cell.status, locale);
    case "amount":
      return cell.cents === null ? null : centsToDecimal(cell.cents);
    case "time":
      return spreadsheetDateOf(cell.athens);
  }
}

/** Resolves when the consumer has read what is buffered, or has gone away. */
function drained(out: PassThrough): Promise<void> {
  return new Promise((resolve) => {
    const done = () => {
      out.off("drain", done);
      out.off("close", done);
      resolve();
    };
    out.on("drain", done);
    out.on("close", done);
  });
}

/**
 * The history rows as an .xlsx workbook, written row by row with exceljs' streaming writer: a
 * frozen header row in the caller's language, amounts as numbers in euros, times as date cells
 * in Europe/Athens time. Between pages it waits for the reader, so a large history is never
 * held in memory at once; a reader that goes away stops the rows.
 */
export function xlsxStream(rows: AsyncGenerator<HistoryItem>, locale: Locale, pageSize = 200): ReadableStream<Uint8Array> {
  const out = new PassThrough();
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useStyles: true, useSharedStrings: false });
  const sheet = workbook.addWorksheet(ht("export.sheet", locale), { views: [{ state: "frozen", ySplit: 1 }] });
  sheet.columns = EXPORT_COLUMN_KEYS.map((key) => ({ header: exportHeaderOf(key, locale), key, width: WIDTHS[key] }));
  sheet.getRow(1).font = { bold: true };
  const formats = EXPORT_COLUMN_KEYS.map((key) =>
    key === "net" || key === "vat" || key === "gross" ? EURO_FORMAT : key === "issued_at" || key === "created_at" ? DATE_FORMATS[locale] : undefined);

  const write = async () => {
    let written = 0;
    for await (const item of rows) {
      if (out.destroyed) break;
      const row = sheet.addRow(exportCellsOf(item).map((cell) => xlsxValue(cell, locale)));
      formats.forEach((numFmt, index) => {
        if (numFmt !== undefined) row.getCell(index + 1).numFmt = numFmt;
      });
      row.commit();
      written += 1;
      if (written % pageSize === 0 && out.writableNeedDrain) await drained(out);
    }
    if (out.destroyed) return;
    sheet.commit();
    await workbook.commit();
  };
  write().catch((error: unknown) => out.destroy(error instanceof Error ? error : new Error(String(error))));
  return Readable.toWeb(out) as ReadableStream<Uint8Array>;
}
