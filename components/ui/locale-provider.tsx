"use client";

import { createContext, useContext, type ReactNode } from "react";
import type { Locale } from "@/lib/i18n/locale";

const LocaleContext = createContext<Locale | null>(null);

/**
 * The viewer's language for every client component below it. The root layout reads it on the
 * server (lib/i18n/server-locale.ts) and sets it here once; the locale switch changes the cookie
 * and refreshes, and the layout hands the new language down.
 */
export function LocaleProvider({ locale, children }: { locale: Locale; children: ReactNode }) {
  return <LocaleContext.Provider value={locale}>{children}</LocaleContext.Provider>;
}

/** The viewer's language, in a client component under LocaleProvider. */
export function useLocale(): Locale {
  const locale = useContext(LocaleContext);
  if (locale === null) throw new Error("useLocale() needs a LocaleProvider above it (the root layout sets one).");
  return locale;
}
