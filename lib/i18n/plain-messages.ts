import { getVatExemptionCategory } from "@/lib/domain/codes";
import type { Locale } from "./locale";
import { interpolate } from "./validation-messages";

/**
 * Words a clerk or viewer reads instead of technical ones: page-not-found and error pages, what a
 * problem with a document means and what happens next, role-aware notes, and the small labels of
 * the detail, history, overview and drafts pages. Technical detail (HTTP status, the provider's
 * own text, field paths) stays available behind a "Technical details" disclosure.
 */
export const plainMessages = {
  "notFound.title": { el: "Η σελίδα δεν βρέθηκε", en: "Page not found" },
  "notFound.body": {
    el: "Η διεύθυνση δεν αντιστοιχεί σε σελίδα ή παραστατικό του Credit Desk. Ίσως ο σύνδεσμος είναι παλιός ή λείπει ένα κομμάτι του.",
    en: "This address is not a page or document of Credit Desk. The link may be old or incomplete.",
  },
  "notFound.home": { el: "Στην επισκόπηση", en: "Go to the overview" },
  "notFound.history": { el: "Στο ιστορικό", en: "Go to the history" },
  "error.title": { el: "Κάτι πήγε στραβά", en: "Something went wrong" },
  "error.body": {
    el: "Η σελίδα δεν μπόρεσε να εμφανιστεί. Ό,τι είχατε ήδη εκδώσει ή αποθηκεύσει δεν χάθηκε. Δοκιμάστε ξανά· αν το πρόβλημα μείνει, δώστε στην υποστήριξη τον κωδικό παρακάτω.",
    en: "This page could not be shown. Nothing you had already issued or saved is lost. Try again; if it keeps happening, give support the code below.",
  },
  "error.retry": { el: "Δοκιμάστε ξανά", en: "Try again" },
  "error.code": { el: "Κωδικός για την υποστήριξη", en: "Code for support" },
  "details.summary": { el: "Τεχνικές λεπτομέρειες (για την υποστήριξη)", en: "Technical details (for support)" },
  "details.http": { el: "Απάντηση HTTP {status}", en: "HTTP answer {status}" },
  "details.providerText": { el: "Κείμενο του παρόχου", en: "Provider's text" },
  "problem.rejected": {
    el: "Ο πάροχος ή το myDATA απέρριψε το παραστατικό. Δείτε τι χρειάζεται διόρθωση δίπλα σε κάθε πεδίο και στείλτε το ξανά με «Διόρθωση & επαναποστολή».",
    en: "The provider or myDATA refused the document. See what needs correcting next to each field, then send it again with “Fix & resend”.",
  },
  "problem.unavailable": {
    el: "Ο πάροχος δεν ήταν διαθέσιμος. Το παραστατικό θα σταλεί ξανά αυτόματα· δεν χρειάζεται να κάνετε κάτι.",
    en: "The provider was not available. The document will be sent again automatically; there is nothing you need to do.",
  },
  "problem.ambiguous": {
    el: "Δεν ξέρουμε ακόμη αν ο πάροχος παρέλαβε το παραστατικό (η σύνδεση κόπηκε). Θα ελεγχθεί πριν σταλεί ξανά, ώστε να μην εκδοθεί δύο φορές.",
    en: "We do not know yet whether the provider received the document (the connection broke off). It will be checked before anything is sent again, so it is never issued twice.",
  },
  "problem.unauthorized": {
    el: "Ο πάροχος δεν δέχτηκε τα στοιχεία πρόσβασης του Credit Desk. Ένας διαχειριστής πρέπει να ελέγξει το κλειδί API.",
    en: "The provider did not accept Credit Desk's credentials. An administrator needs to check the API key.",
  },
  "problem.duplicate": {
    el: "Ο πάροχος έχει ήδη αυτό το παραστατικό· ελέγχεται ότι είναι το δικό μας.",
    en: "The provider already holds this document; it is being checked that it is ours.",
  },
  "problem.other": {
    el: "Η αποστολή χρειάζεται προσοχή. Αν δεν ξέρετε τι να κάνετε, ζητήστε βοήθεια δίνοντας τον αριθμό του παραστατικού.",
    en: "Sending needs attention. If you are unsure what to do, ask for help and quote the document number.",
  },
  "role.viewerNoActions": {
    el: "Ο ρόλος σας (αναγνώστης) επιτρέπει να βλέπετε και να κατεβάζετε παραστατικά· έκδοση, πίστωση, επαναποστολή και διόρθωση γίνονται από υπάλληλο λογιστηρίου ή διαχειριστή.",
    en: "Your role (viewer) lets you read and download documents; issuing, crediting, resending and fixing are done by a billing clerk or an administrator.",
  },
  "state.noActions": {
    el: "Για αυτό το παραστατικό δεν χρειάζεται καμία ενέργεια τώρα.",
    en: "Nothing needs doing for this document now.",
  },
  "outcome.accepted": { el: "έγινε δεκτό", en: "accepted" },
  "outcome.rejected": { el: "απορρίφθηκε", en: "refused" },
  "outcome.unavailable": { el: "ο πάροχος δεν ήταν διαθέσιμος", en: "provider not available" },
  "outcome.ambiguous": { el: "άγνωστο αν παραλήφθηκε", en: "not known whether it arrived" },
  "outcome.unauthorized": { el: "δεν έγιναν δεκτά τα στοιχεία πρόσβασης", en: "credentials not accepted" },
  "outcome.duplicate": { el: "υπήρχε ήδη στον πάροχο", en: "already at the provider" },
  "outcome.mismatch": { el: "διαφορετικό παραστατικό στον πάροχο", en: "a different document at the provider" },
  "attempts.summary": { el: "{count} προσπάθειες αποστολής — τεχνικές λεπτομέρειες", en: "{count} send attempts — technical details" },
  "qr.alt": {
    el: "QR κωδικός που ανοίγει το παραστατικό στην ΑΑΔΕ: {url}",
    en: "QR code that opens the document at AADE: {url}",
  },
  "qr.caption": { el: "Σαρώστε για να δείτε το παραστατικό στην ΑΑΔΕ", en: "Scan to see the document at AADE" },
  "assigned.DistributionDetails.InternalDocumentId": { el: "το εσωτερικό αναγνωριστικό", en: "the internal id" },
  "assigned.Number": { el: "ο αριθμός (ο επόμενος της σειράς)", en: "the number (the series' next)" },
  "assigned.DateIssued": { el: "η ημερομηνία και ώρα έκδοσης", en: "the issue date and time" },
  "history.col.issuer": { el: "Εκδότης", en: "Issuer" },
  "overview.empty": {
    el: "Δεν έχει εκδοθεί ακόμη κανένα πιστωτικό. Ξεκινήστε από το «Νέο πιστωτικό»: διαλέγετε εκδότη και σειρά, συμπληρώνετε πελάτη και γραμμές, ελέγχετε και εκδίδετε.",
    en: "No credit note has been issued yet. Start with “New credit note”: choose the issuer and series, fill in the customer and lines, review and issue.",
  },
  "overview.emptyViewer": {
    el: "Δεν έχει εκδοθεί ακόμη κανένα πιστωτικό. Τα παραστατικά θα εμφανίζονται εδώ μόλις τα εκδώσει ένας υπάλληλος λογιστηρίου.",
    en: "No credit note has been issued yet. Documents will show here as soon as a billing clerk issues them.",
  },
  "overview.start": { el: "Νέο πιστωτικό", en: "New credit note" },
  "drafts.age": { el: "{days} ημέρες", en: "{days} days" },
  "drafts.ageToday": { el: "σήμερα", en: "today" },
  "drafts.ageCol": { el: "Ηλικία", en: "Age" },
  "drafts.old": {
    el: "{count} πρόχειρα δεν έχουν αλλάξει πάνω από {days} ημέρες.",
    en: "{count} drafts have not changed for more than {days} days.",
  },
  "drafts.deleteOld": { el: "Διαγραφή των παλιών προχείρων", en: "Delete the old drafts" },
  "drafts.deleteOldConfirm": {
    el: "Να διαγραφούν {count} πρόχειρα που δεν έχουν αλλάξει πάνω από {days} ημέρες; Δεν επηρεάζονται εκδοθέντα παραστατικά.",
    en: "Delete {count} drafts that have not changed for more than {days} days? Issued documents are not affected.",
  },
  "drafts.deletedOld": { el: "Διαγράφηκαν {count} παλιά πρόχειρα.", en: "{count} old drafts deleted." },
} satisfies Record<string, Record<Locale, string>>;

