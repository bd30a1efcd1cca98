import { describe, expect, it } from "vitest";
import {
  allowedTypesFor52,
  categoriesFor52,
  getMeasurementUnit,
  getPaymentMethod,
  getVatCategory,
  getVatExemptionCategory,
  isAllowedClassification52,
  isKnownExemption,
  isKnownPaymentMethod,
  isKnownUnit,
  isVatCategoryAllowedOnCreditNote,
  requiresVatExemption,
  vatRatePercent,
} from "@/lib/domain/codes";

describe("VAT categories", () => {
  it.each([
    [1, 24],
    [2, 13],
    [3, 6],
    [4, 17],
    [5, 9],
    [6, 4],
    [7, 0],
    [9, 3],
    [10, 4],
  ])("category %i has rate %i%%", (code, rate) => {
    expect(vatRatePercent(code)).toBe(rate);
    expect(isVatCategoryAllowedOnCreditNote(code)).toBe(true);
  });

  it("category 8 (records without VAT) has no rate and cannot carry a credit-note line", () => {
    expect(getVatCategory(8)?.ratePercent).toBeNull();
    expect(vatRatePercent(8)).toBeNull();
    expect(isVatCategoryAllowedOnCreditNote(8)).toBe(false);
  });

  it("unknown codes have no category and no rate", () => {
    expect(getVatCategory(0)).toBeUndefined();
    expect(vatRatePercent(11)).toBeNull();
    expect(isVatCategoryAllowedOnCreditNote(11)).toBe(false);
  });

  it("only category 7 requires an exemption reason", () => {
    expect(requiresVatExemption(7)).toBe(true);
    expect([1, 2, 3, 4, 5, 6, 8, 9, 10, 99].some(requiresVatExemption)).toBe(false);
  });
});

describe("known codes", () => {
  it("payment methods 1–8", () => {
    expect([1, 2, 3, 4, 5, 6, 7, 8].every(isKnownPaymentMethod)).toBe(true);
    expect([0, 9, 1.5, -1].some(isKnownPaymentMethod)).toBe(false);
    expect(getPaymentMethod(5)?.nameEl).toBe("Επί Πιστώσει");
  });

  it("measurement units 1–7", () => {
    expect([1, 2, 3, 4, 5, 6, 7].every(isKnownUnit)).toBe(true);
    expect([0, 8].some(isKnownUnit)).toBe(false);
    expect(getMeasurementUnit(1)?.nameEl).toBe("Τεμάχια");
  });

  it("exemption reasons 1–31", () => {
    expect(Array.from({ length: 31 }, (_, index) => index + 1).every(isKnownExemption)).toBe(true);
    expect([0, 32].some(isKnownExemption)).toBe(false);
    expect(getVatExemptionCategory(14)?.descriptionEl).toContain("άρθρο 33");
  });
});

describe("5.2 income classification matrix", () => {
  it("lists the categories a 5.2 allows", () => {
    expect(categoriesFor52()).toEqual([
      "category1_1", "category1_2", "category1_3", "category1_4", "category1_5",
      "category1_7", "category1_8", "category1_9", "category1_95",
    ]);
  });

  it.each([
    ["category1_1", "E3_561_001", true],
    ["category1_1", "E3_561_005", true],
    ["category1_3", "E3_563", true],
    ["category1_4", "E3_880_001", true],
    ["category1_7", "E3_881_004", true],
    ["category1_1", "E3_561_003", false],
    ["category1_1", "E3_563", false],
    ["category1_4", "E3_880_002", false],
    ["category1_6", "E3_561_001", false],
    ["category1_95", "E3_596", false],
    ["category1_10", "E3_561_001", false],
    ["toString", "E3_561_001", false],
  ] as const)("(%s, %s) → %s", (category, type, allowed) => {
    expect(isAllowedClassification52(category, type)).toBe(allowed);
  });

  it("a missing type is allowed only on category1_95", () => {
    expect(isAllowedClassification52("category1_95", null)).toBe(true);
    expect(isAllowedClassification52("category1_1", null)).toBe(false);
    expect(isAllowedClassification52("nonsense", null)).toBe(false);
  });

  it("allowedTypesFor52 answers the list, empty for a category 5.2 does not allow", () => {
    expect(allowedTypesFor52("category1_4")).toEqual(["E3_880_001", "E3_880_003", "E3_880_004"]);
    expect(allowedTypesFor52("category1_95")).toEqual([]);
    expect(allowedTypesFor52("category1_6")).toEqual([]);
  });
});
