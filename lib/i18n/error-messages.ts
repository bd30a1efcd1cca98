import { DOCUMENT_STATUSES, type DocumentStatus } from "@/lib/domain/statuses";
import type { ErrorCode, ErrorParams } from "@/lib/domain/errors";
import { creditErrorMessages } from "./credit-codes";
import { ht } from "./history-messages";
import type { Locale } from "./locale";
import { interpolate } from "./validation-messages";
import { secureErrorMessages } from "./secure-messages";

/**
 * What the API says for each error code, in Greek and English. `{subject}`, `{action}`,
 * `{reason}` and `{status}` are filled with words from the tables below; other parameters
 * are quoted as they are.
 */
export const errorMessages = {
  validation: { el: "Τα στοιχεία δεν είναι έγκυρα.", en: "The input is not valid." },
  invalid_body: { el: "Το σώμα του αιτήματος δεν είναι έγκυρο JSON.", en: "The request body is not valid JSON." },
  invalid_idempotency_key: {
    el: "Το Idempotency-Key πρέπει να έχει 1–200 εκτυπώσιμους χαρακτήρες ASCII.",
    en: "Idempotency-Key must be 1–200 printable ASCII characters.",
  },
  unauthorized: { el: "Απαιτείται σύνδεση.", en: "Please sign in." },
  invalid_credentials: { el: "Λάθος e-mail ή κωδικός.", en: "Wrong e-mail or password." },
  forbidden: { el: "Δεν έχετε δικαίωμα για αυτή την ενέργεια.", en: "You are not allowed to do this." },
  cross_origin: {
    el: "Το αίτημα απορρίφθηκε: δεν προέρχεται από τις σελίδες του Credit Desk.",
    en: "Request refused: it did not come from the Credit Desk pages.",
  },
  not_found: { el: "{subject} δεν βρέθηκε.", en: "{subject} was not found." },
  no_document_url: { el: "Το παραστατικό δεν έχει ακόμη σύνδεσμο στον πάροχο.", en: "The document has no provider link yet." },
  not_allowed_in_state: {
    el: "{action} δεν επιτρέπεται όσο το παραστατικό είναι «{status}»{reason}.",
    en: "{action} is not possible while the document is “{status}”{reason}.",
  },
  number_taken: {
    el: "Ο αριθμός {series}/{number} ανήκει ήδη σε άλλο παραστατικό του εκδότη.",
    en: "Number {series}/{number} is already held by another document of the issuer.",
  },
  draft_issued: { el: "Το πρόχειρο έχει ήδη εκδοθεί· δεν αλλάζει πια.", en: "This draft has already been issued; it cannot change any more." },
  vat_taken: { el: "Υπάρχει ήδη προφίλ εκδότη με αυτόν τον ΑΦΜ.", en: "An issuer profile with this VAT number already exists." },
  branch_taken: { el: "Υπάρχει ήδη υποκατάστημα με αυτόν τον κωδικό.", en: "A branch with this code already exists." },
  series_taken: { el: "Ο εκδότης έχει ήδη σειρά με αυτόν τον κωδικό.", en: "The issuer already has a series with this code." },
  series_in_use: { el: "Η σειρά χρησιμοποιείται από εκδοθέντα παραστατικά και δεν διαγράφεται.", en: "Issued documents use this series; it cannot be deleted." },
  email_taken: { el: "Υπάρχει ήδη χρήστης με αυτό το e-mail.", en: "A user with this e-mail already exists." },
  last_admin: { el: "Πρέπει να μείνει τουλάχιστον ένας ενεργός διαχειριστής.", en: "At least one active administrator must remain." },
  body_too_large: { el: "Το σώμα του αιτήματος ξεπερνά τα {maxBytes} bytes.", en: "The request body is larger than {maxBytes} bytes." },
  unsupported_media_type: { el: "Το Content-Type πρέπει να είναι application/json.", en: "Content-Type must be application/json." },
  rate_limited: {
    el: "Πάρα πολλές αποτυχημένες προσπάθειες. Δοκιμάστε ξανά σε {minutes} λεπτά.",
    en: "Too many failed attempts. Try again in {minutes} minutes.",
  },
  internal: { el: "Παρουσιάστηκε σφάλμα στον διακομιστή.", en: "Something went wrong on the server." },
  provider_file_unavailable: { el: "Ο πάροχος δεν έδωσε το αρχείο ({detail}).", en: "The provider did not hand over the file ({detail})." },
  ...secureErrorMessages,
  ...creditErrorMessages,
} satisfies Record<ErrorCode, Record<Locale, string>>;

type Words = Record<string, Record<Locale, string>>;

/** `{subject}` of `not_found`: what was looked for, with its article (Greek agrees in gender). */
const subjects: Words = {
  document: { el: "Το παραστατικό", en: "The document" },
  draft: { el: "Το πρόχειρο", en: "The draft" },
  counterparty: { el: "Ο αντισυμβαλλόμενος", en: "The counterparty" },
  issuer_profile: { el: "Το προφίλ εκδότη", en: "The issuer profile" },
  branch: { el: "Το υποκατάστημα", en: "The branch" },
  series: { el: "Η σειρά", en: "The series" },
  user: { el: "Ο χρήστης", en: "The user" },
  page: { el: "Η σελίδα", en: "The page" },
  entry: { el: "Η εγγραφή", en: "The entry" },
};

/** `{action}` of `not_allowed_in_state`. */
const actions: Words = {
  fix: { el: "Η διόρθωση", en: "Fixing" },
  retry: { el: "Η επαναποστολή", en: "Resending" },
  refresh: { el: "Η ενημέρωση κατάστασης", en: "A status look-up" },
  close_out: { el: "Το κλείσιμο της εγγραφής", en: "Closing out the entry" },
  any: { el: "Η ενέργεια", en: "This action" },
};

/** `{reason}` of `not_allowed_in_state`: why, beyond the state itself (empty when not given). */
const reasons: Words = {
  busy: { el: ": αποστέλλεται αυτή τη στιγμή", en: ": it is being sent right now" },
  changed_meanwhile: { el: ": η κατάστασή του άλλαξε στο μεταξύ", en: ": its state changed meanwhile" },
  not_compose: { el: ": η πίστωση εκδοθέντος παραστατικού δεν έχει περιεχόμενο προς διόρθωση", en: ": a credit of an issued document has no content to fix" },
  issuer_fixed: { el: ": ο εκδότης δεν αλλάζει, ο αριθμός είναι δικός του", en: ": the issuer cannot change, the number is the issuer's" },
  closed_out: { el: ": η εγγραφή έχει κλειστεί", en: ": the entry has been closed out" },
};

function isStatus(value: unknown): value is DocumentStatus {
  return (DOCUMENT_STATUSES as readonly unknown[]).includes(value);
}

/** The word for a parameter's value; `fallback` names the entry used when the parameter is not given. */
function wordOf(table: Words, value: string | number | undefined, locale: Locale, fallback: string): string {
  if (value === undefined) return table[fallback]?.[locale] ?? "";
  return table[String(value)]?.[locale] ?? String(value);
}

/** The message of an error code in a language, its parameters filled in. */
export function errorText(code: ErrorCode, locale: Locale, params: ErrorParams = {}): string {
  const { subject, action, reason, status } = params;
  return interpolate(errorMessages[code][locale], {
    ...params,
    subject: wordOf(subjects, subject, locale, "entry"),
    action: wordOf(actions, action, locale, "any"),
    reason: wordOf(reasons, reason, locale, "none"),
    status: isStatus(status) ? ht(`status.${status}`, locale) : String(status ?? ""),
  });
}
