import { creditValidationMessages } from "./credit-codes";
import { fiscalValidationMessages } from "./fiscal-validation-messages";
import { clerkValidationMessages } from "./clerk-messages";
import type { Locale } from "./locale";
import { secureValidationMessages } from "./secure-messages";

/**
 * Messages of validation error codes. Each code names what is wrong; the field itself is
 * named by `fieldLabel` so the two combine into "Field: problem".
 */
export const validationMessages: Record<string, Record<Locale, string>> = {
  required: { el: "είναι υποχρεωτικό", en: "is required" },
  invalid_type: { el: "έχει λάθος τύπο τιμής", en: "has the wrong type of value" },
  too_long: { el: "είναι πολύ μεγάλο", en: "is too long" },
  too_short: { el: "είναι πολύ σύντομο", en: "is too short" },
  invalid_uuid: { el: "πρέπει να είναι UUID", en: "must be a UUID" },
  invalid_email: { el: "δεν είναι έγκυρη διεύθυνση e-mail", en: "is not a valid e-mail address" },
  invalid_datetime: { el: "πρέπει να έχει τη μορφή ΕΕΕΕ-ΜΜ-ΗΗΤωω:λλ:δδ", en: "must look like YYYY-MM-DDThh:mm:ss" },
  invalid_series: { el: "επιτρέπονται γράμματα, ψηφία, - και / (έως 50)", en: "allows letters, digits, - and / (up to 50)" },
  invalid_number: { el: "επιτρέπονται μόνο ψηφία (έως 50)", en: "allows digits only (up to 50)" },
  invalid_country: { el: "πρέπει να είναι κωδικός χώρας δύο γραμμάτων (π.χ. GR, DE)", en: "must be a two-letter country code (e.g. GR, DE)" },
  issuer_not_greek: { el: "ο εκδότης πρέπει να είναι ελληνική επιχείρηση (GR)", en: "the issuer must be a Greek business (GR)" },
  "amount.required": { el: "είναι υποχρεωτικό", en: "is required" },
  "amount.not_a_number": { el: "δεν είναι αριθμός", en: "is not a number" },
  "amount.ambiguous_separators": {
    el: "ασαφής μορφή αριθμού· γράψτε π.χ. 1.234,56 ή 1234,56",
    en: "ambiguous number format; write e.g. 1.234,56 or 1234.56",
  },
  "amount.too_many_decimals": { el: "επιτρέπονται έως 2 δεκαδικά", en: "allows at most 2 decimals" },
  "quantity.too_many_decimals": { el: "επιτρέπονται έως 3 δεκαδικά", en: "allows at most 3 decimals" },
  "percent.too_many_decimals": { el: "επιτρέπονται έως 2 δεκαδικά", en: "allows at most 2 decimals" },
  "amount.negative": { el: "δεν μπορεί να είναι αρνητικό (τα ποσά του πιστωτικού είναι θετικά)", en: "cannot be negative (credit note amounts are positive)" },
  "amount.must_be_positive": { el: "πρέπει να είναι μεγαλύτερο από 0", en: "must be greater than 0" },
  "amount.too_large": { el: "είναι πολύ μεγάλο", en: "is too large" },
  "amount.out_of_range": { el: "πρέπει να είναι από 0 έως 100", en: "must be between 0 and 100" },
  "discount.full": { el: "η έκπτωση πρέπει να είναι μικρότερη από 100%", en: "the discount must be below 100%" },
  afm_format: { el: "ο ΑΦΜ πρέπει να έχει 9 ψηφία (με ή χωρίς EL)", en: "a Greek VAT number (AFM) has 9 digits (with or without EL)" },
  afm_check_digit: { el: "μη έγκυρος ΑΦΜ (λάθος ψηφίο ελέγχου)", en: "invalid Greek VAT number (AFM): wrong check digit" },
  vat_format: { el: "μη έγκυρη μορφή ΑΦΜ/VAT για τη χώρα", en: "invalid VAT number format for the country" },
  vat_prefix_mismatch: { el: "το πρόθεμα του VAT δεν ταιριάζει με τη χώρα (Ελλάδα: EL)", en: "the VAT prefix does not match the country (Greece: EL)" },
  unknown_unit: { el: "άγνωστη μονάδα μέτρησης", en: "unknown unit of measurement" },
  unknown_vat_category: { el: "μη επιτρεπτή κατηγορία ΦΠΑ για πιστωτικό", en: "VAT category not allowed on a credit note" },
  exemption_required: { el: "απαιτείται αιτία εξαίρεσης για ΦΠΑ 0%", en: "an exemption reason is required at 0% VAT" },
  exemption_not_allowed: { el: "αιτία εξαίρεσης επιτρέπεται μόνο με ΦΠΑ 0%", en: "an exemption reason is allowed only at 0% VAT" },
  unknown_exemption: { el: "άγνωστη αιτία εξαίρεσης", en: "unknown exemption reason" },
  classification_not_allowed: {
    el: "ο συνδυασμός κατηγορίας/τύπου χαρακτηρισμού δεν επιτρέπεται στο 5.2",
    en: "this classification category/type combination is not allowed on a 5.2",
  },
  unknown_payment_method: { el: "άγνωστος τρόπος πληρωμής", en: "unknown payment method" },
  payments_sum_mismatch: {
    el: "τα ποσά πληρωμής ({paid}) πρέπει να ισούνται με το συνολικό ποσό ({gross})",
    en: "payment amounts ({paid}) must add up to the gross total ({gross})",
  },
  no_lines: { el: "χρειάζεται τουλάχιστον μία γραμμή", en: "at least one line is needed" },
  too_many_lines: { el: "επιτρέπονται έως {max} γραμμές", en: "at most {max} lines are allowed" },
  no_payments: { el: "χρειάζεται τουλάχιστον ένας τρόπος πληρωμής", en: "at least one payment method is needed" },
  total_zero: { el: "το συνολικό ποσό πρέπει να είναι μεγαλύτερο από 0", en: "the gross total must be greater than 0" },
  too_many_emails: { el: "επιτρέπονται έως 10 διευθύνσεις", en: "at most 10 addresses are allowed" },
  unknown_issuer_profile: { el: "δεν υπάρχει τέτοιο προφίλ εκδότη", en: "no such issuer profile" },
  invalid_body: { el: "το σώμα του αιτήματος δεν είναι έγκυρο JSON", en: "the request body is not valid JSON" },
  invalid_cursor: { el: "δεν ανήκει σε αυτή τη λίστα", en: "is not a cursor of this list" },
  issuer_changed: { el: "πρέπει να μείνει {vat}, του οποίου είναι ο αριθμός", en: "must stay {vat}, whose number this is" },
  branch_code_range: { el: "πρέπει να είναι ακέραιος από 1 έως 999999 (το 0 είναι η έδρα)", en: "must be a whole number from 1 to 999999 (0 is the head office)" },
  next_number_range: { el: "πρέπει να είναι ακέραιος από 1 και πάνω", en: "must be a whole number from 1 up" },
  next_number_used: {
    el: "πρέπει να είναι μεγαλύτερος από {last}, τον τελευταίο αριθμό που έχει ήδη χρησιμοποιηθεί στη σειρά",
    en: "must be greater than {last}, the last number already used in this series",
  },
  password_length: { el: "πρέπει να έχει από {min} έως {max} χαρακτήρες", en: "must have {min} to {max} characters" },
  password_common: { el: "είναι από τους πιο συνηθισμένους κωδικούς· διαλέξτε έναν που δεν μαντεύεται εύκολα", en: "is one of the most common passwords; choose one that is not easily guessed" },
  invalid_role: { el: "άγνωστος ρόλος", en: "unknown role" },
  unrecognized_keys: { el: "άγνωστο πεδίο", en: "unknown field" },
  ...secureValidationMessages,
  ...creditValidationMessages,
  ...fiscalValidationMessages,
  ...clerkValidationMessages,
};

/** Fills `{name}` placeholders. */
export function interpolate(template: string, params: Record<string, string | number> = {}): string {
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => (name in params ? String(params[name]) : whole));
}

/** The words of a validation code (without the field name) in a language; quantity/percent codes fall back to the amount wording. */
export function messageOfCode(code: string, locale: Locale, params: Record<string, string | number> = {}): string {
  if (code === "too_long" && params.chars !== undefined) return interpolate(clerkValidationMessages.too_long_chars[locale], params);
  const entry = validationMessages[code] ?? validationMessages[code.replace(/^(quantity|percent)\./, "amount.")];
  return interpolate(entry?.[locale] ?? code, params);
}
