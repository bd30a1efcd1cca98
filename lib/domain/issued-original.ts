import { vatOfNet } from "./line-amounts";
import { vatRatePercent } from "./codes";
import { roundHalfUpDiv, toSafeNumber } from "./money";
import type { Cents } from "./types";

/**
 * An issued document that can be credited (the "original"), provider-neutral: from our own
 * record when we sent it, else read from the provider's list and its myDATA XML. Pure.
 */

/** One line of the original as myDATA holds it. */
export interface OriginalLine {
  lineNumber: number;
  description: string;
  /** Thousandths of the unit. */
  quantityMilli: number;
  unitCode: number;
  netCents: Cents;
  vatCents: Cents;
  vatCategory: number;
  vatExemptionCategory: number | null;
  incomeClassification: { category: string; type: string | null } | null;
}

export interface OriginalTotals {
  netCents: Cents;
  vatCents: Cents;
  grossCents: Cents;
}

/** What the clerk sees of an original before crediting it. */
export interface OriginalDocument {
  mark: string;
  uid: string | null;
  authenticationCode: string | null;
  issuerVat: string;
  series: string;
  number: string;
  invoiceType: string;
  /** `YYYY-MM-DD…` as listed. */
  dateIssued: string;
  counterpartyVat: string | null;
  counterpartyName: string | null;
  totals: OriginalTotals;
  /** Null when neither our record nor the provider's XML could give the lines. */
  lines: OriginalLine[] | null;
  /** Where the lines and totals come from. */
  source: "history" | "provider";
}

/**
 * myDATA types that can be credited here: sales and service invoices (1.x, 2.x) and retail
 * receipts (11.x; the provider answers with an 11.4). Credit notes (5.x) and every other kind never are.
 */
export function isCreditableType(invoiceType: string | null | undefined): boolean {
  const type = (invoiceType ?? "").trim();
  return /^(1\.[1-6]|2\.[1-4]|11\.[1-3])$/.test(type);
}

/** myDATA types of credit notes (their amounts count against their correlated original). */
export function isCreditNoteType(invoiceType: string | null | undefined): boolean {
  return /^(5\.[12]|11\.4)$/.test((invoiceType ?? "").trim());
}

/** A pasted authentication code: spaces, dashes and line breaks removed, upper case (40 hex digits when valid). */
export function cleanAuthenticationCode(text: string): string {
  return text.replace(/[\s\-]/g, "").toUpperCase();
}

/** A pasted MARK: spaces, dots and separators removed (digits when valid). */
export function cleanMark(text: string): string {
  return text.replace(/[\s.,'\u00a0-]/g, "");
}

/** What one chosen line of a credit of part asks for. */
export interface PartLine {
  lineNumber: number;
  quantityMilli: number;
}

/** A line of a credit of part, with amounts in the original's proportion. */
export interface PartLineAmounts {
  line: OriginalLine;
  quantityMilli: number;
  netCents: Cents;
  vatCents: Cents;
  /** Net per unit, half-up to the cent: what the composed line carries as its unit price. */
  unitNetCents: Cents;
}

/**
 * The amounts of a credit of part: each chosen line's net is the original line's unit net
 * (half-up to the cent) × the quantity, half-up, and its VAT is the category's rate of that net —
 * exactly what the compose path computes for a line with that net price and quantity (the
 * server recomputes the composed draft anyway; this is the preview). Throws a
 * RangeError naming the line when it does not exist, is chosen twice, or its quantity is not
 * between 0 (excluded) and the original's.
 */
export function partCreditAmounts(lines: readonly OriginalLine[], chosen: readonly PartLine[]): { lines: PartLineAmounts[]; totals: OriginalTotals } {
  const seen = new Set<number>();
  const result = chosen.map((part) => {
    const line = lines.find((candidate) => candidate.lineNumber === part.lineNumber);
    if (line === undefined || seen.has(part.lineNumber)) throw new RangeError(`line ${part.lineNumber}`);
    seen.add(part.lineNumber);
    if (!Number.isSafeInteger(part.quantityMilli) || part.quantityMilli <= 0 || part.quantityMilli > line.quantityMilli) {
      throw new RangeError(`line ${part.lineNumber}`);
    }
    const unitNetCents = toSafeNumber(roundHalfUpDiv(BigInt(line.netCents) * 1000n, BigInt(line.quantityMilli)));
    const netCents = toSafeNumber(roundHalfUpDiv(BigInt(unitNetCents) * BigInt(part.quantityMilli), 1000n));
    const vatCents = vatOfNet(netCents, vatRatePercent(line.vatCategory) ?? 0);
    return { line, quantityMilli: part.quantityMilli, netCents, vatCents, unitNetCents };
  });
  const netCents = result.reduce((sum, line) => sum + line.netCents, 0);
  const vatCents = result.reduce((sum, line) => sum + line.vatCents, 0);
  return { lines: result, totals: { netCents, vatCents, grossCents: netCents + vatCents } };
}
