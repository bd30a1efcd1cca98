import type { Locale } from "./locale";

/** UI strings; keys are stable, values per language. */
export const messages = {
  "app.name": { el: "Credit Desk", en: "Credit Desk" },
  "app.tagline": { el: "Πιστωτικά τιμολόγια 5.2 μέσω Impact eInvoicing", en: "5.2 credit notes through Impact eInvoicing" },
  "nav.overview": { el: "Επισκόπηση", en: "Overview" },
  "nav.skip": { el: "Μετάβαση στο περιεχόμενο", en: "Skip to content" },
  "env.SANDBOX": { el: "SANDBOX — δοκιμαστικός πάροχος, τίποτα δεν αποστέλλεται στο myDATA", en: "SANDBOX — simulated provider, nothing reaches myDATA" },
  "env.UAT": { el: "UAT — δοκιμαστικό περιβάλλον παρόχου", en: "UAT — provider test environment" },
  "env.PRODUCTION": { el: "PRODUCTION — τα παραστατικά καταχωρούνται στο myDATA", en: "PRODUCTION — documents are registered with myDATA" },
  "overview.title": { el: "Επισκόπηση", en: "Overview" },
  "overview.connection": { el: "Σύνδεση με τον πάροχο", en: "Provider connection" },
  "overview.baseUrl": { el: "Διεύθυνση", en: "Base URL" },
  "overview.environment": { el: "Περιβάλλον", en: "Environment" },
  "overview.key": { el: "Κλειδί API", en: "API key" },
  "overview.keyConfigured": { el: "ρυθμισμένο (δεν εμφανίζεται)", en: "configured (never shown)" },
  "overview.keyMissing": { el: "λείπει", en: "missing" },
  "overview.reachable": { el: "Προσβάσιμος", en: "Reachable" },
  "overview.database": { el: "Βάση δεδομένων", en: "Database" },
  "overview.portalUrl": { el: "Πύλη (λίστα παραστατικών)", en: "Portal (document list)" },
  "overview.authMode": { el: "Πιστοποίηση", en: "Authentication" },
  "overview.authApikey": { el: "κλειδί API (κεφαλίδα APIKey)", en: "API key (APIKey header)" },
  "overview.authBearer": { el: "bearer token (σύνδεση και ανανέωση)", en: "bearer token (login and refresh)" },
  "overview.statusLookup": { el: "Αναζήτηση κατάστασης (/MyData/status)", en: "Status look-up (/MyData/status)" },
  "overview.statusLookupOn": { el: "ενεργή", en: "on" },
  "overview.statusLookupOff": { el: "ανενεργή — η λίστα παραστατικών της πύλης", en: "off — the portal's document list" },
  "common.yes": { el: "ναι", en: "yes" },
  "common.no": { el: "όχι", en: "no" },
} satisfies Record<string, Record<Locale, string>>;

export type MessageKey = keyof typeof messages;

/** The string of a key in a language. */
export function t(key: MessageKey, locale: Locale): string {
  return messages[key][locale];
}
