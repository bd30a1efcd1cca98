"use client";

import { useEffect, useRef } from "react";
import type { UseFormReturn } from "react-hook-form";
import { issuedAtText } from "@/components/transmissions/format";
import { PlacedErrors } from "@/components/transmissions/placed-errors";
import { useLocale } from "@/components/ui/locale-provider";
import type { PlacedError } from "@/lib/history/error-fields";
import type { IssuerProfileView } from "@/lib/settings/views";
import { IssuerDetails } from "./issuer-details";
import { ht } from "@/lib/i18n/history-messages";
import type { Locale } from "@/lib/i18n/locale";
import type { ComposeValues } from "@/lib/validation/draft-snapshot";
import { hasControl, stepIndexOf, WIZARD_STEPS } from "@/lib/validation/steps";

/**
 * The compose wizard as Fix & resend: a rejected document's draft, corrected and sent again with
 * its identity kept (the provider refused it, so its number was never consumed).
 */
export interface FixMode {
  documentId: string;
  identity: { series: string; number: string; internalDocumentId: string; issuedAt: string };
  /** What the provider said, placed on the wizard's fields (lib/history/error-fields.ts). */
  providerErrors: PlacedError[];
}

/** Paths that are the document's identity (or its issuer's, whose number it is): shown, never edited. */
const LOCKED = new Set(["series", "number", "issuedAt", "issuerProfileId", "issuer.vat"]);

/**
 * True when an error can sit on a field the wizard shows: a path with a control, of an existing
 * line or payment, and (`locked`, in fix mode) not part of the identity.
 */
export function isOnField(path: string | null, values: Pick<ComposeValues, "lines" | "payments">, { locked = true }: { locked?: boolean } = {}): boolean {
  if (path === null || (locked && LOCKED.has(path)) || !hasControl(path)) return false;
  const row = /^(lines|payments)\.(\d+)\./.exec(path);
  return row === null || Number(row[2]) < values[row[1] as "lines" | "payments"].length;
}

/** The provider's words as a field's error ("The provider: [229] …"). */
function providerText(error: PlacedError, locale: Locale): string {
  return ht("fix.providerSaid", locale, { message: `${error.code === null ? "" : `[${error.code}] `}${error.message}` });
}

/** The step a fix starts on: the first one the provider found something wrong in (the first step when it said nothing placeable). */
export function firstStepWithError(errors: readonly PlacedError[]): number {
  const steps = errors.map((error) => stepIndexOf(error.step)).filter((index) => index >= 0);
  return steps.length === 0 ? 0 : Math.min(...steps);
}

/**
 * Puts the provider's errors on their fields once, when the fix opens. They are errors like the
 * schema's: editing the field, or leaving the step once it is valid, clears them.
 */
export function useProviderErrors(form: UseFormReturn<ComposeValues>, fix: FixMode | undefined, locale: Locale): void {
  const placed = useRef(false);
  useEffect(() => {
    if (!fix || placed.current) return;
    placed.current = true;
    const values = form.getValues();
    for (const error of fix.providerErrors) {
      if (isOnField(error.path, values)) form.setError(error.path as never, { type: "provider", message: providerText(error, locale) });
    }
  }, [fix, form, locale]);
}

/** The document's identity, at the top of every step: the fix keeps it. */
export function FixIdentity({ identity }: { identity: FixMode["identity"] }) {
  const locale = useLocale();
  return (
    <section aria-labelledby="fix-identity-title" className="rounded-lg border border-slate-200 bg-slate-50 p-3">
      <h2 id="fix-identity-title" className="mb-2 text-xs font-semibold text-slate-600">{ht("fix.identity", locale)}</h2>
      <dl className="grid grid-cols-2 gap-2 text-sm md:grid-cols-4">
        <div><dt className="text-xs text-slate-500">{ht("history.col.document", locale)}</dt><dd data-testid="fix-identity">{identity.series}/{identity.number}</dd></div>
        <div><dt className="text-xs text-slate-500">{ht("detail.issuedAt", locale)}</dt><dd>{issuedAtText(identity.issuedAt)}</dd></div>
        <div className="col-span-2"><dt className="text-xs text-slate-500">{ht("detail.internalId", locale)}</dt><dd className="font-mono text-xs">{identity.internalDocumentId}</dd></div>
      </dl>
    </section>
  );
}

/** The provider's errors of a step that no field of it shows (the totals, a locked field, a whole line), under its heading. */
export function StepProviderErrors({ step, fix, values }: { step: number; fix: FixMode; values: Pick<ComposeValues, "lines" | "payments"> }) {
  const id = WIZARD_STEPS[step]?.id;
  const loose = fix.providerErrors.filter((error) => error.step === id && !isOnField(error.path, values));
  if (loose.length === 0) return null;
  return <div role="note" className="mb-4 rounded border border-red-200 bg-red-50 p-2" data-testid="step-provider-errors"><PlacedErrors errors={loose} withField /></div>;
}

/**
 * Step 1 of a fix: the issuer's VAT number is the number's owner and stays; its name and address
 * are its profile's (an administrator corrects them in the settings), the branch may be changed.
 */
export function FixIssuerStep({ vat, profiles }: { vat: string; profiles: readonly IssuerProfileView[] }) {
  return <IssuerDetails profile={profiles.find((p) => p.vat === vat)} vat={vat} vatTestId="fix-issuer-vat" />;
}
