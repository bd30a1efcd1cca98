"use client";

import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useId, useState } from "react";
import { Button } from "@/components/ui/button";
import { Card, CardTitle } from "@/components/ui/card";
import { ConfirmDialog } from "@/components/ui/dialog";
import { ApiError, requestJson } from "@/components/ui/fetch-json";
import { Input, Textarea } from "@/components/ui/input";
import { useLocale } from "@/components/ui/locale-provider";
import { Notice } from "@/components/ui/notice";
import { formatCents } from "@/lib/domain/money";
import { creditT } from "@/lib/i18n/credit-messages";

export interface CreditAllOriginal {
  mark: string;
  authenticationCode: string;
  series: string;
  number: string;
  issuerVat: string;
  dateIssued: string;
  totals: { netCents: number; vatCents: number; grossCents: number };
}

/**
 * Credit all of an issued invoice through the provider's /Invoice/credit: the series of the new
 * credit note and 5.1 (related, the default) or 5.2, then a confirmation saying exactly what will
 * be credited. One Idempotency-Key per panel: confirming twice issues one credit. An admin may
 * write a reason to credit beyond what remains (audited); anyone else gets the refusal with the amounts.
 */
export function CreditAllPanel({ original, remainingCents, creditedCents, seriesChoices, isAdmin }: {
  original: CreditAllOriginal;
  remainingCents: number;
  creditedCents: number;
  seriesChoices: string[];
  isAdmin: boolean;
}) {
  const locale = useLocale();
  const router = useRouter();
  const ids = { series: useId(), reason: useId(), list: useId() };
  const [series, setSeries] = useState(seriesChoices[0] ?? "");
  const [related, setRelated] = useState(true);
  const [reason, setReason] = useState("");
  const [confirming, setConfirming] = useState(false);
  const [idempotencyKey] = useState(() => crypto.randomUUID());
  const money = (cents: number) => `${formatCents(cents, locale)} €`;
  const credit = useMutation({
    mutationFn: () => requestJson<{ id: string }>("/api/credit-notes/credit-existing", {
      method: "POST", locale, headers: { "Idempotency-Key": idempotencyKey },
      body: {
        authenticationCode: original.authenticationCode, mark: original.mark, relateCredit: related, series: series.trim(), issuerVat: original.issuerVat,
        issuedOn: original.dateIssued, ...(isAdmin && reason.trim() !== "" ? { overrideReason: reason.trim() } : {}),
      },
    }),
    onSuccess: (answer) => router.push(`/transmissions/${answer.id}`),
  });
  const exhausted = creditedCents > 0;
  const seriesError = credit.error instanceof ApiError ? credit.error.fieldErrors.find((error) => error.path === "series")?.message : undefined;
  return (
    <Card aria-labelledby="credit-all-title">
      <CardTitle id="credit-all-title">{creditT("creditAll.title", locale)}</CardTitle>
      <div className="space-y-3 text-sm">
        <label htmlFor={ids.series} className="block font-medium">{creditT("creditAll.series", locale)}</label>
        <Input id={ids.series} value={series} onChange={(event) => setSeries(event.target.value)} list={ids.list} autoComplete="off" invalid={seriesError !== undefined} />
        <datalist id={ids.list}>{seriesChoices.map((code) => <option key={code} value={code} />)}</datalist>
        {seriesError !== undefined && <p className="text-red-700">{seriesError}</p>}
        <fieldset className="space-y-1">
          {[true, false].map((value) => (
            <label key={String(value)} className="flex items-center gap-2">
              <input type="radio" name="credit-all-kind" checked={related === value} onChange={() => setRelated(value)} />
              {creditT(value ? "creditAll.related" : "creditAll.unrelated", locale)}
            </label>
          ))}
        </fieldset>
        {isAdmin && exhausted && (
          <div className="space-y-1">
            <p className="text-slate-600">{creditT("creditAll.overrideHint", locale)}</p>
            <label htmlFor={ids.reason} className="block font-medium">{creditT("creditAll.overrideReason", locale)}</label>
            <Textarea id={ids.reason} value={reason} onChange={(event) => setReason(event.target.value)} rows={2} maxLength={500} />
          </div>
        )}
        {credit.error && <Notice tone="error">{creditT("creditAll.failed", locale)} {credit.error.message}</Notice>}
        <Button onClick={() => setConfirming(true)} disabled={credit.isPending || credit.isSuccess || series.trim() === ""}>
          {creditT(credit.isPending || credit.isSuccess ? "creditAll.sending" : "creditAll.review", locale)}
        </Button>
        <p className="text-xs text-slate-500">{creditT("original.credited", locale, { credited: money(creditedCents), total: money(original.totals.grossCents), remaining: money(remainingCents) })}</p>
      </div>
      <ConfirmDialog open={confirming} title={creditT("creditAll.confirmTitle", locale)} confirmLabel={creditT("creditAll.confirm", locale)} cancelLabel={creditT("creditAll.cancel", locale)}
        onCancel={() => setConfirming(false)}
        onConfirm={() => {
          setConfirming(false);
          if (!credit.isPending) credit.mutate();
        }}>
        <p data-testid="credit-all-summary">
          {creditT("creditAll.confirmText", locale, {
            kind: related ? "5.1" : "5.2", series: series.trim(), document: `${original.series}/${original.number}`, mark: original.mark,
            net: money(original.totals.netCents), vat: money(original.totals.vatCents), gross: money(original.totals.grossCents),
          })}
        </p>
      </ConfirmDialog>
    </Card>
  );
}
