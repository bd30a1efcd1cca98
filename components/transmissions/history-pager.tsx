"use client";

import Link from "next/link";
import { useLocale } from "@/components/ui/locale-provider";
import { historyHref, type HistoryForm } from "@/lib/history/history-url";
import { ht } from "@/lib/i18n/history-messages";

/** Keyset paging as plain links: each page is its own URL, so back and forward walk the pages. */
export function HistoryPager({ form, nextCursor, prevCursor }: { form: HistoryForm; nextCursor: string | null; prevCursor: string | null }) {
  const locale = useLocale();
  const link = "rounded border border-slate-300 bg-white px-3 py-1.5 text-sm font-semibold text-brand hover:bg-slate-50";
  return (
    <nav aria-label={ht("history.pages", locale)} className="flex items-center gap-3">
      {form.cursor !== "" && <Link href={historyHref(form, { cursor: "" })} className={link}>{ht("history.first", locale)}</Link>}
      {prevCursor !== null && <Link href={historyHref(form, { cursor: prevCursor })} className={link} rel="prev">{ht("history.prev", locale)}</Link>}
      {nextCursor !== null && <Link href={historyHref(form, { cursor: nextCursor })} className={link} rel="next">{ht("history.next", locale)}</Link>}
    </nav>
  );
}
