"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useState, type FormEvent, type ReactNode } from "react";
import { Button } from "@/components/ui/button";
import { ApiError, type ApiFieldError } from "@/components/ui/fetch-json";
import { Notice } from "@/components/ui/notice";
import type { EditableDraft } from "@/lib/history/draft-from-payload";
import type { PlacedError } from "@/lib/history/error-fields";
import type { WizardStepId as WizardStep } from "@/lib/validation/steps";
import { ht } from "@/lib/i18n/history-messages";
import type { Locale } from "@/lib/i18n/locale";
import type { FieldProblems } from "./fix-field";
import { FixLines } from "./fix-lines";
import { FixCounterparty } from "./fix-party";
import { FixPayments } from "./fix-payments";
import { issuedAtText } from "./format";
import { PlacedErrors } from "./placed-errors";
import { transmissionKeys, fixDocument } from "./transmission-api";

/** Paths the form has a field for; provider errors elsewhere are listed under their step's heading. */
function hasField(path: string | null, draft: EditableDraft): boolean {
  if (path === null) return false;
  if (/^counterparty\.(name|vat|address\.\w+)$/.test(path) || /^payments\.\d+(\.(amount|methodCode))?$/.test(path) || path === "payments" || path === "reference") return true;
  const line = /^lines\.(\d+)/.exec(path);
  return line !== null && Number(line[1]) < draft.lines.length;
}

function Section({ step, errors, draft, locale, children }: { step: WizardStep; errors: readonly PlacedError[]; draft: EditableDraft; locale: Locale; children: ReactNode }) {
  const loose = errors.filter((error) => error.step === step && !hasField(error.path, draft));
  return (
    <section aria-labelledby={`fix-${step}`} className="space-y-3 rounded-lg border border-slate-200 bg-white p-4">
      <h2 id={`fix-${step}`} className="text-base font-semibold">{ht(`step.${step}`, locale)}</h2>
      <PlacedErrors errors={loose} locale={locale} withField />
      {children}
    </section>
  );
}

/**
 * Fix & resend: the rejected document's draft with the provider's errors beside the fields they
 * concern, grouped as the compose wizard groups them. The identity (series, number, internal id,
 * issue time) is shown, not editable: the document keeps it. Sending validates on the server
 * with the compose schema; its field errors come back beside the same fields.
 */
export function FixForm({ id, initial, providerErrors, identity, locale }: {
  id: string;
  initial: EditableDraft;
  providerErrors: PlacedError[];
  identity: { series: string; number: string; internalDocumentId: string; issuedAt: string };
  locale: Locale;
}) {
  const router = useRouter();
  const client = useQueryClient();
  const [draft, setDraft] = useState(initial);
  const [fieldErrors, setFieldErrors] = useState<ApiFieldError[]>([]);
  const fix = useMutation({
    mutationFn: () => fixDocument(id, draft, locale),
    onSuccess: async () => {
      await client.invalidateQueries({ queryKey: transmissionKeys.all });
      router.push(`/transmissions/${id}`);
      router.refresh();
    },
    onError: (error) => setFieldErrors(error instanceof ApiError ? error.fieldErrors : []),
  });
  const problemsAt = (path: string): FieldProblems => ({
    server: fieldErrors.filter((error) => error.path.replace(/^draft\./, "") === path).map((error) => error.message),
    provider: providerErrors.filter((error) => error.path === path).map((error) => ht("fix.providerSaid", locale, { message: `${error.code === null ? "" : `[${error.code}] `}${error.message}` })),
  });
  const unplacedServer = fieldErrors.filter((error) => !hasField(error.path.replace(/^draft\./, ""), draft));
  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    fix.mutate();
  }
  return (
    <form onSubmit={submit} noValidate aria-label={ht("fix.submit", locale)} className="space-y-4">
      <Section step="issuer" errors={providerErrors} draft={draft} locale={locale}>
        <dl className="grid grid-cols-2 gap-2 text-sm md:grid-cols-4">
          <div><dt className="text-xs text-slate-500">{ht("fix.name", locale)}</dt><dd>{draft.issuer.name}</dd></div>
          <div><dt className="text-xs text-slate-500">{ht("fix.vat", locale)}</dt><dd>{draft.issuer.vat}</dd></div>
          <div><dt className="text-xs text-slate-500">{ht("history.col.document", locale)}</dt><dd data-testid="fix-identity">{identity.series}/{identity.number}</dd></div>
          <div><dt className="text-xs text-slate-500">{ht("detail.issuedAt", locale)}</dt><dd>{issuedAtText(identity.issuedAt)}</dd></div>
          <div className="col-span-2 md:col-span-4"><dt className="text-xs text-slate-500">{ht("detail.internalId", locale)}</dt><dd className="font-mono text-xs">{identity.internalDocumentId}</dd></div>
        </dl>
        <p className="text-xs text-slate-500">{ht("fix.identity", locale)}</p>
      </Section>
      <Section step="counterparty" errors={providerErrors} draft={draft} locale={locale}>
        <FixCounterparty value={draft.counterparty} onChange={(counterparty) => setDraft({ ...draft, counterparty })} problemsAt={problemsAt} locale={locale} />
      </Section>
      <Section step="lines" errors={providerErrors} draft={draft} locale={locale}>
        <FixLines lines={draft.lines} onChange={(lines) => setDraft({ ...draft, lines })} problemsAt={problemsAt} locale={locale} />
      </Section>
      <Section step="vat_payment" errors={providerErrors} draft={draft} locale={locale}>
        <FixPayments draft={draft} onChange={(patch) => setDraft({ ...draft, ...patch })} problemsAt={problemsAt} locale={locale} />
      </Section>
      <Section step="review" errors={providerErrors} draft={draft} locale={locale}>
        {fix.isError && (
          <Notice tone="error">
            {fieldErrors.length > 0 ? ht("fix.failed", locale) : fix.error instanceof ApiError ? fix.error.message : ht("action.failed", locale)}
            {unplacedServer.length > 0 && <ul className="mt-1 list-disc pl-5">{unplacedServer.map((error) => <li key={`${error.path}-${error.code}`}>{error.message}</li>)}</ul>}
          </Notice>
        )}
        <div className="flex items-center gap-3">
          <Button type="submit" disabled={fix.isPending}>{fix.isPending ? ht("action.working", locale) : ht("fix.submit", locale)}</Button>
          <Link href={`/transmissions/${id}`} className="text-sm text-brand underline">{ht("fix.cancel", locale)}</Link>
        </div>
      </Section>
    </form>
  );
}
