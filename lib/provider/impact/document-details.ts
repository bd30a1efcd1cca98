import type { ProviderDetail, ProviderSummaries, ProviderVatAnalysisRow } from "./document-types";
import { vatRatePercent } from "@/lib/domain/codes";
import { vatOfNet } from "@/lib/domain/line-amounts";
import { centsToDecimal, scaledToDecimalString } from "@/lib/domain/money";
import { measurementUnitShortLabel } from "@/lib/domain/code-labels";
import { vatCategoryLabel } from "./labels";
import type { DocumentTotals, LineAmounts, LineInput } from "@/lib/domain/types";

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

/** Summaries: the document totals (sums of the rounded lines). */
export function buildSummaries(totals: DocumentTotals): ProviderSummaries {
  return {
    TotalNetAmount: centsToDecimal(totals.netCents),
    TotalVATAmount: centsToDecimal(totals.vatCents),
    TotalGrossValue: centsToDecimal(totals.grossCents),
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
