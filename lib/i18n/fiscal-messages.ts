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
} satisfies Record<string, Record<Locale, string>>;

export type FiscalMessageKey = keyof typeof fiscalMessages;

/** The string of a key in a language, with `{name}` placeholders filled. */
export function fiscalT(key: FiscalMessageKey, locale: Locale, params: Record<string, string | number> = {}): string {
  return interpolate(fiscalMessages[key][locale], params);
}
