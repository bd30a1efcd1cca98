/** Provider-level checks of the invoice lines (Details[]). */
import { MEASUREMENT_UNIT_CODES, VAT_CATEGORY_CODES, VAT_EXEMPTION_CODES } from "./codes";
import { getField, joinPath } from "./json-fields";
import {
  readCode, readCount, readMoney, readQuantity, readText, reportInvalid, reportMissing, type ParseContext,
} from "./parse-fields";
import { FEE_CATEGORIES, OTHER_TAX_CATEGORIES, STAMP_DUTY_CATEGORIES, WITHHELD_TAX_CATEGORIES } from "./codes-data";
import type { ParsedClassification, ParsedLine, ParsedLineTax, ParsedLineTaxes } from "./types";

const codesOf = (list: readonly { code: number }[]): ReadonlySet<number> => new Set(list.map((row) => row.code));

/** The provider's field names of each tax beyond VAT (impact-api.md §8.3) and the codes myDATA allows. */
const TAX_FIELDS = [
  ["withheld", "WithheldAmount", "WithheldPercentCategoryCode", codesOf(WITHHELD_TAX_CATEGORIES)],
  ["fees", "FeesAmount", "FeesPercentCategoryCode", codesOf(FEE_CATEGORIES)],
  ["stampDuty", "StampDutyAmount", "StampDutyPercentCategoryCode", codesOf(STAMP_DUTY_CATEGORIES)],
  ["otherTaxes", "OtherTaxesAmount", "OtherTaxesPercentCategoryCode", codesOf(OTHER_TAX_CATEGORIES)],
] as const;

function parseTaxes(ctx: ParseContext, line: unknown, path: string, lineNo: number): ParsedLineTaxes {
  const read = (amountName: string, categoryName: string, codes: ReadonlySet<number>): ParsedLineTax => ({
    category: readCode(ctx, line, path, categoryName, codes),
    amountCents: readMoney(ctx, line, path, amountName, lineNo) ?? 0,
  });
  const [withheld, fees, stampDuty, otherTaxes] = TAX_FIELDS.map(([, amount, category, codes]) => read(amount, category, codes)) as [
    ParsedLineTax, ParsedLineTax, ParsedLineTax, ParsedLineTax,
  ];
  return { withheld, fees, stampDuty, otherTaxes, deductionsCents: readMoney(ctx, line, path, "DeductionsAmount", lineNo) ?? 0 };
}

/** The provider's model spells the exemption field several ways (one of them misspelt). */
const EXEMPTION_ALIASES = ["VatExcemptionCategoryCode", "VatExemptionCategory", "VatExcemptionCategory"];

function readDescriptions(line: unknown): string[] {
  const value = getField(line, "Descriptions", "Description");
  const list = Array.isArray(value) ? value : [value];
  return list.filter((item): item is string => typeof item === "string" && item.trim() !== "");
}

function parseClassification(ctx: ParseContext, entry: unknown, path: string, lineNo: number): ParsedClassification | null {
  const category = readText(ctx, entry, path, "ClassificationCategoryCode", { required: true, aliases: ["ClassificationCategory"] });
  const type = readText(ctx, entry, path, "ClassificationTypeCode", { aliases: ["ClassificationType"] });
  const amountCents = readMoney(ctx, entry, path, "Amount", lineNo, { required: true });
  if (category === null || amountCents === null) return null;
  return { category, type, amountCents };
}

/** IncomeClassification is one object in the provider's samples; a list is accepted too. */
function parseClassifications(ctx: ParseContext, line: unknown, path: string, lineNo: number): ParsedClassification[] {
  const value = getField(line, "IncomeClassification", "IncomeClassifications");
  if (value === undefined || value === null) return [];
  const base = joinPath(path, "IncomeClassification");
  const entries = Array.isArray(value) ? value.map((entry, i) => [entry, `${base}[${i}]`] as const) : [[value, base] as const];
  return entries
    .map(([entry, entryPath]) => parseClassification(ctx, entry, entryPath, lineNo))
    .filter((entry): entry is ParsedClassification => entry !== null);
}

function parseLine(ctx: ParseContext, line: unknown, index: number): ParsedLine | null {
  const path = `Details[${index}]`;
  if (typeof line !== "object" || line === null || Array.isArray(line)) {
    reportInvalid(ctx, path, `${path} must be an object.`);
    return null;
  }
  const lineNo = readCount(ctx, line, path, "LineNo") ?? index + 1;
  const quantity = readQuantity(ctx, line, path, lineNo);
  const unitCode = readCode(ctx, line, path, "MeasurementUnitCode", MEASUREMENT_UNIT_CODES);
  const unitPriceCents = readMoney(ctx, line, path, "UnitPrice", lineNo);
  const netCents = readMoney(ctx, line, path, "NetTotal", lineNo, { required: true });
  const vatCents = readMoney(ctx, line, path, "VATTotal", lineNo, { required: true });
  const totalCents = readMoney(ctx, line, path, "Total", lineNo, { required: true });
  const vatCategory = readCode(ctx, line, path, "VatCategoryCode", VAT_CATEGORY_CODES, { required: true });
  const vatExemption = readCode(ctx, line, path, "VatExemptionCategoryCode", VAT_EXEMPTION_CODES, { aliases: EXEMPTION_ALIASES });
  const classifications = parseClassifications(ctx, line, path, lineNo);
  const taxes = parseTaxes(ctx, line, path, lineNo);
  if (quantity === null || netCents === null || vatCents === null || totalCents === null || vatCategory === null) {
    return null;
  }
  return {
    lineNo, descriptions: readDescriptions(line), quantity, unitCode, unitPriceCents, netCents, vatCents, totalCents,
    vatCategory, vatExemption, classifications, taxes,
  };
}

/** Details must be a non-empty list; a line missing a mandatory field is reported and dropped. */
export function parseLines(ctx: ParseContext, doc: unknown): ParsedLine[] {
  const details = getField(doc, "Details");
  if (!Array.isArray(details) || details.length === 0) {
    reportMissing(ctx, "Details", " At least one line is needed.");
    return [];
  }
  return details
    .map((line, index) => parseLine(ctx, line, index))
    .filter((line): line is ParsedLine => line !== null);
}
