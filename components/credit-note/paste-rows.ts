import { parsePercent } from "@/lib/domain/parse-number";
import type { ComposeLine } from "@/lib/validation/draft-snapshot";

/** VAT rate in basis points → myDATA VAT category, for the rates a spreadsheet column can hold. */
const CATEGORY_OF_RATE: ReadonlyMap<number, number> = new Map([
  [2400, 1], [1300, 2], [600, 3], [1700, 4], [900, 5], [400, 6], [0, 7], [300, 9],
]);

export interface PastedRows {
  lines: ComposeLine[];
  /** 1-based numbers of pasted rows whose VAT % was missing or not a Greek rate (set to 24%). */
  unknownVatRows: number[];
}

function cell(cells: readonly string[], index: number): string {
  return (cells[index] ?? "").trim().replace(/^"(.*)"$/s, "$1").trim();
}

/**
 * Reads rows copied from a spreadsheet: one line per row, cells separated by tabs, in the
 * order description, quantity, unit price, VAT % ("24", "24%", "24,00"). Numbers are kept as
 * the text that was copied (the schema reads them like typed ones). Blank rows are skipped.
 */
export function parsePastedRows(text: string, template: ComposeLine): PastedRows {
  const lines: ComposeLine[] = [];
  const unknownVatRows: number[] = [];
  const rows = text.replace(/\r\n?/g, "\n").split("\n").filter((row) => row.trim() !== "");
  rows.forEach((row, index) => {
    const cells = row.split("\t");
    const rate = parsePercent(cell(cells, 3).replace(/%$/, "").trim());
    const category = rate.ok ? CATEGORY_OF_RATE.get(rate.value) : undefined;
    if (category === undefined) unknownVatRows.push(index + 1);
    lines.push({
      ...template,
      incomeClassification: { ...template.incomeClassification },
      description: cell(cells, 0),
      quantity: cell(cells, 1) || "1",
      unitPrice: cell(cells, 2),
      vatCategory: category ?? 1,
      vatExemptionCategory: null,
    });
  });
  return { lines, unknownVatRows };
}

/** True for clipboard text that spans several cells or rows (a single value pastes normally). */
export function isMultiCellPaste(text: string): boolean {
  return text.includes("\t") || text.trim().includes("\n");
}

/** True for a line nothing has been typed into yet (a paste fills it instead of adding after it). */
export function isBlankLine(line: ComposeLine): boolean {
  return line.description.trim() === "" && line.unitPrice.trim() === "";
}
