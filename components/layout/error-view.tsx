"use client";

import type { Locale } from "@/lib/i18n/locale";
import { plainT } from "@/lib/i18n/plain-messages";

/**
 * What a page that failed shows: plain words in the reader's language, a way to try again, and
 * the one code support needs (Next's digest of the server error, never its message).
 */
export function ErrorView({ locale, digest, onRetry }: { locale: Locale; digest: string | undefined; onRetry: () => void }) {
  return (
    <main id="main-content" className="mx-auto max-w-xl space-y-4 px-6 py-16" data-testid="error-page">
      <h1 className="text-2xl font-semibold">{plainT("error.title", locale)}</h1>
      <p>{plainT("error.body", locale)}</p>
      <button type="button" onClick={onRetry} className="rounded bg-brand px-4 py-1.5 text-sm font-semibold text-white">{plainT("error.retry", locale)}</button>
      {digest && (
        <details className="text-sm text-slate-600">
          <summary className="cursor-pointer">{plainT("details.summary", locale)}</summary>
          <p className="mt-1">{plainT("error.code", locale)}: <code>{digest}</code></p>
        </details>
      )}
    </main>
  );
}

/** The reader's language in the browser when no provider is there (the root layout itself failed). */
export function browserLocale(): Locale {
  if (typeof document === "undefined") return "el";
  const cookie = /(?:^|;\s*)locale=(el|en)/.exec(document.cookie)?.[1];
  if (cookie === "el" || cookie === "en") return cookie;
  return typeof navigator !== "undefined" && navigator.language.toLowerCase().startsWith("en") ? "en" : "el";
}
