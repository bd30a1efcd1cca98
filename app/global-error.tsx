"use client";

import { browserLocale, ErrorView } from "@/components/layout/error-view";

// The root layout itself failed: the page is drawn from scratch, the language read in the browser.
export default function GlobalError({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  const locale = browserLocale();
  return (
    <html lang={locale}>
      <body>
        <ErrorView locale={locale} digest={error.digest} onRetry={reset} />
      </body>
    </html>
  );
}
