import type { Locale } from "./locale";
import { interpolate } from "./validation-messages";

/**
 * Words of crediting an issued invoice: the "Issued invoices" page, the original's view, credit
 * all / credit part, the never-twice refusals, closing out a rejected or needs-attention entry.
 */

export const creditMessages = {
  "nav.issued": { el: "Εκδοθέντα τιμολόγια", en: "Issued invoices" },
  "issued.title": { el: "Εκδοθέντα τιμολόγια", en: "Issued invoices" },
  "issued.intro": {
    el: "Τα παραστατικά του εκδότη στον πάροχο (και όσα έστειλαν άλλα συστήματα, π.χ. το ERP), μαζί με το ιστορικό μας. Επικολλήστε ΜΑΡΚ ή κωδικό αυθεντικοποίησης για άμεση αναζήτηση.",
    en: "The issuer's documents at the provider (also those other systems such as the ERP sent), merged with our own history. Paste a MARK or an authentication code to look it up.",
  },
  "issued.search": { el: "Αριθμός, σειρά, ΑΦΜ αντισυμβαλλόμενου, ΜΑΡΚ ή κωδικός", en: "Number, series, counterparty VAT, MARK or code" },
  "issued.from": { el: "Από", en: "From" },
  "issued.to": { el: "Έως", en: "To" },
  "issued.issuer": { el: "Εκδότης", en: "Issuer" },
  "issued.find": { el: "Αναζήτηση", en: "Search" },
  "issued.empty": { el: "Κανένα παραστατικό για αυτή την αναζήτηση.", en: "No document matches this search." },
  "issued.providerDown": {
    el: "Η λίστα του παρόχου δεν διαβάστηκε ({detail}): εμφανίζεται μόνο το ιστορικό μας.",
    en: "The provider's list could not be read ({detail}): only our own history is shown.",
  },
  "issued.partialList": { el: "Η λίστα του παρόχου είναι μεγάλη· στενέψτε το διάστημα.", en: "The provider's list is long; narrow the dates." },
  "issued.col.document": { el: "Παραστατικό", en: "Document" },
  "issued.col.type": { el: "Τύπος", en: "Type" },
  "issued.col.date": { el: "Ημερομηνία", en: "Date" },
  "issued.col.counterparty": { el: "ΑΦΜ αντισυμβαλλόμενου", en: "Counterparty VAT" },
  "issued.col.mark": { el: "ΜΑΡΚ", en: "MARK" },
  "issued.col.gross": { el: "Σύνολο", en: "Total" },
  "issued.col.credited": { el: "Πιστωμένο", en: "Credited" },
  "issued.col.source": { el: "Πηγή", en: "Source" },
  "issued.source.provider": { el: "πάροχος", en: "provider" },
  "issued.source.history": { el: "Credit Desk", en: "Credit Desk" },
  "issued.source.both": { el: "πάροχος + Credit Desk", en: "provider + Credit Desk" },
  "issued.open": { el: "Προβολή", en: "See it" },
  "issued.fully": { el: "πιστώθηκε πλήρως", en: "fully credited" },

  "original.title": { el: "Παραστατικό {series}/{number}", en: "Document {series}/{number}" },
  "original.back": { el: "Εκδοθέντα τιμολόγια", en: "Issued invoices" },
  "original.readOnly": { el: "Μόνο για ανάγνωση — όπως το κατέχει το myDATA.", en: "Read-only — as myDATA holds it." },
  "original.fromHistory": { el: "Από το ιστορικό μας (το στείλαμε εμείς).", en: "From our own history (we sent it)." },
  "original.fromProvider": { el: "Από το XML myDATA του παρόχου.", en: "From the provider's myDATA XML." },
  "original.noLines": {
    el: "Οι γραμμές δεν διαβάστηκαν από τον πάροχο ({detail}). Μπορεί να πιστωθεί μόνο ολόκληρο.",
    en: "The lines could not be read from the provider ({detail}). Only a full credit is possible.",
  },
  "original.type": { el: "Τύπος", en: "Type" },
  "original.date": { el: "Ημερομηνία έκδοσης", en: "Issue date" },
  "original.counterparty": { el: "Αντισυμβαλλόμενος", en: "Counterparty" },
  "original.mark": { el: "ΜΑΡΚ", en: "MARK" },
  "original.code": { el: "Κωδικός αυθεντικοποίησης", en: "Authentication code" },
  "original.line": { el: "Γρ.", en: "Line" },
  "original.description": { el: "Περιγραφή", en: "Description" },
  "original.quantity": { el: "Ποσότητα", en: "Quantity" },
  "original.vatCategory": { el: "ΦΠΑ", en: "VAT" },
  "original.net": { el: "Καθαρή αξία", en: "Net" },
  "original.vat": { el: "ΦΠΑ", en: "VAT" },
  "original.gross": { el: "Σύνολο", en: "Gross" },
  "original.totals": { el: "Σύνολα", en: "Totals" },
  "original.credited": { el: "Πιστωμένο ως τώρα: {credited} από {total} · απομένουν {remaining}", en: "Credited so far: {credited} of {total} · {remaining} remain" },
  "original.creditsList": { el: "Πιστώσεις του", en: "Its credits" },
  "original.notCreditable": { el: "Αυτό το παραστατικό ({invoiceType}) δεν πιστώνεται.", en: "This document ({invoiceType}) cannot be credited." },
  "original.fullyCredited": { el: "Έχει πιστωθεί πλήρως.", en: "It has been fully credited." },

  "creditAll.title": { el: "Πίστωση ολόκληρου", en: "Credit all" },
  "creditAll.series": { el: "Σειρά του πιστωτικού", en: "Series of the credit note" },
  "creditAll.related": { el: "Συσχετιζόμενο (5.1, με το ΜΑΡΚ του αρχικού)", en: "Related (5.1, carrying the original's MARK)" },
  "creditAll.unrelated": { el: "Μη συσχετιζόμενο (5.2)", en: "Not related (5.2)" },
  "creditAll.review": { el: "Έλεγχος πίστωσης", en: "Review the credit" },
  "creditAll.confirmTitle": { el: "Επιβεβαίωση πίστωσης", en: "Confirm the credit" },
  "creditAll.confirmText": {
    el: "Θα εκδοθεί πιστωτικό {kind} στη σειρά {series} για ολόκληρο το {document} (ΜΑΡΚ {mark}): καθαρή αξία {net}, ΦΠΑ {vat}, σύνολο {gross}.",
    en: "A {kind} credit note in series {series} will be issued for all of {document} (MARK {mark}): net {net}, VAT {vat}, total {gross}.",
  },
  "creditAll.confirm": { el: "Έκδοση πιστωτικού", en: "Issue the credit note" },
  "creditAll.cancel": { el: "Άκυρο", en: "Cancel" },
  "creditAll.sending": { el: "Αποστολή…", en: "Sending…" },
  "creditAll.failed": { el: "Η πίστωση δεν έγινε:", en: "The credit was not made:" },
  "creditAll.overrideReason": { el: "Αιτιολογία υπέρβασης (διαχειριστής)", en: "Reason for the override (administrator)" },
  "creditAll.overrideHint": {
    el: "Ως διαχειριστής μπορείτε να πιστώσετε πέρα από το υπόλοιπο με γραπτή αιτιολογία, που καταγράφεται.",
    en: "As an administrator you may credit beyond what remains with a written reason, which is audited.",
  },

  "creditPart.title": { el: "Πίστωση μέρους", en: "Credit part" },
  "creditPart.intro": {
    el: "Διαλέξτε γραμμές και ποσότητες· θα συνταχθεί πιστωτικό 5.1 συσχετισμένο με το ΜΑΡΚ, με τις ίδιες κατηγορίες ΦΠΑ και χαρακτηρισμούς, που ελέγχετε στο τελευταίο βήμα του οδηγού.",
    en: "Choose lines and quantities; a 5.1 credit note correlated to the MARK is composed, with the same VAT categories and classifications, for you to check on the wizard's review step.",
  },
  "creditPart.quantity": { el: "Ποσότητα προς πίστωση (γραμμή {line})", en: "Quantity to credit (line {line})" },
  "creditPart.mode": { el: "Τρόπος πίστωσης", en: "How to credit" },
  "creditPart.byQuantity": { el: "κατά ποσότητα", en: "by quantity" },
  "creditPart.byAmount": { el: "κατά ποσό", en: "by amount" },
  "creditPart.amount": { el: "Καθαρό ποσό προς πίστωση σε € (γραμμή {line})", en: "Net amount to credit in € (line {line})" },
  "creditPart.alreadyCredited": { el: "ήδη πιστωμένα: {quantity}", en: "already credited: {quantity}" },
  "creditPart.total": { el: "Θα πιστωθούν: καθαρή {net}, ΦΠΑ {vat}, σύνολο {gross}", en: "To credit: net {net}, VAT {vat}, total {gross}" },
  "creditPart.beyond": { el: "Ξεπερνά ό,τι απομένει προς πίστωση ({remaining}).", en: "More than what remains to be credited ({remaining})." },
  "creditPart.compose": { el: "Σύνταξη πιστωτικού 5.1", en: "Compose the 5.1 credit note" },

  "wizard.correlated": {
    el: "Πιστωτικό 5.1 συσχετισμένο με το ΜΑΡΚ {mark} ({document}). Θα ελεγχθεί ότι δεν ξεπερνά ό,τι απομένει προς πίστωση.",
    en: "A 5.1 credit note correlated to MARK {mark} ({document}). It is checked against what remains to be credited.",
  },

  "closeOut.title": { el: "Κλείσιμο χωρίς έκδοση", en: "Close out without issuing" },
  "closeOut.intro": {
    el: "Η εγγραφή φεύγει από τα «Χρειάζονται ενέργεια». Ο αριθμός {series}/{number} παραμένει δεσμευμένος και δεν ξαναδίνεται. Γράψτε γιατί.",
    en: "The entry leaves “needs action”. Its number {series}/{number} stays used and is never given again. Write down why.",
  },
  "closeOut.reason": { el: "Αιτιολογία", en: "Reason" },
  "closeOut.submit": { el: "Κλείσιμο εγγραφής", en: "Close out the entry" },
  "closeOut.done": { el: "Κλείστηκε από {who} στις {at}: {reason}", en: "Closed out by {who} at {at}: {reason}" },
  "correct.title": { el: "Διόρθωση & επαναποστολή πίστωσης", en: "Correct & resend the credit" },
  "correct.intro": {
    el: "Διορθώστε τον κωδικό αυθεντικοποίησης του αρχικού (ελέγχεται στον πάροχο) ή το είδος· στέλνεται ξανά με τον ίδιο αριθμό {series}/{number}.",
    en: "Correct the original's authentication code (checked at the provider) or the kind; it is sent again with the same number {series}/{number}.",
  },
  "correct.code": { el: "Κωδικός αυθεντικοποίησης του αρχικού", en: "The original's authentication code" },
  "correct.related": { el: "Συσχετιζόμενο (5.1)", en: "Related (5.1)" },
  "correct.submit": { el: "Επαναποστολή", en: "Resend" },
  "event.closed_out": { el: "Κλείστηκε χωρίς έκδοση", en: "Closed out without issuing" },
  "closeOut.badge": { el: "κλειστό", en: "closed out" },
} satisfies Record<string, Record<Locale, string>>;

export type CreditMessageKey = keyof typeof creditMessages;

/** The string of a key in a language, with `{name}` placeholders filled. */
export function creditT(key: CreditMessageKey, locale: Locale, params: Record<string, string | number> = {}): string {
  return interpolate(creditMessages[key][locale], params);
}
