import type { ReactNode } from "react";
import { plainT } from "@/lib/i18n/plain-messages";
import { getRequestLocale } from "@/lib/i18n/server-locale";

/** Technical detail (HTTP status, the provider's own text, field paths) folded away under one disclosure. */
export async function TechnicalDetails({ children, summary }: { children: ReactNode; summary?: string }) {
  const locale = await getRequestLocale();
  return (
    <details className="mt-1 text-xs" data-testid="technical-details">
      <summary className="cursor-pointer font-semibold">{summary ?? plainT("details.summary", locale)}</summary>
      <div className="mt-1 space-y-0.5 font-mono">{children}</div>
    </details>
  );
}
