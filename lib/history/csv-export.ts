import { centsToDecimalString } from "@/lib/domain/money";
import type { Locale } from "@/lib/i18n/locale";
import { EXPORT_COLUMN_KEYS, exportCellsOf, exportHeaderOf, exportStatusOf, type ExportCell } from "./export-columns";
import type { HistoryItem } from "./views";

/**
 * The CSV dialect of each language. A Greek Excel splits on `;` and reads `7,99` as a number, so
 * the Greek file uses those, with Greek headers and status names; the English file keeps the
 * machine-readable shape it always had (`,`, `7.99`, column keys, status codes).
 */
const DIALECTS = {
  el: { separator: ";", decimal: ",", words: true },
  en: { separator: ",", decimal: ".", words: false },
} as const satisfies Record<Locale, { separator: string; decimal: string; words: boolean }>;

/** RFC 4180 field; formula-looking text is prefixed so spreadsheets never evaluate it. */
export function csvField(value: string | number | null): string {
  if (value === null) return "";
  let text = String(value);
  if (typeof value === "string" && /^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\r\n;]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** An amount in cents as the language writes decimals, without grouping (644 → `6,44` / `6.44`). */
export function csvAmount(cents: number, locale: Locale): string {
  return centsToDecimalString(cents).replace(".", DIALECTS[locale].decimal);
}

function csvCell(cell: ExportCell, locale: Locale): string {
  switch (cell.kind) {
    case "text":
      return csvField(cell.text);
    case "status":
      return csvField(DIALECTS[locale].words ? exportStatusOf(cell.status, locale) : cell.status);
    case "amount":
      // Digits, one decimal mark and perhaps a sign: nothing to quote, nothing a spreadsheet evaluates.
      return cell.cents === null ? "" : csvAmount(cell.cents, locale);
    case "time":
      return csvField(cell.raw);
  }
}

/** The header line of the export in a language, CRLF-terminated. */
export function csvHeaderLine(locale: Locale): string {
  const { separator, words } = DIALECTS[locale];
  return `${EXPORT_COLUMN_KEYS.map((key) => csvField(words ? exportHeaderOf(key, locale) : key)).join(separator)}\r\n`;
}

/** One history row as a CSV line in a language, CRLF-terminated. */
export function csvLine(row: HistoryItem, locale: Locale): string {
  return `${exportCellsOf(row).map((cell) => csvCell(cell, locale)).join(DIALECTS[locale].separator)}\r\n`;
}

/** The separator of a language's CSV (`;` in Greek, `,` in English). */
export function csvSeparatorOf(locale: Locale): string {
  return DIALECTS[locale].separator;
}
