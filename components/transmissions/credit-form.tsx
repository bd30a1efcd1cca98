"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useState, type FormEvent } from "react";
import { Button } from "@/components/ui/button";
import { ApiError } from "@/components/ui/fetch-json";
import { useLocale } from "@/components/ui/locale-provider";
import { Notice } from "@/components/ui/notice";
import { queryKeys } from "@/components/ui/query-keys";
import { Select } from "@/components/ui/select";
import { ht } from "@/lib/i18n/history-messages";
import { creditDocument } from "./transmission-api";

/** Credit this document: the series of the new credit, 5.2 or related 5.1, then off to the new document's page. */
export function CreditForm({ mark, authenticationCode, series, seriesChoices }: {
  mark: string;
  authenticationCode: string;
  series: string;
  seriesChoices: string[];
}) {
  const locale = useLocale();
  const router = useRouter();
  const client = useQueryClient();
  // One key per form: submitting twice issues one credit.
  const [idempotencyKey] = useState(() => crypto.randomUUID());
  const credit = useMutation({
    mutationFn: (body: { series: string; relateCredit: boolean }) => creditDocument({ authenticationCode, mark, ...body }, idempotencyKey, locale),
    onSuccess: async (answer) => {
      await client.invalidateQueries({ queryKey: queryKeys.transmissions.all });
      router.push(`/transmissions/${answer.id}`);
    },
  });
  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const data = new FormData(event.currentTarget);
    credit.mutate({ series: String(data.get("series") ?? series), relateCredit: data.get("relateCredit") === "on" });
  }
  const choices = [...new Set([series, ...seriesChoices])];
  return (
    <form onSubmit={submit} aria-label={ht("action.credit", locale)} className="flex flex-wrap items-end gap-3 rounded border border-slate-200 p-3 text-sm">
      <label className="flex flex-col gap-1 text-xs font-medium text-slate-600">{ht("action.creditSeries", locale)}
        <Select name="series" defaultValue={series} options={choices.map((code) => ({ value: code, label: code }))} />
      </label>
      <label className="flex items-center gap-2"><input type="checkbox" name="relateCredit" /> {ht("action.creditRelated", locale)}</label>
      <Button type="submit" disabled={credit.isPending}>{credit.isPending ? ht("action.working", locale) : ht("action.creditSubmit", locale)}</Button>
      {credit.error && <Notice tone="error" className="w-full">{credit.error instanceof ApiError ? credit.error.message : ht("action.failed", locale)}</Notice>}
    </form>
  );
}
