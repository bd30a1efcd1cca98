import type { Locale } from "./locale";
import { interpolate } from "./validation-messages";

/** Strings of the provider outage: the overview banner and documents that wait for the provider. */
export const outageMessages = {
  "outage.banner": {
    el: "Ο πάροχος δεν είναι προσβάσιμος από {since}· {waiting} παραστατικά σε αναμονή.",
    en: "Provider unreachable since {since}, {waiting} notes waiting.",
  },
  "outage.bannerHint": {
    el: "Θα σταλούν αυτόματα μόλις απαντήσει ξανά· δεν χρειάζεται ενέργεια.",
    en: "They will be sent automatically as soon as it answers again; nothing to do.",
  },
  "outage.waiting": { el: "Αναμονή παρόχου", en: "Waiting for the provider" },
  "outage.waitingDetail": {
    el: "Αναμονή παρόχου: το παραστατικό θα σταλεί ξανά αυτόματα μόλις ο πάροχος απαντήσει.",
    en: "Waiting for the provider: the note will be sent again automatically as soon as the provider answers.",
  },
  "outage.lastTry": { el: "Τελευταία προσπάθεια: {message}", en: "Last try: {message}" },
} satisfies Record<string, Record<Locale, string>>;

export type OutageMessageKey = keyof typeof outageMessages;

/** The string of a key in a language, with `{name}` placeholders filled. */
export function ot(key: OutageMessageKey, locale: Locale, params: Record<string, string | number> = {}): string {
  return interpolate(outageMessages[key][locale], params);
}
