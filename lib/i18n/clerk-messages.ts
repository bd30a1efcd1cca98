import type { Locale } from "./locale";

/** Words of the clerk's day: the collapsing menu, draft limits and autosave, e-mail and print, the customer page. */
export const clerkMessages = {
  "menu.open": { el: "Μενού", en: "Menu" },
  "menu.close": { el: "Κλείσιμο μενού", en: "Close menu" },
  "totals.show": { el: "Εμφάνιση συνόλων", en: "Show totals" },
  "totals.hide": { el: "Απόκρυψη συνόλων", en: "Hide totals" },
} satisfies Record<string, Record<Locale, string>>;

export type ClerkMessageKey = keyof typeof clerkMessages;

/** The string of a key in a language, `{name}` placeholders filled from `params`. */
export function clerkT(key: ClerkMessageKey, locale: Locale, params: Record<string, string | number> = {}): string {
  return clerkMessages[key][locale].replace(/\{(\w+)\}/g, (whole, name: string) => (name in params ? String(params[name]) : whole));
}
