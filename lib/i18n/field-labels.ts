import { fiscalFieldLabels } from "./fiscal-field-labels";
import type { Locale } from "./locale";
import { creditFieldLabels } from "./credit-codes";

const labels: Record<string, Record<Locale, string>> = {
  "": { el: "Στοιχεία", en: "Input" },
  id: { el: "Αναγνωριστικό πρόχειρου", en: "Draft id" },
  issuerProfileId: { el: "Προφίλ εκδότη", en: "Issuer profile" },
  issuer: { el: "Εκδότης", en: "Issuer" },
  "issuer.vat": { el: "ΑΦΜ εκδότη", en: "Issuer VAT number" },
  "issuer.name": { el: "Επωνυμία εκδότη", en: "Issuer name" },
  "issuer.branchCode": { el: "Υποκατάστημα εκδότη", en: "Issuer branch" },
  "issuer.address.countryCode": { el: "Χώρα εκδότη", en: "Issuer country" },
  "issuer.address.city": { el: "Πόλη εκδότη", en: "Issuer city" },
  "issuer.address.street": { el: "Οδός εκδότη", en: "Issuer street" },
  "issuer.address.postalCode": { el: "Τ.Κ. εκδότη", en: "Issuer postal code" },
  series: { el: "Σειρά", en: "Series" },
  number: { el: "Αριθμός", en: "Number" },
  issuedAt: { el: "Ημερομηνία έκδοσης", en: "Issue date" },
  counterparty: { el: "Αντισυμβαλλόμενος", en: "Counterparty" },
  "counterparty.name": { el: "Επωνυμία αντισυμβαλλόμενου", en: "Counterparty name" },
  "counterparty.vat": { el: "ΑΦΜ/VAT αντισυμβαλλόμενου", en: "Counterparty VAT number" },
  "counterparty.code": { el: "Κωδικός αντισυμβαλλόμενου", en: "Counterparty code" },
  "counterparty.address.countryCode": { el: "Χώρα αντισυμβαλλόμενου", en: "Counterparty country" },
  "counterparty.address.city": { el: "Πόλη αντισυμβαλλόμενου", en: "Counterparty city" },
  "counterparty.address.street": { el: "Οδός αντισυμβαλλόμενου", en: "Counterparty street" },
  "counterparty.address.postalCode": { el: "Τ.Κ. αντισυμβαλλόμενου", en: "Counterparty postal code" },
  "counterparty.emails": { el: "E-mail αντισυμβαλλόμενου", en: "Counterparty e-mails" },
  priceEntry: { el: "Τρόπος εισαγωγής τιμών", en: "Price entry" },
  lines: { el: "Γραμμές", en: "Lines" },
  "lines.description": { el: "Περιγραφή", en: "Description" },
  "lines.quantity": { el: "Ποσότητα", en: "Quantity" },
  "lines.unitCode": { el: "Μονάδα μέτρησης", en: "Unit" },
  "lines.unitPrice": { el: "Τιμή μονάδας", en: "Unit price" },
  "lines.discountPercent": { el: "Έκπτωση %", en: "Discount %" },
  "lines.vatCategory": { el: "Κατηγορία ΦΠΑ", en: "VAT category" },
  "lines.vatExemptionCategory": { el: "Αιτία εξαίρεσης ΦΠΑ", en: "VAT exemption reason" },
  "lines.incomeClassification": { el: "Χαρακτηρισμός εσόδου", en: "Income classification" },
  "lines.incomeClassification.category": { el: "Κατηγορία χαρακτηρισμού", en: "Classification category" },
  "lines.incomeClassification.type": { el: "Τύπος χαρακτηρισμού", en: "Classification type" },
  payments: { el: "Πληρωμές", en: "Payments" },
  "payments.methodCode": { el: "Τρόπος πληρωμής", en: "Payment method" },
  "payments.amount": { el: "Ποσό πληρωμής", en: "Payment amount" },
  emails: { el: "E-mail παραλήπτη", en: "Recipient e-mails" },
  reference: { el: "Σχετικό παραστατικό", en: "Original document reference" },
  notes: { el: "Σημειώσεις", en: "Notes" },
  draft: { el: "Πρόχειρο", en: "Draft" },
  // Settings, address book and crediting an issued document (their bodies are not drafts).
  vat: { el: "ΑΦΜ / VAT", en: "VAT number" },
  name: { el: "Επωνυμία", en: "Name" },
  code: { el: "Κωδικός", en: "Code" },
  "address.countryCode": { el: "Χώρα", en: "Country" },
  "address.city": { el: "Πόλη", en: "City" },
  "address.street": { el: "Οδός", en: "Street" },
  "address.postalCode": { el: "Τ.Κ.", en: "Postal code" },
  defaultClassification: { el: "Προεπιλεγμένος χαρακτηρισμός", en: "Default classification" },
  "defaultClassification.category": { el: "Κατηγορία χαρακτηρισμού", en: "Classification category" },
  "defaultClassification.type": { el: "Τύπος χαρακτηρισμού", en: "Classification type" },
  branchCode: { el: "Κωδικός υποκαταστήματος", en: "Branch code" },
  issuerVat: { el: "ΑΦΜ εκδότη", en: "Issuer VAT number" },
  nextNumber: { el: "Επόμενος αριθμός", en: "Next number" },
  description: { el: "Περιγραφή", en: "Description" },
  authenticationCode: { el: "Κωδικός αυθεντικοποίησης", en: "Authentication code" },
  mark: { el: "ΜΑΡΚ", en: "MARK" },
  relateCredit: { el: "Συσχέτιση", en: "Related credit" },
  step: { el: "Βήμα", en: "Step" },
  q: { el: "Αναζήτηση", en: "Search" },
  ...creditFieldLabels,
  ...fiscalFieldLabels,
};

const rowWords: Record<string, Record<Locale, string>> = {
  lines: { el: "γραμμή", en: "line" },
  payments: { el: "πληρωμή", en: "payment" },
  emails: { el: "διεύθυνση", en: "address" },
};

/**
 * Human name of a field path such as `lines.1.unitPrice` → "Τιμή μονάδας (γραμμή 2)".
 * Array indexes become 1-based row numbers.
 */
export function fieldLabel(path: string, locale: Locale): string {
  const parts = path.split(".");
  const key = parts.filter((p) => !/^\d+$/.test(p)).join(".");
  const rows: string[] = [];
  parts.forEach((part, i) => {
    const previous = parts[i - 1];
    if (/^\d+$/.test(part) && previous && rowWords[previous]) {
      rows.push(`${rowWords[previous][locale]} ${Number(part) + 1}`);
    }
  });
  let label = labels[key]?.[locale];
  for (let cut = parts.length - 1; label === undefined && cut > 0; cut--) {
    label = labels[parts.slice(0, cut).filter((p) => !/^\d+$/.test(p)).join(".")]?.[locale];
  }
  label ??= path;
  return rows.length > 0 ? `${label} (${rows.join(", ")})` : label;
}
