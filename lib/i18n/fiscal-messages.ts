import { getTaxCategory, type TaxFamily } from "@/lib/domain/fiscal-codes";
import type { Locale } from "./locale";
import { interpolate } from "./validation-messages";

/** Words of the fiscal details: gross-entry adjustment marks, VAT categories, taxes beyond VAT. */
export const fiscalMessages = {
  "gross.adjusted": {
    el: "Το μικτό δίνεται ακριβώς όπως πληκτρολογήθηκε· ο ΦΠΑ ({vat} €) στρογγυλοποιήθηκε κατά 1 λεπτό ως μικτό − καθαρό.",
    en: "The gross is kept exactly as typed; the VAT ({vat} €) is taken as gross − net, 1 cent off net × rate.",
  },
  "gross.adjustedMark": { el: "ΦΠΑ = μικτό − καθαρό (±0,01)", en: "VAT = gross − net (±0.01)" },
  "vat.category": { el: "κατ. {code}", en: "cat. {code}" },
  "vat.categoryColumn": { el: "Κατηγορία ΦΠΑ", en: "VAT category" },
  "taxes.disclosure": { el: "Άλλοι φόροι (παρακράτηση, τέλη, χαρτόσημο, λοιποί φόροι, κρατήσεις)", en: "Other taxes (withholding, fees, stamp duty, other taxes, deductions)" },
  "taxes.payable": { el: "πληρωτέο γραμμής {amount}", en: "line payable {amount}" },
  "taxes.computed": { el: "{rate}% = {amount}", en: "{rate}% = {amount}" },
  "totals.withheld": { el: "Παρακράτηση φόρου", en: "Withholding tax" },
  "totals.fees": { el: "Τέλη", en: "Fees" },
  "totals.stampDuty": { el: "Χαρτόσημο", en: "Stamp duty" },
  "totals.otherTaxes": { el: "Λοιποί φόροι", en: "Other taxes" },
  "totals.deductions": { el: "Κρατήσεις", en: "Deductions" },
  "totals.payable": { el: "Πληρωτέο", en: "Payable" },
  "taxes.lineTitle": { el: "Άλλοι φόροι γραμμής", en: "Line's other taxes" },
  "taxes.totalsTitle": { el: "Άλλοι φόροι και πληρωτέο", en: "Other taxes and payable" },
  "taxes.category": { el: "κατ. {code}", en: "cat. {code}" },
} satisfies Record<string, Record<Locale, string>>;

export type FiscalMessageKey = keyof typeof fiscalMessages;

/** The string of a key in a language, with `{name}` placeholders filled. */
export function fiscalT(key: FiscalMessageKey, locale: Locale, params: Record<string, string | number> = {}): string {
  return interpolate(fiscalMessages[key][locale], params);
}

/** The words of each family of taxes beyond VAT (its total's label). */
export const TAX_FAMILY_WORDS = {
  withheld: "totals.withheld", fees: "totals.fees", stampDuty: "totals.stampDuty", otherTaxes: "totals.otherTaxes", deductions: "totals.deductions",
} as const satisfies Record<TaxFamily | "deductions", FiscalMessageKey>;

/**
 * One tax of a line in words: its family, its category code and name (deductions have none), and
 * its amount as given: "Παρακράτηση φόρου (κατ. 3 — Περίπτωση δ' … 20%): 20,00 €".
 */
export function lineTaxWords(family: TaxFamily | "deductions", category: number | null, amount: string, locale: Locale): string {
  const known = family === "deductions" || category === null ? undefined : getTaxCategory(family, category);
  const name = known === undefined ? "" : ` — ${locale === "el" ? known.nameEl : known.nameEn}`;
  const code = category === null ? "" : ` (${fiscalT("taxes.category", locale, { code: category })}${name})`;
  return `${fiscalT(TAX_FAMILY_WORDS[family], locale)}${code}: ${amount}`;
}
