import type { Locale } from "./locale";

/** Words of the clerk's day: the collapsing menu, draft limits and autosave, e-mail and print, the customer page. */
export const clerkMessages = {
  "menu.open": { el: "Μενού", en: "Menu" },
  "menu.close": { el: "Κλείσιμο μενού", en: "Close menu" },
  "totals.show": { el: "Εμφάνιση συνόλων", en: "Show totals" },
  "totals.hide": { el: "Απόκρυψη συνόλων", en: "Hide totals" },
  "email.sendPdf": { el: "Αποστολή του PDF με e-mail στους παραλήπτες (από τον πάροχο)", en: "E-mail the PDF to the recipients (sent by the provider)" },
  "email.sendPdfHint": {
    el: "Ένα e-mail, όταν ο πάροχος καταχωρίσει το παραστατικό· μια επανάληψη αποστολής δεν στέλνει δεύτερο.",
    en: "One e-mail, when the provider registers the document; a repeated send does not send a second one.",
  },
  "review.sendPdf": {
    el: "Μόλις ο πάροχος καταχωρίσει το παραστατικό, θα στείλει το PDF με e-mail σε: {to}",
    en: "Once the provider registers the document, it will e-mail the PDF to: {to}",
  },
  "email.pdfTo": { el: "PDF με e-mail σε: {to}", en: "PDF e-mailed to: {to}" },
  "detail.print": { el: "Εκτύπωση (PDF παρόχου)", en: "Print (provider PDF)" },
  "detail.sendAgain": { el: "Αποστολή ξανά σε…", en: "Send again to…" },
  "detail.sendAgainUnavailable": {
    el: "Δεν είναι διαθέσιμο: ο πάροχος δεν προσφέρει (στο σύμβαλλο που έχουμε δει) τρόπο να ξαναστείλει με e-mail ένα ήδη καταχωρισμένο παραστατικό, και μια νέα αποστολή του ίδιου παραστατικού δεν στέλνει e-mail. Κατεβάστε το PDF και στείλτε το εσείς.",
    en: "Not available: the provider offers no way (in the contract observed) to e-mail an already registered document again, and sending the same document again sends no e-mail. Download the PDF and send it yourself.",
  },
  "customer.inHistory": { el: "Όλα στο ιστορικό", en: "All in the history" },
  "customer.inAddressBook": { el: "Στο βιβλίο διευθύνσεων", en: "In the address book" },
  "customer.open": { el: "Σελίδα πελάτη", en: "Customer page" },
  "customer.months": { el: "Πιστώσεις ανά μήνα", en: "Credited per month" },
  "customer.monthsNote": { el: "Μόνο τα εγκεκριμένα παραστατικά (καταχωρισμένα στο myDATA), ανά μήνα έκδοσης.", en: "Accepted documents only (registered with myDATA), by month of issue." },
  "customer.noneAccepted": { el: "Κανένα εγκεκριμένο παραστατικό ακόμη.", en: "No accepted document yet." },
  "customer.month": { el: "Μήνας", en: "Month" },
  "customer.count": { el: "Παραστατικά", en: "Documents" },
  "customer.total": { el: "Σύνολο", en: "Total" },
  "customer.documents": { el: "Παραστατικά ({count})", en: "Documents ({count})" },
  "customer.truncated": { el: "Εμφανίζονται τα {count} πιο πρόσφατα· όλα βρίσκονται στο ιστορικό.", en: "The {count} newest are shown; the history has them all." },
  "party.knownVat": { el: "Ο ΑΦΜ ανήκει στον «{name}» του βιβλίου διευθύνσεων.", en: "This VAT number belongs to “{name}” in the address book." },
  "party.fillFromBook": { el: "Συμπλήρωση από το βιβλίο", en: "Fill from the address book" },
  "history.cards": { el: "Λίστα παραστατικών", en: "Document list" },
  "limit.counter": { el: "{count} / {max} χαρακτήρες", en: "{count} / {max} characters" },
  "limit.over": { el: "{count} / {max} χαρακτήρες — {over} παραπάνω από το όριο", en: "{count} / {max} characters — {over} over the limit" },
  "autosave.failedTitle": { el: "Το πρόχειρο δεν αποθηκεύεται στον διακομιστή.", en: "The draft is not being saved on the server." },
  "autosave.failedReason": { el: "Αιτία: {reason}", en: "Reason: {reason}" },
  "autosave.failedKept": {
    el: "Ένα αντίγραφο κρατιέται σε αυτόν τον browser και επαναφέρεται αν ξαναφορτώσετε τη σελίδα· η αποθήκευση ξαναδοκιμάζεται μόλις διορθώσετε το πρόβλημα.",
    en: "A copy is kept in this browser and comes back if you reload the page; saving is tried again once the problem is fixed.",
  },
  "autosave.unreachable": { el: "ο διακομιστής δεν απαντά", en: "the server does not answer" },
  "autosave.leave": {
    el: "Το πρόχειρο δεν έχει αποθηκευτεί στον διακομιστή. Να φύγετε από τη σελίδα; (Ένα αντίγραφο μένει σε αυτόν τον browser.)",
    en: "The draft is not saved on the server. Leave the page? (A copy stays in this browser.)",
  },
  "autosave.restoredLocal": {
    el: "Επαναφέρθηκε το αντίγραφο αυτού του browser ({time}), με αλλαγές που δεν είχαν αποθηκευτεί στον διακομιστή.",
    en: "Restored this browser's copy ({time}), with changes that had not been saved on the server.",
  },
} satisfies Record<string, Record<Locale, string>>;

export type ClerkMessageKey = keyof typeof clerkMessages;

/** The string of a key in a language, `{name}` placeholders filled from `params`. */
export function clerkT(key: ClerkMessageKey, locale: Locale, params: Record<string, string | number> = {}): string {
  return clerkMessages[key][locale].replace(/\{(\w+)\}/g, (whole, name: string) => (name in params ? String(params[name]) : whole));
}

/** Validation words that name a limit (see messageOfCode). */
export const clerkValidationMessages = {
  too_long_chars: { el: "επιτρέπονται έως {chars} χαρακτήρες", en: "allows at most {chars} characters" },
  pdf_needs_email: { el: "γράψτε τουλάχιστον μία διεύθυνση για να σταλεί το PDF", en: "enter at least one address to send the PDF to" },
} satisfies Record<string, Record<Locale, string>>;
