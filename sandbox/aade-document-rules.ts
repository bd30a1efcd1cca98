/** myDATA rules on the document as a whole: counterpart AFM, summaries, VAT analysis, payments. */
import { isValidGreekAfm } from "./afm";
import { formatCents } from "./amounts";
import { AadeCode } from "./aade-codes";
import { fiscalIssues, lineTaxTotals } from "./aade-fiscal-rules";
import { VAT_RATE_BY_CATEGORY } from "./codes";
import type { AadeIssue, ParsedDocument } from "./types";

function sum(values: number[]): number {
  return values.reduce((total, value) => total + value, 0);
}

function issue(code: number, text: string, field: string): AadeIssue {
  return { code, text, field, line: null };
}

function differs(label: string, stated: number, expected: number): string {
  return `${label} ${formatCents(stated)} differs from the sum of the lines ${formatCents(expected)}.`;
}

function counterpartIssues(doc: ParsedDocument): AadeIssue[] {
  const party = doc.counterparty;
  if (party === null || party.countryCode !== "GR" || isValidGreekAfm(party.afm)) return [];
  return [issue(AadeCode.InvalidCounterpartAfm, `Counterpart VAT number ${party.vat} is not a valid Greek AFM (check digit).`, "CounterParty.Vat")];
}

function summaryIssues(doc: ParsedDocument): AadeIssue[] {
  const issues: AadeIssue[] = [];
  const net = sum(doc.lines.map((line) => line.netCents));
  const vat = sum(doc.lines.map((line) => line.vatCents));
  // myDATA's totalGrossValue: net + VAT − withheld + fees + stamp duty + other taxes − deductions.
  const taxes = lineTaxTotals(doc.lines);
  const gross = sum(doc.lines.map((line) => line.totalCents))
    - taxes.withheldCents + taxes.feesCents + taxes.stampDutyCents + taxes.otherTaxesCents - taxes.deductionsCents;
  const { summary } = doc;
  if (summary.netCents !== net) issues.push(issue(AadeCode.SummaryNet, differs("TotalNetAmount", summary.netCents, net), "Summaries.TotalNetAmount"));
  if (summary.vatCents !== vat) issues.push(issue(AadeCode.SummaryVat, differs("TotalVATAmount", summary.vatCents, vat), "Summaries.TotalVATAmount"));
  if (summary.grossCents !== gross) {
    const text = `TotalGrossValue ${formatCents(summary.grossCents)} differs from net + VAT − withheld + fees + stamp duty + other taxes − deductions of the lines ${formatCents(gross)}.`;
    issues.push(issue(AadeCode.SummaryGross, text, "Summaries.TotalGrossValue"));
  }
  return issues;
}

interface RateTotals {
  netCents: number;
  vatCents: number;
  firstIndex: number;
}

/** Rows may split one rate (e.g. 0% by exemption reason), so both sides are summed per rate. */
function vatAnalysisIssues(doc: ParsedDocument): AadeIssue[] {
  if (doc.vatAnalysis.length === 0) return [];
  const fromLines = new Map<number, RateTotals>();
  doc.lines.forEach((line, index) => {
    const rate = VAT_RATE_BY_CATEGORY.get(line.vatCategory) ?? 0;
    const totals = fromLines.get(rate) ?? { netCents: 0, vatCents: 0, firstIndex: index };
    fromLines.set(rate, { ...totals, netCents: totals.netCents + line.netCents, vatCents: totals.vatCents + line.vatCents });
  });
  const fromRows = new Map<number, RateTotals>();
  doc.vatAnalysis.forEach((row, index) => {
    const totals = fromRows.get(row.ratePercent) ?? { netCents: 0, vatCents: 0, firstIndex: index };
    fromRows.set(row.ratePercent, { ...totals, netCents: totals.netCents + row.underlyingCents, vatCents: totals.vatCents + row.vatCents });
  });
  const issues: AadeIssue[] = [];
  for (const [rate, row] of fromRows) {
    const path = `VatAnalysis[${row.firstIndex}]`;
    const lines = fromLines.get(rate);
    if (lines === undefined) {
      issues.push(issue(AadeCode.VatAnalysisRates, `VAT analysis has a ${rate}% row but no line has that rate.`, `${path}.Percentage`));
      continue;
    }
    if (row.netCents !== lines.netCents) {
      issues.push(issue(AadeCode.VatAnalysisAmount, differs(`Underlying value at ${rate}%`, row.netCents, lines.netCents), `${path}.UnderlyingValue`));
    }
    if (row.vatCents !== lines.vatCents) {
      issues.push(issue(AadeCode.VatAnalysisAmount, differs(`VAT amount at ${rate}%`, row.vatCents, lines.vatCents), `${path}.VatAmount`));
    }
  }
  for (const rate of fromLines.keys()) {
    if (!fromRows.has(rate)) issues.push(issue(AadeCode.VatAnalysisRates, `VAT analysis has no row for the ${rate}% lines.`, "VatAnalysis"));
  }
  return issues;
}

function paymentIssues(doc: ParsedDocument): AadeIssue[] {
  if (doc.payments.length === 0) return [];
  const paid = sum(doc.payments.map((payment) => payment.amountCents));
  if (paid === doc.summary.grossCents) return [];
  const field = doc.payments.length === 1 ? "PaymentDetails.PaymentMethods[0].Amount" : "PaymentDetails.PaymentMethods";
  const text = `Payment amounts ${formatCents(paid)} differ from TotalGrossValue ${formatCents(doc.summary.grossCents)}.`;
  return [issue(AadeCode.PaymentsTotal, text, field)];
}

function correlationIssues(doc: ParsedDocument): AadeIssue[] {
  if (doc.invoiceType === "5.1" && doc.correlatedMarks.length === 0) {
    return [issue(AadeCode.CorrelationMissing, "A 5.1 credit invoice must name the MARK(s) it corrects.", "CorrelatedInvoices")];
  }
  if (doc.invoiceType === "5.2" && doc.correlatedMarks.length > 0) {
    return [issue(AadeCode.CorrelationNotAllowed, "A 5.2 credit invoice is not associated: CorrelatedInvoices must be empty.", "CorrelatedInvoices")];
  }
  return [];
}

export function documentIssues(doc: ParsedDocument): AadeIssue[] {
  return [
    ...counterpartIssues(doc), ...fiscalIssues(doc), ...correlationIssues(doc), ...summaryIssues(doc), ...vatAnalysisIssues(doc),
    ...paymentIssues(doc),
  ];
}
