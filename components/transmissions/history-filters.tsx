"use client";

import Link from "next/link";
import { useRouter } from "next/navigation";
import type { FormEvent } from "react";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { useLocale } from "@/components/ui/locale-provider";
import { Select } from "@/components/ui/select";
import { EMPTY_HISTORY_FORM, historyHref, type HistoryForm } from "@/lib/history/history-url";
import { ht } from "@/lib/i18n/history-messages";

const STATUSES = ["queued", "sending", "accepted", "rejected", "unknown", "needs_attention"] as const;
const TEXT_FIELDS = ["counterparty", "mark", "minGross", "maxGross", "q"] as const;

/**
 * The history's filters. A plain GET form (it works without script too); with script it
 * navigates to a clean URL holding only what is set, so the filtered view is a link to share
 * and each change is one step of the back button. Filtering always starts from the first page.
 * The inputs are uncontrolled: give the form a key that changes with the URL's filters, so that
 * going back shows the filters of that step.
 */
export function HistoryFilters({ form, choices }: { form: HistoryForm; choices: { series: string[]; issuedBy: string[] } }) {
  const locale = useLocale();
  const router = useRouter();
  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const data = new FormData(event.currentTarget);
    const next: HistoryForm = { ...EMPTY_HISTORY_FORM, sort: form.sort };
    for (const key of ["status", "from", "to", "series", "issuedBy", ...TEXT_FIELDS] as const) next[key] = String(data.get(key) ?? "").trim();
    router.push(historyHref(next));
  }
  const label = "flex flex-col gap-1 text-xs font-medium text-slate-600";
  return (
    <form method="get" action="/transmissions" role="search" aria-label={ht("history.filters", locale)} onSubmit={submit}
      className="grid grid-cols-2 gap-3 md:grid-cols-4 lg:grid-cols-6">
      <label className={label}>{ht("history.status", locale)}
        <Select name="status" defaultValue={form.status} placeholder={ht("status.any", locale)}
          options={STATUSES.map((status) => ({ value: status, label: ht(`status.${status}`, locale) }))} />
      </label>
      <label className={label}>{ht("history.from", locale)}
        <Input type="date" name="from" defaultValue={form.from} />
      </label>
      <label className={label}>{ht("history.to", locale)}
        <Input type="date" name="to" defaultValue={form.to} />
      </label>
      <label className={label}>{ht("history.series", locale)}
        <Select name="series" defaultValue={form.series} placeholder={ht("history.anySeries", locale)}
          options={[...new Set([...choices.series, ...(form.series ? [form.series] : [])])].map((code) => ({ value: code, label: code }))} />
      </label>
      <label className={label}>{ht("history.issuedBy", locale)}
        <Select name="issuedBy" defaultValue={form.issuedBy} placeholder={ht("history.anyone", locale)}
          options={[...new Set([...choices.issuedBy, ...(form.issuedBy ? [form.issuedBy] : [])])].map((email) => ({ value: email, label: email }))} />
      </label>
      <label className={label}>{ht("history.mark", locale)}
        <Input name="mark" inputMode="numeric" defaultValue={form.mark} autoComplete="off" />
      </label>
      <label className={`${label} md:col-span-2`}>{ht("history.counterparty", locale)}
        <Input name="counterparty" defaultValue={form.counterparty} autoComplete="off" />
      </label>
      <label className={label}>{ht("history.minGross", locale)}
        <Input name="minGross" inputMode="decimal" defaultValue={form.minGross} autoComplete="off" />
      </label>
      <label className={label}>{ht("history.maxGross", locale)}
        <Input name="maxGross" inputMode="decimal" defaultValue={form.maxGross} autoComplete="off" />
      </label>
      <label className={`${label} md:col-span-2`}>{ht("history.q", locale)}
        <Input type="search" name="q" defaultValue={form.q} placeholder={ht("history.qHint", locale)} autoComplete="off" />
      </label>
      {form.sort !== EMPTY_HISTORY_FORM.sort && <input type="hidden" name="sort" value={form.sort} />}
      <div className="col-span-2 flex items-end gap-3 md:col-span-4 lg:col-span-6">
        <Button type="submit">{ht("history.apply", locale)}</Button>
        <Link href="/transmissions" className="text-sm text-brand underline">{ht("history.clear", locale)}</Link>
      </div>
    </form>
  );
}
