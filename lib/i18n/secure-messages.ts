import type { Locale } from "./locale";

/**
 * Words of the checks that keep issuers and series admin-defined and idempotency keys per user.
 * Validation codes combine with the field's label ("Series: …").
 */
export const secureValidationMessages: Record<string, Record<Locale, string>> = {
  issuer_required: { el: "διαλέξτε έναν από τους εκδότες που έχει ορίσει ο διαχειριστής", en: "choose one of the issuers an administrator has defined" },
  issuer_not_defined: {
    el: "ο εκδότης {vat} δεν έχει οριστεί· διαλέξτε έναν από τους εκδότες των ρυθμίσεων (τους ορίζει ο διαχειριστής)",
    en: "issuer {vat} is not defined; choose one of the issuers in the settings (an administrator defines them)",
  },
  branch_not_defined: {
    el: "το υποκατάστημα {branch} δεν έχει οριστεί για αυτόν τον εκδότη· διαλέξτε την έδρα ή ένα από τα υποκαταστήματά του",
    en: "branch {branch} is not defined for this issuer; choose the head office or one of its branches",
  },
  series_not_defined: {
    el: "η σειρά «{series}» δεν έχει οριστεί για αυτόν τον εκδότη· διαλέξτε μία από τις σειρές του (νέες σειρές ορίζει ο διαχειριστής)",
    en: "series “{series}” is not defined for this issuer; choose one of its series (an administrator defines new ones)",
  },
  series_lookalike: {
    el: "μοιάζει με την υπάρχουσα σειρά «{existing}» (ίδια γράμματα σε ελληνικά/λατινικά, πεζά/κεφαλαία ή τόνους)· διαλέξτε διαφορετικό κωδικό",
    en: "looks like the existing series “{existing}” (same letters in Greek/Latin, case or accents); choose a different code",
  },
};

/** Words of the error codes added with these checks. */
export const secureErrorMessages = {
  idempotency_key_reused: {
    el: "Το Idempotency-Key έχει ήδη χρησιμοποιηθεί από εσάς για διαφορετικό παραστατικό. Στείλτε ξανά ακριβώς το ίδιο αίτημα ή χρησιμοποιήστε νέο κλειδί.",
    en: "You already used this Idempotency-Key for a different document. Send exactly the same request again, or use a new key.",
  },
} satisfies Record<string, Record<Locale, string>>;

/** Words of the wizard's issuer step (issuer and series chosen among the defined ones). */
export const secureUiMessages = {
  "issuer.choose": { el: "Διαλέξτε εκδότη…", en: "Choose an issuer…" },
  "issuer.required": { el: "Διαλέξτε έναν από τους εκδότες που έχει ορίσει ο διαχειριστής.", en: "Choose one of the issuers an administrator has defined." },
  "issuer.noneDefined": {
    el: "Δεν έχει οριστεί κανένας εκδότης. Τους εκδότες και τις σειρές τους τα ορίζει ο διαχειριστής (Ρυθμίσεις).",
    en: "No issuer is defined yet. An administrator defines issuers and their series (Settings).",
  },
  "issuer.gone": {
    el: "Ο εκδότης {vat} δεν υπάρχει πια στις ρυθμίσεις· ζητήστε από τον διαχειριστή να τον ορίσει ξανά για να σταλεί η διόρθωση.",
    en: "Issuer {vat} is no longer in the settings; ask an administrator to define it again so the correction can be sent.",
  },
  "series.choose": { el: "Διαλέξτε σειρά…", en: "Choose a series…" },
  "series.noneDefined": {
    el: "Αυτός ο εκδότης δεν έχει ακόμη σειρές. Νέες σειρές ορίζει ο διαχειριστής (Ρυθμίσεις → Σειρές).",
    en: "This issuer has no series yet. An administrator defines new series (Settings → Series).",
  },
  "series.notDefined": {
    el: "Η σειρά «{series}» του προχείρου δεν έχει οριστεί· διαλέξτε μία από τις σειρές του εκδότη.",
    en: "The draft's series “{series}” is not defined; choose one of the issuer's series.",
  },
} satisfies Record<string, Record<Locale, string>>;

export type SecureUiKey = keyof typeof secureUiMessages;

/** A wizard word of these checks in a language, `{name}` placeholders filled. */
export function secureT(key: SecureUiKey, locale: Locale, params: Record<string, string | number> = {}): string {
  return secureUiMessages[key][locale].replace(/\{(\w+)\}/g, (whole, name: string) => (name in params ? String(params[name]) : whole));
}
