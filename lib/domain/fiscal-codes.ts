import {
  COUNTRY_CODES, FEE_CATEGORIES, OTHER_TAX_CATEGORIES, OTHER_TAX_CATEGORIES_NO_LONGER_ACCEPTED, STAMP_DUTY_CATEGORIES, WITHHELD_TAX_CATEGORIES,
} from "./codes-data";

/**
 * The myDATA rules around the amounts: which countries, payment methods and units a credit note
 * may carry, and the categories of the taxes beyond VAT. Lists come from codes-data.ts (generated).
 */

const COUNTRIES: ReadonlySet<string> = new Set(COUNTRY_CODES);

/** A typed country code as myDATA wants it: trimmed, upper-case, "EL" (the Greek VAT prefix) read as GR. */
export function normalizeCountryCode(raw: string): string {
  const code = raw.trim().toUpperCase();
  return code === "EL" ? "GR" : code;
}

/** True for a code of myDATA's CountryType (ISO 3166-1 alpha-2; GR, never EL or XI). */
export function isMyDataCountry(code: string): boolean {
  return COUNTRIES.has(code);
}

/**
 * Payment methods of the XSD (1–8) that need data this product does not collect, with the
 * reason: 7 (POS / e-POS) needs the provider's signature of the card transaction (Impact API
 * validation 4; AADE requires it for card payments). Not offered, and refused when sent.
 */
export const PAYMENT_METHODS_NOT_OFFERED: Readonly<Record<number, string>> = { 7: "payment_method_pos" };

/**
 * Units of the XSD (1–7) that need fields the product does not collect: 7 ("pieces – other
 * cases") requires otherMeasurementUnitQuantity and otherMeasurementUnitTitle. Not offered, and
 * refused when sent.
 */
export const UNITS_NOT_OFFERED: Readonly<Record<number, string>> = { 7: "unit_other_not_offered" };

/** The four families of taxes beyond VAT a line may carry, each with its myDATA category list. */
export type TaxFamily = "withheld" | "fees" | "stampDuty" | "otherTaxes";

export interface TaxCategory {
  code: number;
  /** `percent`: the amount is the rate × the line net; `amount`: the amount is typed on the line. */
  kind: "percent" | "amount";
  ratePercent: number | null;
  nameEl: string;
  nameEn: string;
}

const TAX_CATEGORIES: Readonly<Record<TaxFamily, readonly TaxCategory[]>> = {
  withheld: WITHHELD_TAX_CATEGORIES,
  fees: FEE_CATEGORIES,
  stampDuty: STAMP_DUTY_CATEGORIES,
  otherTaxes: OTHER_TAX_CATEGORIES,
};

export const TAX_FAMILIES: readonly TaxFamily[] = ["withheld", "fees", "stampDuty", "otherTaxes"];

/** The categories of one family, in code order. */
export function taxCategories(family: TaxFamily): readonly TaxCategory[] {
  return TAX_CATEGORIES[family];
}

/** The category with this code in a family, or undefined. */
export function getTaxCategory(family: TaxFamily, code: number): TaxCategory | undefined {
  return TAX_CATEGORIES[family].find((category) => category.code === code);
}

const NO_LONGER_ACCEPTED: Readonly<Record<TaxFamily, ReadonlySet<number>>> = {
  withheld: new Set(),
  fees: new Set(),
  stampDuty: new Set(),
  otherTaxes: new Set<number>(OTHER_TAX_CATEGORIES_NO_LONGER_ACCEPTED),
};

/**
 * True for a category the data file marks as no longer accepted by myDATA (other taxes 1 and 2,
 * the fire-insurance rates): not offered in the form and refused on a new document, but still
 * known, so a stored document that carries one reads and shows as before.
 */
export function isRetiredTaxCategory(family: TaxFamily, code: number): boolean {
  return NO_LONGER_ACCEPTED[family].has(code);
}

/** A percentage category's rate in hundredths of a percent (1,2% → 120), exact from its decimal text. */
export function taxRateBasisPoints(category: TaxCategory): number | null {
  if (category.ratePercent === null) return null;
  const [whole = "0", fraction = ""] = String(category.ratePercent).split(".");
  return Number(whole) * 100 + Number(fraction.padEnd(2, "0").slice(0, 2));
}
