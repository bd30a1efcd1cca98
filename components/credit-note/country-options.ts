import type { Locale } from "@/lib/i18n/locale";

/** Countries offered for counterparties: Greece first, the other EU states, then frequent third countries. */
const COUNTRIES: readonly [code: string, el: string, en: string][] = [
  ["GR", "Ελλάδα", "Greece"],
  ["AT", "Αυστρία", "Austria"], ["BE", "Βέλγιο", "Belgium"], ["BG", "Βουλγαρία", "Bulgaria"], ["HR", "Κροατία", "Croatia"],
  ["CY", "Κύπρος", "Cyprus"], ["CZ", "Τσεχία", "Czechia"], ["DK", "Δανία", "Denmark"], ["EE", "Εσθονία", "Estonia"],
  ["FI", "Φινλανδία", "Finland"], ["FR", "Γαλλία", "France"], ["DE", "Γερμανία", "Germany"], ["HU", "Ουγγαρία", "Hungary"],
  ["IE", "Ιρλανδία", "Ireland"], ["IT", "Ιταλία", "Italy"], ["LV", "Λετονία", "Latvia"], ["LT", "Λιθουανία", "Lithuania"],
  ["LU", "Λουξεμβούργο", "Luxembourg"], ["MT", "Μάλτα", "Malta"], ["NL", "Ολλανδία", "Netherlands"], ["PL", "Πολωνία", "Poland"],
  ["PT", "Πορτογαλία", "Portugal"], ["RO", "Ρουμανία", "Romania"], ["SK", "Σλοβακία", "Slovakia"], ["SI", "Σλοβενία", "Slovenia"],
  ["ES", "Ισπανία", "Spain"], ["SE", "Σουηδία", "Sweden"],
  // Northern Ireland is GB in myDATA's CountryType; its XI VAT number is kept as typed.
  ["GB", "Ηνωμένο Βασίλειο", "United Kingdom"], ["AL", "Αλβανία", "Albania"], ["MK", "Βόρεια Μακεδονία", "North Macedonia"],
  ["RS", "Σερβία", "Serbia"], ["TR", "Τουρκία", "Türkiye"], ["CH", "Ελβετία", "Switzerland"], ["NO", "Νορβηγία", "Norway"],
  ["UA", "Ουκρανία", "Ukraine"], ["US", "ΗΠΑ", "United States"], ["CA", "Καναδάς", "Canada"], ["AU", "Αυστραλία", "Australia"],
  ["CN", "Κίνα", "China"], ["JP", "Ιαπωνία", "Japan"], ["IL", "Ισραήλ", "Israel"], ["EG", "Αίγυπτος", "Egypt"],
  ["AE", "Ηνωμένα Αραβικά Εμιράτα", "United Arab Emirates"], ["IN", "Ινδία", "India"],
];

/** The country choices of a select, labelled "DE — Γερμανία". */
export function countryOptions(locale: Locale): { value: string; label: string }[] {
  return COUNTRIES.map(([code, el, en]) => ({ value: code, label: `${code} — ${locale === "el" ? el : en}` }));
}
