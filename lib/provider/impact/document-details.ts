import type { ProviderDetail, ProviderSummaries, ProviderVatAnalysisRow } from "./document-types";
import { vatRatePercent } from "@/lib/domain/codes";
import { vatOfNet } from "@/lib/domain/line-amounts";
import { centsToDecimal, scaledToDecimalString } from "@/lib/domain/money";
import { measurementUnitShortLabel } from "@/lib/domain/code-labels";
import { vatCategoryLabel } from "./labels";
import type { DocumentTotals, LineAmounts, LineInput } from "@/lib/domain/types";

/** The provider's fields of a line's taxes beyond VAT (impact-api.md §8.3), only those it carries. */
function buildTaxFields(line: LineInput, amounts: LineAmounts): Partial<ProviderDetail> {
  const taxes = line.taxes;
  if (taxes === undefined) return {};
  return {
    ...(taxes.withheld ? { WithheldAmount: centsToDecimal(amounts.withheldCents), WithheldPercentCategoryCode: taxes.withheld.category } : {}),
    ...(taxes.fees ? { FeesAmount: centsToDecimal(amounts.feesCents), FeesPercentCategoryCode: taxes.fees.category } : {}),
    ...(taxes.stampDuty ? { StampDutyAmount: centsToDecimal(amounts.stampDutyCents), StampDutyPercentCategoryCode: taxes.stampDuty.category } : {}),
    ...(taxes.otherTaxes ? { OtherTaxesAmount: centsToDecimal(amounts.otherTaxesCents), OtherTaxesPercentCategoryCode: taxes.otherTaxes.category } : {}),
    ...(taxes.deductionsCents ? { DeductionsAmount: centsToDecimal(amounts.deductionsCents) } : {}),
  };
}

function buildDetail(line: LineInput, amounts: LineAmounts, index: number): ProviderDetail {
  const rate = vatRatePercent(line.vatCategory) ?? 0;
  const { category, type } = line.incomeClassification;
  return {
    LineNo: index + 1,
    Descriptions: [line.description],
    MeasurementUnit: measurementUnitShortLabel(line.unitCode),
    MeasurementUnitCode: line.unitCode,
    Quantity: Number(scaledToDecimalString(line.quantityMilli, 3)),
    CatalogUnitPrice: centsToDecimal(amounts.unitGrossPriceCents),
    UnitPrice: centsToDecimal(amounts.unitNetPriceCents),
    CatalogNetTotal: centsToDecimal(amounts.catalogNetCents),
    CatalogTotal: centsToDecimal(amounts.catalogNetCents + vatOfNet(amounts.catalogNetCents, rate)),
    NetTotalAfterInlineALCs: centsToDecimal(amounts.netCents),
    NetTotal: centsToDecimal(amounts.netCents),
    Total: centsToDecimal(amounts.totalCents),
    VATTotal: centsToDecimal(amounts.vatCents),
    VatCategory: vatCategoryLabel(rate),
    VatCategoryCode: line.vatCategory,
    ...(rate === 0 && line.vatExemptionCategory !== null ? { VatExemptionCategoryCode: line.vatExemptionCategory } : {}),
    IsInformative: false,
    IsHidden: false,
    RecordTypeCode: 0,
    IncomeClassification: {
      Id: 0,
      ...(type !== null ? { ClassificationTypeCode: type } : {}),
      ClassificationCategoryCode: category,
      Amount: centsToDecimal(amounts.netCents),
    },
    ...buildTaxFields(line, amounts),
  };
}

/** The Details array: one entry per line, numbered from 1, amounts from the rounded line cents. */
export function buildDetails(lines: readonly LineInput[], totals: DocumentTotals): ProviderDetail[] {
  return lines.map((line, index) => {
    const amounts = totals.lines[index];
    if (!amounts) throw new RangeError("buildDetails: totals do not match the lines");
    return buildDetail(line, amounts, index);
  });
}

/**
 * Summaries: the document totals (sums of the rounded lines). When some line carries taxes beyond
 * VAT, the five tax totals and the payable amount follow; a plain note keeps its three fields.
 */
export function buildSummaries(totals: DocumentTotals, lines: readonly LineInput[] = []): ProviderSummaries {
  const base = {
    TotalNetAmount: centsToDecimal(totals.netCents),
    TotalVATAmount: centsToDecimal(totals.vatCents),
    TotalGrossValue: centsToDecimal(totals.grossCents),
  };
  if (!lines.some((line) => line.taxes !== undefined)) return base;
  return {
    ...base,
    TotalWithheldAmount: centsToDecimal(totals.withheldCents),
    TotalFeesAmount: centsToDecimal(totals.feesCents),
    TotalStampDutyAmount: centsToDecimal(totals.stampDutyCents),
    TotalOtherTaxesAmount: centsToDecimal(totals.otherTaxesCents),
    TotalDeductionsAmount: centsToDecimal(totals.deductionsCents),
    TotalPayableAmount: centsToDecimal(totals.grossCents),
  };
}

/** vatAnalysis rows in the sample's lower-case shape; name is the rate ("24"). */
export function buildVatAnalysis(totals: DocumentTotals): ProviderVatAnalysisRow[] {
  return totals.vatAnalysis.map((row) => ({
    name: String(row.ratePercent),
    percentage: row.ratePercent,
    vatAmount: centsToDecimal(row.vatCents),
    underlyingValue: centsToDecimal(row.underlyingValueCents),
    ...(row.vatExemptionCategory !== null ? { vatExemptionCode: row.vatExemptionCategory } : {}),
  }));
}
