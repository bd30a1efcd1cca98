/** Presentation helpers shared by the PDF, HTML and XML renderings of a stored document. */
import { VAT_RATE_BY_CATEGORY } from "./codes";
import type { ParsedDocument } from "./types";

export interface VatBreakdownRow {
  vatCategory: number;
  ratePercent: number;
  exemption: number | null;
  underlyingCents: number;
  vatCents: number;
}

/** VAT per VAT category (and exemption reason for 0%), summed from the lines: two 4% categories stay apart. */
export function vatBreakdown(doc: ParsedDocument): VatBreakdownRow[] {
  const rows = new Map<string, VatBreakdownRow>();
  for (const line of doc.lines) {
    const ratePercent = VAT_RATE_BY_CATEGORY.get(line.vatCategory) ?? 0;
    const key = `${line.vatCategory}|${line.vatExemption ?? ""}`;
    const row = rows.get(key) ?? { vatCategory: line.vatCategory, ratePercent, exemption: line.vatExemption, underlyingCents: 0, vatCents: 0 };
    rows.set(key, { ...row, underlyingCents: row.underlyingCents + line.netCents, vatCents: row.vatCents + line.vatCents });
  }
  return [...rows.values()].sort((a, b) => b.ratePercent - a.ratePercent || a.vatCategory - b.vatCategory);
}

/** Greek-style amount: 1.234,56 € (integer arithmetic, no float formatting). */
export function formatEuro(cents: number): string {
  const sign = cents < 0 ? "-" : "";
  const abs = Math.abs(cents);
  const whole = String(Math.trunc(abs / 100)).replace(/\B(?=(\d{3})+(?!\d))/g, ".");
  return `${sign}${whole},${String(abs % 100).padStart(2, "0")} €`;
}

/** Quantity as written on the document, decimal comma. */
export function formatQuantity(quantity: number): string {
  return String(quantity).replace(".", ",");
}

export function lineDescription(descriptions: string[]): string {
  return descriptions[0] ?? "";
}

/** The Greek words of each family of taxes beyond VAT, as printed on the document. */
const TAX_WORDS = { withheld: "Παρακράτηση φόρου", fees: "Τέλη", stampDuty: "Χαρτόσημο", otherTaxes: "Λοιποί φόροι", deductions: "Κρατήσεις" } as const;

type Line = ParsedDocument["lines"][number];

/** myDATA's payable amount of a line: net + VAT − withheld + fees + stamp duty + other taxes − deductions. */
export function linePayableCents(line: Line): number {
  const { withheld, fees, stampDuty, otherTaxes, deductionsCents } = line.taxes;
  return line.totalCents - withheld.amountCents + fees.amountCents + stampDuty.amountCents + otherTaxes.amountCents - deductionsCents;
}

/**
 * A line's taxes beyond VAT as printed under it, each with its family, category and amount, and
 * the line's payable amount: ["Παρακράτηση φόρου (κατ. 3): 20,00 €", …, "Πληρωτέο γραμμής: 104,44 €"];
 * empty for a plain line.
 */
export function lineTaxTexts(line: Line): string[] {
  const texts: string[] = [];
  for (const family of ["withheld", "fees", "stampDuty", "otherTaxes"] as const) {
    const tax = line.taxes[family];
    if (tax.category !== null) texts.push(`${TAX_WORDS[family]} (κατ. ${tax.category}): ${formatEuro(tax.amountCents)}`);
  }
  if (line.taxes.deductionsCents > 0) texts.push(`${TAX_WORDS.deductions}: ${formatEuro(line.taxes.deductionsCents)}`);
  return texts.length === 0 ? [] : [...texts, `Πληρωτέο γραμμής: ${formatEuro(linePayableCents(line))}`];
}

/**
 * The document's totals of the taxes beyond VAT and its payable amount (totalGrossValue), as
 * printed beside the totals; empty when no line carries a tax beyond VAT.
 */
export function taxTotalTexts(doc: ParsedDocument): string[] {
  const carries = doc.lines.some((line) => lineTaxTexts(line).length > 0);
  if (!carries) return [];
  const sum = (of: (line: Line) => number) => doc.lines.reduce((total, line) => total + of(line), 0);
  return [
    `${TAX_WORDS.withheld}: ${formatEuro(sum((line) => line.taxes.withheld.amountCents))}`,
    `${TAX_WORDS.fees}: ${formatEuro(sum((line) => line.taxes.fees.amountCents))}`,
    `${TAX_WORDS.stampDuty}: ${formatEuro(sum((line) => line.taxes.stampDuty.amountCents))}`,
    `${TAX_WORDS.otherTaxes}: ${formatEuro(sum((line) => line.taxes.otherTaxes.amountCents))}`,
    `${TAX_WORDS.deductions}: ${formatEuro(sum((line) => line.taxes.deductionsCents))}`,
    `Πληρωτέο: ${formatEuro(doc.summary.grossCents)}`,
  ];
}
