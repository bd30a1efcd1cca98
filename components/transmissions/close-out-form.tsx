"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useId, useState, type FormEvent } from "react";
import { Button } from "@/components/ui/button";
import { ApiError } from "@/components/ui/fetch-json";
import { useLocale } from "@/components/ui/locale-provider";
import { Notice } from "@/components/ui/notice";
import { queryKeys } from "@/components/ui/query-keys";
import { creditT } from "@/lib/i18n/credit-messages";
import { closeOutEntry } from "./transmission-api";

/** Close out (void) a rejected or needs-attention entry: the reason is required; the number stays used. */
export function CloseOutForm({ id, series, number }: { id: string; series: string; number: string }) {
  const locale = useLocale();
  const router = useRouter();
  const client = useQueryClient();
  const reasonId = useId();
  const [reason, setReason] = useState("");
  const close = useMutation({
    mutationFn: (text: string) => closeOutEntry(id, text, locale),
    onSuccess: async () => {
      await client.invalidateQueries({ queryKey: queryKeys.transmissions.all });
      router.refresh();
    },
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!close.isPending) close.mutate(reason);
  };
  const fieldError = close.error instanceof ApiError ? close.error.fieldErrors.find((error) => error.path === "reason")?.message : undefined;
  return (
    <form onSubmit={submit} className="space-y-2 rounded border border-slate-200 p-3" aria-label={creditT("closeOut.title", locale)}>
      <p className="text-sm text-slate-600">{creditT("closeOut.intro", locale, { series, number })}</p>
      <label htmlFor={reasonId} className="block text-sm font-medium">{creditT("closeOut.reason", locale)}</label>
      <textarea id={reasonId} value={reason} onChange={(event) => setReason(event.target.value)} rows={2} maxLength={500}
        aria-invalid={fieldError !== undefined} aria-describedby={fieldError === undefined ? undefined : `${reasonId}-error`}
        className="w-full rounded border border-slate-300 px-2 py-1 text-sm" />
      {fieldError !== undefined && <p id={`${reasonId}-error`} className="text-sm text-red-700">{fieldError}</p>}
      {close.error && fieldError === undefined && <Notice tone="error">{close.error instanceof ApiError ? close.error.message : String(close.error)}</Notice>}
      <Button type="submit" disabled={close.isPending || close.isSuccess}>{creditT("closeOut.submit", locale)}</Button>
    </form>
  );
}
