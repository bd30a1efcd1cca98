import { describe, expect, it } from "vitest";
import * as sandboxCodes from "@/sandbox/codes-data";
import {
  COUNTRY_CODES,
  FEE_CATEGORIES,
  OTHER_TAX_CATEGORIES,
  STAMP_DUTY_CATEGORIES,
  WITHHELD_TAX_CATEGORIES,
  INCOME_CLASSIFICATION_CATEGORIES,
  INCOME_CLASSIFICATION_COMBINATIONS_5_2,
  INCOME_CLASSIFICATION_TYPES,
  MEASUREMENT_UNITS,
  PAYMENT_METHODS,
  VAT_CATEGORIES,
  VAT_EXEMPTION_CATEGORIES,
} from "@/lib/domain/codes-data";
import { EU_COUNTRY_CODES } from "@/lib/domain/eu-vat-formats";
import { vatPrefixForCountry } from "@/lib/domain/vat-number";
import { readSharedJson } from "./support";

// The app carries copies of the reference lists; this catches any drift from the source file.

type Row = Record<string, unknown>;
interface ReferenceCodes {
  vatCategories: { list: Row[] };
  vatExemptionCategories: { list: Row[] };
  paymentMethods: { list: Row[] };
  measurementUnits: { list: Row[] };
  incomeClassificationCategories: { list: Row[] };
  incomeClassificationTypes: { list: Row[] };
  incomeClassificationCombinations: Record<string, { recommended: Record<string, Row> }>;
  vatNumberRules: { euVatPrefixes: { members: string[] } };
  withheldTaxCategories: { list: Row[] };
  feeCategories: { list: Row[] };
  stampDutyCategories: { list: Row[] };
  otherTaxCategories: { list: Row[] };
  countries: { list: string[] };
}

const reference = readSharedJson("reference/mydata-codes.json") as ReferenceCodes;

function pick(rows: Row[], keys: string[]): Row[] {
  return rows.map((row) => Object.fromEntries(keys.map((key) => [key, row[key]])));
}

describe("code lists copied from mydata-codes.json", () => {
  it("VAT categories", () => {
    expect(VAT_CATEGORIES).toEqual(
      pick(reference.vatCategories.list, ["code", "ratePercent", "nameEl", "nameEn", "requiresVatExemptionCategory"]),
    );
  });

  it("VAT exemption categories 1–31", () => {
    expect(VAT_EXEMPTION_CATEGORIES).toEqual(pick(reference.vatExemptionCategories.list, ["code", "descriptionEl", "descriptionEn"]));
    expect(VAT_EXEMPTION_CATEGORIES.map((row) => row.code)).toEqual(Array.from({ length: 31 }, (_, index) => index + 1));
  });

  it("payment methods 1–8", () => {
    expect(PAYMENT_METHODS).toEqual(pick(reference.paymentMethods.list, ["code", "nameEl", "nameEn"]));
    expect(PAYMENT_METHODS).toHaveLength(8);
  });

  it("measurement units 1–7", () => {
    expect(MEASUREMENT_UNITS).toEqual(pick(reference.measurementUnits.list, ["code", "nameEl", "nameEn"]));
    expect(MEASUREMENT_UNITS).toHaveLength(7);
  });

  it("income classification categories and types", () => {
    expect(INCOME_CLASSIFICATION_CATEGORIES).toEqual(pick(reference.incomeClassificationCategories.list, ["code", "nameEl", "nameEn"]));
    expect(INCOME_CLASSIFICATION_TYPES).toEqual(pick(reference.incomeClassificationTypes.list, ["code", "nameEl", "nameEn"]));
  });

  it("the 5.2 combinations (recommended matrix)", () => {
    const recommended = reference.incomeClassificationCombinations["5.2"]?.recommended ?? {};
    const expected = Object.fromEntries(
      Object.entries(recommended).map(([category, rule]) => [
        category,
        { allowedTypes: rule.allowedTypes, typeMayBeOmitted: rule.typeMayBeOmitted },
      ]),
    );
    expect(INCOME_CLASSIFICATION_COMBINATIONS_5_2).toEqual(expected);
    expect(Object.keys(expected)).toContain("category1_1");
  });

  it("every type in the 5.2 matrix is a known classification type", () => {
    const known = new Set(INCOME_CLASSIFICATION_TYPES.map((row) => row.code as string));
    for (const rule of Object.values(INCOME_CLASSIFICATION_COMBINATIONS_5_2)) {
      for (const type of rule.allowedTypes) expect(known.has(type)).toBe(true);
    }
  });

  it("EU member list: our country codes map to the reference VIES prefixes (Greece as EL)", () => {
    expect(EU_COUNTRY_CODES.map(vatPrefixForCountry).sort()).toEqual([...reference.vatNumberRules.euVatPrefixes.members].sort());
  });

  it("taxes beyond VAT: withholding 1–18, fees 1–22, stamp duty 1–4, other taxes 1–30, in the app and the sandbox", () => {
    const keys = ["code", "kind", "ratePercent", "nameEl", "nameEn"];
    const cases = [
      [WITHHELD_TAX_CATEGORIES, sandboxCodes.WITHHELD_TAX_CATEGORIES, reference.withheldTaxCategories.list, 18],
      [FEE_CATEGORIES, sandboxCodes.FEE_CATEGORIES, reference.feeCategories.list, 22],
      [STAMP_DUTY_CATEGORIES, sandboxCodes.STAMP_DUTY_CATEGORIES, reference.stampDutyCategories.list, 4],
      [OTHER_TAX_CATEGORIES, sandboxCodes.OTHER_TAX_CATEGORIES, reference.otherTaxCategories.list, 30],
    ] as const;
    for (const [app, sandbox, rows, count] of cases) {
      expect(app).toEqual(pick([...rows], keys));
      expect(sandbox).toEqual(pick([...rows], ["code", "kind", "ratePercent"]));
      expect(app.map((row) => row.code)).toEqual(Array.from({ length: count }, (_, index) => index + 1));
      for (const row of app) expect(row.kind === "percent" ? typeof row.ratePercent === "number" : row.ratePercent === null).toBe(true);
    }
  });

  it("countries: myDATA's CountryType, GR but neither EL nor XI, the same in the sandbox", () => {
    expect(COUNTRY_CODES).toEqual(reference.countries.list);
    expect(sandboxCodes.COUNTRY_CODES).toEqual(reference.countries.list);
    expect(COUNTRY_CODES).toContain("GR");
    expect(COUNTRY_CODES).not.toContain("EL");
    expect(COUNTRY_CODES).not.toContain("XI");
    for (const code of EU_COUNTRY_CODES) expect(COUNTRY_CODES).toContain(code);
  });
});
