import {
  INCOME_CLASSIFICATION_CATEGORIES, INCOME_CLASSIFICATION_TYPES, MEASUREMENT_UNITS, PAYMENT_METHODS, VAT_CATEGORIES,
  VAT_EXEMPTION_CATEGORIES, allowedTypesFor52, categoriesFor52, isVatCategoryAllowedOnCreditNote,
} from "@/lib/domain/codes";
import { PAYMENT_METHODS_NOT_OFFERED, UNITS_NOT_OFFERED } from "@/lib/domain/fiscal-codes";
import type { Locale } from "@/lib/i18n/locale";

/** Select options of the myDATA code lists, worded for people; values are the codes as text. */
export interface CodeOption {
  value: string;
  label: string;
}

const RATE_NOTES: Record<number, Record<Locale, string>> = {
  4: { el: " (νησιά)", en: " (islands)" },
  5: { el: " (νησιά)", en: " (islands)" },
  6: { el: " (νησιά)", en: " (islands)" },
  7: { el: " (άνευ ΦΠΑ)", en: " (no VAT)" },
  9: { el: " (αρ.31)", en: " (art. 31)" },
  10: { el: " (αρ.31)", en: " (art. 31)" },
};

/** VAT categories a credit-note line may carry (all but 8), as "24%", "0% (άνευ ΦΠΑ)". */
export function vatCategoryOptions(locale: Locale): CodeOption[] {
  return VAT_CATEGORIES.filter((c) => isVatCategoryAllowedOnCreditNote(c.code)).map((c) => ({
    value: String(c.code),
    label: `${c.ratePercent}%${RATE_NOTES[c.code]?.[locale] ?? ""}`,
  }));
}

export function exemptionOptions(locale: Locale): CodeOption[] {
  return VAT_EXEMPTION_CATEGORIES.map((e) => ({ value: String(e.code), label: `${e.code} — ${locale === "el" ? e.descriptionEl : e.descriptionEn}` }));
}

/** Units a line may carry: 7 ("other") is not offered, its quantity and title are not collected. */
export function unitOptions(locale: Locale): CodeOption[] {
  return MEASUREMENT_UNITS.filter((u) => !UNITS_NOT_OFFERED[u.code]).map((u) => ({ value: String(u.code), label: (locale === "el" ? u.nameEl : u.nameEn).replace(/ \(.*$/, "") }));
}

/** Payment methods offered: 7 (POS) is not, it needs the provider's signature of the card transaction. */
export function paymentMethodOptions(locale: Locale): CodeOption[] {
  return PAYMENT_METHODS.filter((m) => !PAYMENT_METHODS_NOT_OFFERED[m.code]).map((m) => ({ value: String(m.code), label: `${m.code} — ${(locale === "el" ? m.nameEl : m.nameEn).replace(/ \(.*$/, "")}` }));
}

/** The classification categories a 5.2 allows, with their names. */
export function classificationCategoryOptions(locale: Locale): CodeOption[] {
  return categoriesFor52().map((code) => {
    const entry = INCOME_CLASSIFICATION_CATEGORIES.find((c) => c.code === code);
    return { value: code, label: `${code} — ${entry ? (locale === "el" ? entry.nameEl : entry.nameEn) : ""}` };
  });
}

/** The types a 5.2 allows with `category` (only those: other combinations are not offered at all). */
export function classificationTypeOptions(category: string, locale: Locale): CodeOption[] {
  return allowedTypesFor52(category).map((code) => {
    const entry = INCOME_CLASSIFICATION_TYPES.find((t) => t.code === code);
    return { value: code, label: `${code} — ${entry ? (locale === "el" ? entry.nameEl : entry.nameEn) : ""}` };
  });
}
