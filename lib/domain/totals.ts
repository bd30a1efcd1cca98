import { vatRatePercent } from "./codes";
import { computeLineAmounts } from "./line-amounts";
import { grossOf } from "./line-taxes";
import { sumCents } from "./money";
import type { DocumentTotals, LineAmounts, LineInput, PaymentInput, PriceEntry, VatAnalysisRow } from "./types";

export interface TotalsInput {
  priceEntry: PriceEntry;
  lines: readonly LineInput[];
  payments: readonly PaymentInput[];
}

/** Only 0% lines carry an exemption reason; on taxed lines a stray one does not split the row. */
function exemptionKey(line: LineInput): number | null {
  return vatRatePercent(line.vatCategory) === 0 ? line.vatExemptionCategory : null;
}

function compareRows(a: VatAnalysisRow, b: VatAnalysisRow): number {
  if (a.vatCategory !== b.vatCategory) return a.vatCategory - b.vatCategory;
  return (a.vatExemptionCategory ?? -1) - (b.vatExemptionCategory ?? -1);
}

/**
 * One row per (VAT category, exemption reason), in ascending category order (then exemption,
 * none first), with the sums of the rounded line nets (underlying value) and line VATs.
 */
export function computeVatAnalysis(lines: readonly LineInput[], amounts: readonly LineAmounts[]): VatAnalysisRow[] {
  const rows = new Map<string, VatAnalysisRow>();
  lines.forEach((line, index) => {
    const lineAmounts = amounts[index];
    if (!lineAmounts) throw new RangeError("computeVatAnalysis: one amounts entry per line is required");
    const exemption = exemptionKey(line);
    const key = `${line.vatCategory}/${exemption ?? ""}`;
    const row = rows.get(key) ?? {
      vatCategory: line.vatCategory,
      ratePercent: vatRatePercent(line.vatCategory) ?? 0,
      vatExemptionCategory: exemption,
      underlyingValueCents: 0,
      vatCents: 0,
    };
    row.underlyingValueCents += lineAmounts.netCents;
    row.vatCents += lineAmounts.vatCents;
    rows.set(key, row);
  });
  return [...rows.values()].sort(compareRows);
}

/**
 * Totals of a credit note, in integer cents. Each line is rounded on its own
 * (`computeLineAmounts`); the document totals are the sums of the rounded lines, never a
 * recomputation on the total (three lines of 0.35 at 24% give VAT 0.24, not 0.25).
 * gross = net + VAT − withheld + fees + stamp duty + other taxes − deductions (myDATA's
 * totalGrossValue; each tax the sum of the rounded line taxes); paymentDifferenceCents = Σ payments − gross (0 when they add up,
 * negative when payments fall short).
 * @throws RangeError as `computeLineAmounts` does for a line validation should have refused.
 */
export function computeTotals(input: TotalsInput): DocumentTotals {
  const lines = input.lines.map((line) => computeLineAmounts(line, input.priceEntry));
  const netCents = sumCents(lines.map((line) => line.netCents));
  const vatCents = sumCents(lines.map((line) => line.vatCents));
  const taxes = {
    withheldCents: sumCents(lines.map((line) => line.withheldCents)),
    feesCents: sumCents(lines.map((line) => line.feesCents)),
    stampDutyCents: sumCents(lines.map((line) => line.stampDutyCents)),
    otherTaxesCents: sumCents(lines.map((line) => line.otherTaxesCents)),
    deductionsCents: sumCents(lines.map((line) => line.deductionsCents)),
  };
  const grossCents = grossOf(netCents, vatCents, taxes);
  const paidCents = sumCents(input.payments.map((payment) => payment.amountCents));
  return {
    lines,
    netCents,
    vatCents,
    ...taxes,
    grossCents,
    vatAnalysis: computeVatAnalysis(input.lines, lines),
    paymentDifferenceCents: paidCents - grossCents,
  };
}
