import {
  INCOME_CLASSIFICATION_CATEGORIES,
  INCOME_CLASSIFICATION_COMBINATIONS_5_2,
  INCOME_CLASSIFICATION_TYPES,
  MEASUREMENT_UNITS,
  PAYMENT_METHODS,
  VAT_CATEGORIES,
  VAT_EXEMPTION_CATEGORIES,
} from "./codes-data";

export {
  INCOME_CLASSIFICATION_CATEGORIES,
  INCOME_CLASSIFICATION_COMBINATIONS_5_2,
  INCOME_CLASSIFICATION_TYPES,
  MEASUREMENT_UNITS,
  PAYMENT_METHODS,
  VAT_CATEGORIES,
  VAT_EXEMPTION_CATEGORIES,
};

export type VatCategory = (typeof VAT_CATEGORIES)[number];
export type VatExemptionCategory = (typeof VAT_EXEMPTION_CATEGORIES)[number];
export type PaymentMethod = (typeof PAYMENT_METHODS)[number];
export type MeasurementUnit = (typeof MEASUREMENT_UNITS)[number];
export type IncomeClassificationCategory = (typeof INCOME_CLASSIFICATION_CATEGORIES)[number];
export type IncomeClassificationType = (typeof INCOME_CLASSIFICATION_TYPES)[number];
/** Categories usable on a 5.2 credit note. */
export type Classification52Category = keyof typeof INCOME_CLASSIFICATION_COMBINATIONS_5_2;

/** The VAT category with this code, or undefined. */
export function getVatCategory(code: number): VatCategory | undefined {
  return VAT_CATEGORIES.find((category) => category.code === code);
}

/**
 * VAT rate of a category in whole percent (24 for category 1, 0 for category 7), or null when
 * the code is unknown or the category has no rate (8, records without VAT). A null rate means
 * the category cannot be used on a credit-note line.
 */
export function vatRatePercent(code: number): number | null {
  return getVatCategory(code)?.ratePercent ?? null;
}

/** True when the category can carry a credit-note line: known and with a rate (all but 8). */
export function isVatCategoryAllowedOnCreditNote(code: number): boolean {
  return vatRatePercent(code) !== null;
}

/** True when lines of this category must carry a VAT exemption reason (category 7). */
export function requiresVatExemption(code: number): boolean {
  return getVatCategory(code)?.requiresVatExemptionCategory ?? false;
}

/** The exemption reason with this code (1–31), or undefined. */
export function getVatExemptionCategory(code: number): VatExemptionCategory | undefined {
  return VAT_EXEMPTION_CATEGORIES.find((exemption) => exemption.code === code);
}

/** The payment method with this code (1–8), or undefined. */
export function getPaymentMethod(code: number): PaymentMethod | undefined {
  return PAYMENT_METHODS.find((method) => method.code === code);
}

/** The measurement unit with this code (1–7), or undefined. */
export function getMeasurementUnit(code: number): MeasurementUnit | undefined {
  return MEASUREMENT_UNITS.find((unit) => unit.code === code);
}

/** True for a myDATA payment method code (1–8). */
export function isKnownPaymentMethod(code: number): boolean {
  return getPaymentMethod(code) !== undefined;
}

/** True for a myDATA measurement unit code (1–7). */
export function isKnownUnit(code: number): boolean {
  return getMeasurementUnit(code) !== undefined;
}

/** True for a myDATA VAT exemption reason code (1–31). */
export function isKnownExemption(code: number): boolean {
  return getVatExemptionCategory(code) !== undefined;
}

function isClassification52Category(category: string): category is Classification52Category {
  return Object.hasOwn(INCOME_CLASSIFICATION_COMBINATIONS_5_2, category);
}

/** The income classification categories allowed on a 5.2, in code-list order. */
export function categoriesFor52(): Classification52Category[] {
  return Object.keys(INCOME_CLASSIFICATION_COMBINATIONS_5_2).filter(isClassification52Category);
}

/** Types allowed with this category on a 5.2; empty for a category 5.2 does not allow. */
export function allowedTypesFor52(category: string): readonly string[] {
  return isClassification52Category(category) ? INCOME_CLASSIFICATION_COMBINATIONS_5_2[category].allowedTypes : [];
}

/**
 * True when (category, type) is allowed on a 5.2 credit note. A null type is allowed only
 * where the matrix says the type may be omitted (category1_95).
 */
export function isAllowedClassification52(category: string, type: string | null): boolean {
  if (!isClassification52Category(category)) return false;
  const rule = INCOME_CLASSIFICATION_COMBINATIONS_5_2[category];
  if (type === null) return rule.typeMayBeOmitted;
  return (rule.allowedTypes as readonly string[]).includes(type);
}
