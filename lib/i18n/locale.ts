/** Languages of the UI and of error messages; Greek is the default. */
export type Locale = "el" | "en";

export const DEFAULT_LOCALE: Locale = "el";

/** Picks the language from an Accept-Language header: English only when it is preferred over Greek. */
export function localeFromAcceptLanguage(header: string | null | undefined): Locale {
  if (!header) return DEFAULT_LOCALE;
  const ranked = header
    .split(",")
    .map((part) => {
      const [tag = "", ...params] = part.trim().toLowerCase().split(";");
      const q = params.map((p) => p.trim()).find((p) => p.startsWith("q="));
      return { tag, q: q ? Number(q.slice(2)) || 0 : 1 };
    })
    .sort((a, b) => b.q - a.q);
  for (const { tag } of ranked) {
    if (tag.startsWith("el")) return "el";
    if (tag.startsWith("en")) return "en";
  }
  return DEFAULT_LOCALE;
}
