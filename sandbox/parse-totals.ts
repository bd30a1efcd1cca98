/** Provider-level checks of Summaries, VatAnalysis and PaymentDetails. */
import { PAYMENT_METHOD_CODES, VAT_EXEMPTION_CODES } from "./codes";
import { getField, getObject } from "./json-fields";
import { readCode, readMoney, readText, reportInvalid, reportMissing, type ParseContext } from "./parse-fields";
import type { ParsedPayment, ParsedSummaryTotals, StatedVatRow } from "./types";

export function parseSummary(ctx: ParseContext, doc: unknown): ParsedSummaryTotals | null {
  const summaries = getObject(doc, "Summaries");
  if (summaries === undefined) {
    reportMissing(ctx, "Summaries");
    return null;
  }
  const netCents = readMoney(ctx, summaries, "Summaries", "TotalNetAmount", null, { required: true });
  const vatCents = readMoney(ctx, summaries, "Summaries", "TotalVATAmount", null, { required: true });
  const grossCents = readMoney(ctx, summaries, "Summaries", "TotalGrossValue", null, { required: true });
  const optional = (name: string) => readMoney(ctx, summaries, "Summaries", name, null);
  const taxes = {
    withheldCents: optional("TotalWithheldAmount"),
    feesCents: optional("TotalFeesAmount"),
    stampDutyCents: optional("TotalStampDutyAmount"),
    otherTaxesCents: optional("TotalOtherTaxesAmount"),
    deductionsCents: optional("TotalDeductionsAmount"),
  };
  if (netCents === null || vatCents === null || grossCents === null) return null;
  return { netCents, vatCents, grossCents, ...taxes };
}

/** A row's rate comes from Percentage, or failing that from its Name ("24", "24%"). */
function readRate(ctx: ParseContext, row: unknown, path: string): number | null {
  const percentage = getField(row, "Percentage");
  const source = percentage ?? readText(ctx, row, path, "Name");
  const rate = typeof source === "number" ? source : typeof source === "string" ? Number.parseFloat(source) : Number.NaN;
  if (!Number.isFinite(rate) || rate < 0) {
    if (percentage === undefined) reportMissing(ctx, `${path}.Percentage`);
    else reportInvalid(ctx, `${path}.Percentage`, `${path}.Percentage must be a number.`);
    return null;
  }
  return rate;
}

/** VatAnalysis is optional; when sent, every row needs a rate, its VAT and its underlying value. */
export function parseVatAnalysis(ctx: ParseContext, doc: unknown): StatedVatRow[] {
  const rows = getField(doc, "VatAnalysis");
  if (rows === undefined || rows === null) return [];
  if (!Array.isArray(rows)) {
    reportInvalid(ctx, "VatAnalysis", "VatAnalysis must be a list.");
    return [];
  }
  const parsed: StatedVatRow[] = [];
  rows.forEach((row, index) => {
    const path = `VatAnalysis[${index}]`;
    const ratePercent = readRate(ctx, row, path);
    const vatCents = readMoney(ctx, row, path, "VatAmount", null, { required: true });
    const underlyingCents = readMoney(ctx, row, path, "UnderlyingValue", null, { required: true });
    const exemption = readCode(ctx, row, path, "VatExemptionCode", VAT_EXEMPTION_CODES);
    if (ratePercent !== null && vatCents !== null && underlyingCents !== null) {
      parsed.push({ ratePercent, vatCents, underlyingCents, exemption });
    }
  });
  return parsed;
}

export function parsePayments(ctx: ParseContext, doc: unknown): ParsedPayment[] {
  const methods = getField(getObject(doc, "PaymentDetails"), "PaymentMethods");
  if (methods === undefined || methods === null) return [];
  if (!Array.isArray(methods)) {
    reportInvalid(ctx, "PaymentDetails.PaymentMethods", "PaymentDetails.PaymentMethods must be a list.");
    return [];
  }
  const parsed: ParsedPayment[] = [];
  methods.forEach((method, index) => {
    const path = `PaymentDetails.PaymentMethods[${index}]`;
    const code = readCode(ctx, method, path, "PaymentMethodTypeCode", PAYMENT_METHOD_CODES, { required: true });
    const amountCents = readMoney(ctx, method, path, "Amount", null, { required: true });
    if (code !== null && amountCents !== null) parsed.push({ code, amountCents });
  });
  return parsed;
}
