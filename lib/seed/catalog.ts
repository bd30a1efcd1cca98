/**
 * What seeded history is made of: counterparties (Greek, EU and third-country), goods and
 * services, series and the staff who issue. Every VAT number here passes the draft schema
 * (Greek AFMs carry a correct check digit), so a seeded document can be reopened as a draft.
 */

export interface SeedParty {
  name: string;
  vat: string;
  countryCode: string;
  city: string;
  street: string;
  postalCode: string;
  /** myDATA income classification type that fits where the counterparty is. */
  classificationType: "E3_561_001" | "E3_561_005" | "E3_561_006";
}

/** A Greek AFM whose ninth digit is the check digit of the first eight. */
export function afmWithCheckDigit(firstEight: string): string {
  let sum = 0;
  for (let index = 0; index < 8; index += 1) sum += Number(firstEight[index]) * 2 ** (8 - index);
  return `${firstEight}${(sum % 11) % 10}`;
}

const GREEK_NAMES = [
  "ΑΦΟΙ ΠΑΠΑΔΟΠΟΥΛΟΙ Ο.Ε.", "Ωμέγα Εμπορική Α.Ε.", "ΚΑΦΕΚΟΠΤΕΙΟ Η ΛΕΥΚΑ", "Νικολάου & Σία Ε.Ε.", "ΑΡΤΟΠΟΙΕΙΑ ΘΕΣΣΑΛΙΑΣ Α.Β.Ε.Ε.",
  "Γεωργίου Ελένη – Είδη Δώρων", "ΤΕΧΝΙΚΗ ΚΑΤΑΣΚΕΥΑΣΤΙΚΗ ΑΙΓΑΙΟΥ", "Μαρίνα Σπετσών Ι.Κ.Ε.", "ΦΑΡΜΑΚΕΙΟ ΚΩΝΣΤΑΝΤΙΝΙΔΗ", "Ξενοδοχεία Κρήτης Α.Ε.",
  "ΟΙΝΟΠΟΙΕΙΟ ΝΕΜΕΑΣ Μ.Ι.Κ.Ε.", "Ψηφιακές Λύσεις Πάτρας Ε.Π.Ε.", "ΔΗΜΗΤΡΙΟΥ ΧΡΥΣΑ ΒΙΒΛΙΟΠΩΛΕΙΟ", "Ελαιουργική Μεσσηνίας Α.Ε.", "ΣΟΥΠΕΡ ΜΑΡΚΕΤ Ο ΚΡΙΝΟΣ",
  "Ζαχαροπλαστείο «Η Γλυκιά Ζωή»", "ΜΕΤΑΦΟΡΙΚΗ ΒΟΡΕΙΟΥ ΕΛΛΑΔΟΣ", "Ιατρικά Είδη Ιωαννίνων Ο.Ε.", "ΗΛΕΚΤΡΟΛΟΓΙΚΑ ΣΤΑΥΡΟΥ", "Θαλασσινά Καλύμνου Α.Ε.",
];

const GREEK_PLACES: [string, string, string][] = [
  ["ΑΘΗΝΑ", "ΠΑΝΕΠΙΣΤΗΜΙΟΥ 12", "10671"], ["ΘΕΣΣΑΛΟΝΙΚΗ", "ΤΣΙΜΙΣΚΗ 45", "54623"], ["ΠΑΤΡΑ", "ΜΑΙΖΩΝΟΣ 88", "26221"],
  ["ΗΡΑΚΛΕΙΟ", "25ΗΣ ΑΥΓΟΥΣΤΟΥ 3", "71202"], ["ΛΑΡΙΣΑ", "ΚΟΥΜΟΥΝΔΟΥΡΟΥ 17", "41222"], ["ΙΩΑΝΝΙΝΑ", "ΔΩΔΩΝΗΣ 9", "45221"],
  ["ΒΟΛΟΣ", "ΙΑΣΟΝΟΣ 120", "38221"], ["ΚΑΛΑΜΑΤΑ", "ΑΡΙΣΤΟΜΕΝΟΥΣ 64", "24100"],
];