export type PlainKey = keyof typeof plainMessages;

/** A plain-words string in a language, `{name}` placeholders filled. */
export function plainT(key: PlainKey, locale: Locale, params: Record<string, string | number> = {}): string {
  return interpolate(plainMessages[key][locale], params);
}

/** Plain words of a provider outcome kind (`ambiguous` → "not known whether it arrived"); the kind itself when unknown. */
export function outcomeWords(kind: string | null, locale: Locale): string {
  if (kind === null) return "—";
  const key = `outcome.${kind}` as PlainKey;
  return key in plainMessages ? plainT(key, locale) : kind;
}

/** What a recorded problem of this kind means for the clerk, and what happens next. */
export function problemWords(kind: string, locale: Locale): string {
  const key = `problem.${kind}` as PlainKey;
  return plainT(key in plainMessages && kind !== "other" ? key : "problem.other", locale);
}

/** A VAT exemption reason in words ("Without VAT – article 21 of the VAT Code (5)"); the code alone when unknown. */
export function exemptionWords(code: number | string | null | undefined, locale: Locale): string {
  if (code === null || code === undefined || code === "") return "—";
  const found = getVatExemptionCategory(Number(code));
  if (!found) return String(code);
  return `${locale === "el" ? found.descriptionEl : found.descriptionEn} (${found.code})`;
}

/** What issuing will fill in, in words ("the number (the series' next)"), for the preview's provider field names. */
export function assignedWords(fields: readonly string[], locale: Locale): string {
  return fields.map((field) => {
    const key = `assigned.${field}` as PlainKey;
    return key in plainMessages ? plainT(key, locale) : field;
  }).join(", ");
}
