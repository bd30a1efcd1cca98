import type { Locale } from "./locale";

/**
 * The words of the error codes, validation codes and fields that crediting an issued invoice
 * adds; error-messages.ts, validation-messages.ts and field-labels.ts include them. Imports
 * nothing but the locale type, so those catalogues can include it without a cycle.
 */

/** Error codes of lib/domain/errors.ts that this part of the product answers with. */
export const creditErrorMessages = {
  already_credited: {
    el: "Έχει ήδη πιστωθεί {credited} από {total} € (ΜΑΡΚ {mark}). Απομένουν {remaining} €, ζητήθηκαν {requested} €.",
    en: "Already credited {credited} of {total} € (MARK {mark}). {remaining} € remain, {requested} € requested.",
  },
  original_unverifiable: {
    el: "Το αρχικό παραστατικό δεν επαληθεύτηκε στον πάροχο ({detail}). Δεν χρησιμοποιήθηκε αριθμός σειράς· δοκιμάστε ξανά σε λίγο.",
    en: "The original document could not be checked at the provider ({detail}). No series number was used; please try again shortly.",
  },
} satisfies Record<string, Record<Locale, string>>;

/** Validation codes (field + problem) of the same. */
export const creditValidationMessages: Record<string, Record<Locale, string>> = {
  original_not_found: {
    el: "δεν αντιστοιχεί σε κανένα παραστατικό του εκδότη (στη λίστα του παρόχου ή στο ιστορικό μας)· ελέγξτε τον κωδικό",
    en: "matches no document of the issuer (in the provider's list or in our history); check the code",
  },
  mark_mismatch: {
    el: "δεν ανήκει στο παραστατικό με αυτόν τον κωδικό αυθεντικοποίησης (εκείνο έχει ΜΑΡΚ {expected})",
    en: "does not belong to the document with this authentication code (that one has MARK {expected})",
  },
  not_creditable: {
    el: "ανήκει σε παραστατικό τύπου {invoiceType}, που δεν πιστώνεται (π.χ. πιστωτικό)",
    en: "belongs to a document of type {invoiceType}, which cannot be credited (e.g. a credit note)",
  },
  invalid_date: { el: "πρέπει να έχει τη μορφή ΕΕΕΕ-ΜΜ-ΗΗ", en: "must look like YYYY-MM-DD" },
  quantity_above_original: { el: "ξεπερνά την ποσότητα της γραμμής του αρχικού ({max})", en: "is more than the original line's quantity ({max})" },
  unknown_line: { el: "δεν υπάρχει στο αρχικό", en: "does not exist in the original" },
  no_lines_chosen: { el: "διαλέξτε τουλάχιστον μία γραμμή με ποσότητα", en: "choose at least one line and its quantity" },
  lines_unavailable: {
    el: "οι γραμμές του αρχικού δεν διαβάστηκαν από τον πάροχο· πιστώστε ολόκληρο ή δοκιμάστε ξανά",
    en: "the original's lines could not be read from the provider; credit all of it or try again",
  },
  part_vat_not_in_original: { el: "καμία γραμμή του αρχικού δεν έχει αυτή την κατηγορία ΦΠΑ", en: "no line of the original has this VAT category" },
  part_exemption_not_in_original: {
    el: "καμία γραμμή του αρχικού με αυτή την κατηγορία ΦΠΑ δεν έχει αυτή την αιτία εξαίρεσης",
    en: "no line of the original with this VAT category has this exemption reason",
  },
  part_classification_not_in_original: {
    el: "καμία γραμμή του αρχικού με αυτόν τον ΦΠΑ δεν έχει αυτόν τον χαρακτηρισμό εσόδου",
    en: "no line of the original with this VAT has this income classification",
  },
  part_quantity_above_remaining: {
    el: "ξεπερνά ό,τι απομένει από τη γραμμή του αρχικού μετά τις προηγούμενες πιστώσεις",
    en: "is more than what remains of the original's line after earlier credits",
  },
  part_net_above_remaining: {
    el: "η καθαρή αξία της γραμμής ξεπερνά ό,τι απομένει από τη γραμμή του αρχικού μετά τις προηγούμενες πιστώσεις",
    en: "the line's net is more than what remains of the original's line after earlier credits",
  },
  amount_above_line: {
    el: "ξεπερνά την καθαρή αξία που απομένει από τη γραμμή του αρχικού ({max} €)",
    en: "is more than the net left of the original's line ({max} €)",
  },
  line_chosen_twice: { el: "η γραμμή επιλέχθηκε δύο φορές", en: "the line is chosen twice" },
  quantity_or_amount: { el: "δώστε ποσότητα ή ποσό (όχι και τα δύο)", en: "give a quantity or an amount (not both)" },
  override_admin_only: { el: "μόνο διαχειριστής μπορεί να πιστώσει πέρα από το υπόλοιπο", en: "only an administrator may credit beyond what remains" },
};

/** Field names these requests add. */
export const creditFieldLabels: Record<string, Record<Locale, string>> = {
  overrideReason: { el: "Αιτιολογία υπέρβασης", en: "Reason for the override" },
  reason: { el: "Αιτιολογία", en: "Reason" },
  parts: { el: "Γραμμές προς πίστωση", en: "Lines to credit" },
  "parts.quantity": { el: "Ποσότητα προς πίστωση", en: "Quantity to credit" },
  "parts.lineNumber": { el: "Γραμμή", en: "Line" },
  "parts.amount": { el: "Ποσό προς πίστωση (καθαρή αξία)", en: "Amount to credit (net)" },
  from: { el: "Από", en: "From" },
  to: { el: "Έως", en: "To" },
};