const FOREIGN: Omit<SeedParty, "classificationType">[] = [
  { name: "Müller Handels GmbH", vat: "DE129274202", countryCode: "DE", city: "Reutlingen", street: "Lederstraße 14", postalCode: "72764" },
  { name: "Société Méditerranéenne SARL", vat: "FR40303265045", countryCode: "FR", city: "Marseille", street: "12 Rue de la République", postalCode: "13002" },
  { name: "Rossi Alimentari S.p.A.", vat: "IT00743110157", countryCode: "IT", city: "Bologna", street: "Via Emilia 220", postalCode: "40133" },
  { name: "Kyriakou Trading Ltd", vat: "CY10259033P", countryCode: "CY", city: "Λευκωσία", street: "Μακαρίου 40", postalCode: "1065" },
  { name: "Балкан Логистик ЕООД", vat: "BG175074752", countryCode: "BG", city: "Sofia", street: "bul. Vitosha 15", postalCode: "1000" },
  { name: "Van Dijk Import B.V.", vat: "NL004495445B01", countryCode: "NL", city: "Rotterdam", street: "Coolsingel 40", postalCode: "3011AD" },
  { name: "Alpenblick Hotel AG", vat: "AT" + "U13585627", countryCode: "AT", city: "Innsbruck", street: "Maria-Theresien-Straße 7", postalCode: "6020" },
];

const THIRD_COUNTRY: Omit<SeedParty, "classificationType">[] = [
  { name: "Atlantic Imports Inc.", vat: "US912345678", countryCode: "US", city: "Boston", street: "100 Federal St", postalCode: "02110" },
  { name: "Thames Provisions Ltd", vat: "GB123456789", countryCode: "GB", city: "London", street: "1 King William St", postalCode: "EC4N7AR" },
  { name: "Helvetia Uhren AG", vat: "CHE116281710", countryCode: "CH", city: "Zürich", street: "Bahnhofstrasse 21", postalCode: "8001" },
];

/** A pool of counterparties: mostly Greek, then EU, then third-country. */
export function seedCounterparties(): SeedParty[] {
  const greek = GREEK_NAMES.map((name, index): SeedParty => {
    const place = GREEK_PLACES[index % GREEK_PLACES.length] ?? GREEK_PLACES[0]!;
    const firstEight = String(80_000_000 + index * 1_234_567).slice(-8).padStart(8, "0");
    return {
      name,
      vat: `EL${afmWithCheckDigit(firstEight)}`,
      countryCode: "GR",
      city: place[0],
      street: place[1],
      postalCode: place[2],
      classificationType: "E3_561_001",
    };
  });
  return [
    ...greek,
    ...FOREIGN.map((party) => ({ ...party, classificationType: "E3_561_005" as const })),
    ...THIRD_COUNTRY.map((party) => ({ ...party, classificationType: "E3_561_006" as const })),
  ];
}

/** Goods and services with a typical net unit price in cents and unit code. */
export const SEED_PRODUCTS: { description: string; priceCents: number; unitCode: number }[] = [
  { description: "Φαρδιά ζώνη cowboy", priceCents: 644, unitCode: 1 },
  { description: "Ελαιόλαδο έξτρα παρθένο 5 λτ.", priceCents: 3_890, unitCode: 1 },
  { description: "Καφές espresso χαρμάνι", priceCents: 1_450, unitCode: 2 },
  { description: "Υπηρεσίες συντήρησης λογισμικού", priceCents: 12_000, unitCode: 1 },
  { description: "Χαρτί εκτύπωσης A4 (κιβώτιο)", priceCents: 2_315, unitCode: 1 },
  { description: "Κρασί Αγιωργίτικο 750 ml", priceCents: 985, unitCode: 1 },
  { description: "Μεταφορικά – επιστροφή εμπορεύματος", priceCents: 4_500, unitCode: 1 },
  { description: "Ύφασμα βαμβακερό", priceCents: 730, unitCode: 4 },
  { description: "Δάπεδο laminate", priceCents: 1_890, unitCode: 5 },
  { description: "Φέτα ΠΟΠ", priceCents: 1_120, unitCode: 2 },
  { description: "Έκπτωση τζίρου τριμήνου", priceCents: 25_000, unitCode: 1 },
  { description: "Διανυκτέρευση – ακύρωση κράτησης", priceCents: 9_500, unitCode: 1 },
];

/** VAT categories of Greek lines, weighted: mostly 24%, some 13% and 6%, island rates now and then. */
export const GREEK_VAT_CATEGORIES = [1, 1, 1, 1, 1, 1, 2, 2, 3, 4, 5] as const;

/** Series of the seeded history and how often each is used. */
export const SEED_SERIES: { code: string; weight: number }[] = [
  { code: "ΠΤ", weight: 45 },
  { code: "A", weight: 25 },
  { code: "B", weight: 15 },
  { code: "ΠΤ-ΧΟΝ", weight: 10 },
  { code: "CN", weight: 5 },
];

/** Who issued the seeded documents (created_by). */
export const SEED_STAFF = ["maria.papadopoulou@example.gr", "giorgos.nikolaou@example.gr", "eleni.konstantinou@example.gr", "nikos.dimitriou@example.gr"];

/** Payment methods used on seeded documents (not 7, POS: it needs a provider signature the product does not collect). */
export const SEED_PAYMENT_METHODS = [1, 1, 3, 5, 6, 8] as const;
