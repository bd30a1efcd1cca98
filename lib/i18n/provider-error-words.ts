import type { Locale } from "./locale";

/**
 * The provider's and myDATA's refusals in plain Greek and English, shown beside their own words
 * (which are kept as they came, with their codes). Keyed by the provider's or myDATA's error code
 * (docs/reference/observed-uat.md; the sandbox's codes in sandbox/README.md), else by the kind of
 * outcome the sending side recorded. Pure.
 */
const BY_CODE: Record<string, Record<Locale, string>> = {
  DocumentNotFound: {
    el: "Ο πάροχος δεν βρήκε το αρχικό παραστατικό με αυτόν τον κωδικό αυθεντικοποίησης. Ελέγξτε τον κωδικό (όπως τυπώνεται στο αρχικό).",
    en: "The provider found no original document with this authentication code. Check the code (as printed on the original).",
  },
  MarkMismatch: {
    el: "Το ΜΑΡΚ δεν ανήκει στο παραστατικό με αυτόν τον κωδικό αυθεντικοποίησης.",
    en: "The MARK does not belong to the document with this authentication code.",
  },
  "102": { el: "Ο ΑΦΜ του αντισυμβαλλόμενου δεν είναι έγκυρος.", en: "The counterparty's VAT number is not valid." },
  "203": { el: "Ο χαρακτηρισμός εσόδων δεν επιτρέπεται για αυτόν τον τύπο παραστατικού.", en: "The income classification is not allowed for this document type." },
  "229": { el: "Ο ΦΠΑ μιας γραμμής δεν συμφωνεί με την καθαρή αξία και τον συντελεστή.", en: "A line's VAT does not match its net amount and rate." },
  "260": { el: "Το συσχετιζόμενο πιστωτικό (5.1) χρειάζεται το ΜΑΡΚ του αρχικού.", en: "A related credit note (5.1) needs the original's MARK." },
  "407": { el: "Το άθροισμα των πληρωμών δεν ισούται με το σύνολο του παραστατικού.", en: "The payments do not add up to the document's total." },
};

const BY_KIND: Record<string, Record<Locale, string>> = {
  rejected: { el: "Ο πάροχος ή το myDATA απέρριψε το παραστατικό· διορθώστε και στείλτε ξανά, ή κλείστε την εγγραφή με αιτιολογία.", en: "The provider or myDATA refused the document; correct and resend it, or close the entry out with a reason." },
  unauthorized: { el: "Το κλειδί API δεν αντιστοιχεί στον ΑΦΜ του εκδότη.", en: "The API key does not belong to the issuer's VAT number." },
  duplicate: { el: "Ένα άλλο παραστατικό κατέχει ήδη αυτή τη σειρά και αριθμό στον πάροχο.", en: "Another document already holds this series and number at the provider." },
  mismatch: { el: "Ένα άλλο παραστατικό κατέχει ήδη αυτή τη σειρά και αριθμό στον πάροχο.", en: "Another document already holds this series and number at the provider." },
  unavailable: { el: "Ο πάροχος δεν ήταν διαθέσιμος· η αποστολή επαναλαμβάνεται μόνη της.", en: "The provider was not available; sending is retried on its own." },
  ambiguous: { el: "Η απάντηση του παρόχου χάθηκε· η κατάσταση ελέγχεται στον πάροχο πριν από νέα αποστολή.", en: "The provider's answer was lost; its state is checked at the provider before anything is sent again." },
};

/** Plain words for a recorded failure: the first known code's, else the kind's; null when none fits. */
export function plainProviderError(kind: string, codes: readonly (string | null)[], locale: Locale): string | null {
  for (const code of codes) {
    const words = code === null ? undefined : BY_CODE[code];
    if (words !== undefined) return words[locale];
  }
  return BY_KIND[kind]?.[locale] ?? null;
}
