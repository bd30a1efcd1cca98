"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useId, useState, type FormEvent } from "react";
import { Button } from "@/components/ui/button";
import { ApiError } from "@/components/ui/fetch-json";
import { Input } from "@/components/ui/input";
import { useLocale } from "@/components/ui/locale-provider";
import { Notice } from "@/components/ui/notice";
import { queryKeys } from "@/components/ui/query-keys";
import { creditT } from "@/lib/i18n/credit-messages";
import { correctCredit } from "./transmission-api";

/** Correct & resend a rejected credit of an issued document: the original's code (checked at the provider) and 5.1/5.2; its number stays. */
export function CorrectCreditForm({ id, series, number }: { id: string; series: string; number: string }) {
  const locale = useLocale();
  const router = useRouter();
  const client = useQueryClient();
  const codeId = useId();
  const [code, setCode] = useState("");
  const [related, setRelated] = useState(true);
  const correct = useMutation({
    mutationFn: () => correctCredit(id, { authenticationCode: code, relateCredit: related }, locale),
    onSuccess: async () => {
      await client.invalidateQueries({ queryKey: queryKeys.transmissions.all });
      router.refresh();
    },
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!correct.isPending) correct.mutate();
  };
  const fieldError = correct.error instanceof ApiError ? correct.error.fieldErrors.find((error) => error.path === "authenticationCode")?.message : undefined;
  return (
    <form onSubmit={submit} className="space-y-2 rounded border border-slate-200 p-3 text-sm" aria-label={creditT("correct.title", locale)}>
      <p className="text-slate-600">{creditT("correct.intro", locale, { series, number })}</p>
      <label htmlFor={codeId} className="block font-medium">{creditT("correct.code", locale)}</label>
      <Input id={codeId} value={code} onChange={(event) => setCode(event.target.value)} autoComplete="off" spellCheck={false} invalid={fieldError !== undefined} />
      {fieldError !== undefined && <p className="text-red-700">{fieldError}</p>}
      <label className="flex items-center gap-2">
        <input type="checkbox" checked={related} onChange={(event) => setRelated(event.target.checked)} />
        {creditT("correct.related", locale)}
      </label>
      {correct.error && fieldError === undefined && <Notice tone="error">{correct.error.message}</Notice>}
      <Button type="submit" disabled={correct.isPending || correct.isSuccess || code.trim() === ""}>{creditT("correct.submit", locale)}</Button>
    </form>
  );
}
