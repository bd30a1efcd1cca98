"use client";

import { useId } from "react";
import { Button } from "@/components/ui/button";
import { useLocale } from "@/components/ui/locale-provider";
import { clerkT } from "@/lib/i18n/clerk-messages";

/**
 * Print and e-mail of an accepted document: Print opens the provider's PDF (through the
 * dashboard) for the browser to print; "Send again to…" is shown disabled with its reason, since
 * the provider's observed contract has no endpoint that e-mails a registered document again and a
 * repeated POST of it is answered 409 without an e-mail (docs/reference/observed-uat.md §2, §7).
 */
export function PrintAndEmail({ pdfHref, pdfEmailedTo }: { pdfHref: string; pdfEmailedTo: string[] }) {
  const locale = useLocale();
  const reasonId = useId();
  return (
    <div className="mt-3 space-y-2 border-t border-slate-100 pt-3">
      <div className="flex flex-wrap gap-2">
        <a href={pdfHref} target="_blank" rel="noopener" data-testid="print-pdf"
          className="inline-flex items-center rounded border border-slate-300 bg-white px-4 py-1.5 text-sm font-semibold text-brand hover:bg-slate-50">
          {clerkT("detail.print", locale)}
        </a>
        <Button variant="secondary" disabled aria-describedby={reasonId}>{clerkT("detail.sendAgain", locale)}</Button>
      </div>
      {pdfEmailedTo.length > 0 && <p className="text-sm" data-testid="pdf-emailed-to">{clerkT("email.pdfTo", locale, { to: pdfEmailedTo.join(", ") })}</p>}
      <p id={reasonId} className="text-xs text-slate-500">{clerkT("detail.sendAgainUnavailable", locale)}</p>
    </div>
  );
}
