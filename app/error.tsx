"use client";

import { ErrorView } from "@/components/layout/error-view";
import { useLocale } from "@/components/ui/locale-provider";

// A page that failed while rendering: plain words in the reader's language, never the error's text.
export default function PageError({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  const locale = useLocale();
  return <ErrorView locale={locale} digest={error.digest} onRetry={reset} />;
}
