import type { Locale } from "./locale";

/** Words of the validation codes of myDATA's rules around the amounts (countries, number, date, codes, taxes beyond VAT). */
export const fiscalValidationMessages: Record<string, Record<Locale, string>> = {
  unknown_country: {
    el: "«{code}» δεν είναι κωδικός χώρας του myDATA (ISO 3166, π.χ. GR, DE· η Ελλάδα είναι GR)",
    en: "“{code}” is not a myDATA country code (ISO 3166, e.g. GR, DE; Greece is GR)",
  },
  invalid_document_number: {
    el: "πρέπει να είναι θετικός ακέραιος χωρίς μηδενικά μπροστά (π.χ. 17, όχι 0 ή 017)",
    en: "must be a positive whole number without leading zeros (e.g. 17, not 0 or 017)",
  },
  issued_at_future: { el: "δεν μπορεί να είναι μελλοντική (τώρα: {now})", en: "cannot be in the future (now: {now})" },
  issued_at_before_series: {
    el: "δεν μπορεί να είναι πριν από το τελευταίο παραστατικό της σειράς {series} ({last})",
    en: "cannot be earlier than the last document of series {series} ({last})",
  },
  payment_method_pos: {
    el: "ο τρόπος 7 (POS / e-POS) απαιτεί την υπογραφή του παρόχου για τη συναλλαγή κάρτας, που δεν συλλέγεται εδώ· επιλέξτε άλλον τρόπο",
    en: "method 7 (POS / e-POS) needs the provider's signature of the card transaction, which is not collected here; choose another method",
  },
  unit_other_not_offered: {
    el: "η μονάδα 7 (λοιπές περιπτώσεις) απαιτεί ποσότητα και τίτλο άλλης μονάδας, που δεν συλλέγονται εδώ· επιλέξτε άλλη μονάδα",
    en: "unit 7 (other cases) needs the other unit's quantity and title, which are not collected here; choose another unit",
  },
  unknown_tax_category: { el: "άγνωστη κατηγορία για αυτόν τον φόρο", en: "unknown category for this tax" },
  tax_category_no_longer_accepted: {
    el: "η κατηγορία {code} δεν γίνεται πλέον δεκτή από το myDATA· επιλέξτε άλλη κατηγορία",
    en: "category {code} is no longer accepted by myDATA; choose another category",
  },
  tax_amount_required: { el: "απαιτείται ποσό για αυτήν την κατηγορία (ορίζεται ως ποσό)", en: "an amount is required for this category (it is defined as an amount)" },
  tax_amount_without_category: { el: "ποσό χωρίς κατηγορία· επιλέξτε κατηγορία", en: "an amount without a category; choose a category" },
  tax_amount_mismatch: {
    el: "πρέπει να ισούται με {expected} ({rate}% της καθαρής αξίας), όπως ορίζει η κατηγορία",
    en: "must equal {expected} ({rate}% of the net value), as the category defines",
  },
  payable_negative: { el: "το πληρωτέο ποσό δεν μπορεί να είναι αρνητικό", en: "the payable amount cannot be negative" },
};
