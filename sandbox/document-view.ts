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
