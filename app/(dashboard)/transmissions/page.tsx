import { HistoryFilters } from "@/components/transmissions/history-filters";
import { HistoryTable } from "@/components/transmissions/history-table";
import { Card } from "@/components/ui/card";
import { Notice } from "@/components/ui/notice";
import { requireUser } from "@/lib/auth/current-user";
import { getReadyDb } from "@/lib/db/ready";
import { loadFilterChoices, loadHistoryPage } from "@/lib/history/history-page";
import { historySearch, readHistoryForm } from "@/lib/history/history-url";
import { ht } from "@/lib/i18n/history-messages";
import { loadIssuerProfiles } from "@/lib/settings/issuers";
import { getRequestLocale } from "@/lib/i18n/server-locale";

export const dynamic = "force-dynamic";

const FILTER_LABELS = {
  status: "history.status", from: "history.from", to: "history.to", counterparty: "history.counterparty", series: "history.series", mark: "history.mark",
  minGross: "history.minGross", maxGross: "history.maxGross", issuedBy: "history.issuedBy", q: "history.q", sort: "history.sortBy", cursor: "history.pages",
} as const;

const EXPORT_LINK = "rounded border border-slate-300 bg-white px-3 py-1.5 text-sm font-semibold text-brand hover:bg-slate-50";

// /transmissions — the transmission history: filters, index-backed sorts and keyset pages, all in the URL (viewer).
export default async function HistoryPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  await requireUser({ role: "viewer" });
  const locale = await getRequestLocale();
  const form = readHistoryForm(await searchParams);
  const db = await getReadyDb();
  const [page, choices, profiles] = await Promise.all([loadHistoryPage(db, form), loadFilterChoices(db), loadIssuerProfiles(db)]);
  const issuerNames = Object.fromEntries(profiles.map((profile) => [profile.vat, profile.name]));
  const shown = page.staleCursor ? { ...form, cursor: "" } : form;
  const exportSuffix = page.exportQuery === "" ? "" : `?${page.exportQuery}`;
  return (
    <section aria-labelledby="history-title" className="space-y-5">
      <div className="flex flex-wrap items-center justify-between gap-3">
        <h1 id="history-title" className="text-2xl font-semibold">{ht("history.title", locale)}</h1>
        <div className="flex gap-2">
          <a href={`/api/transmissions/export.csv${exportSuffix}`} download className={EXPORT_LINK}>
            {ht("history.export", locale)}<span className="sr-only"> ({ht("history.exportHint", locale)})</span>
          </a>
          <a href={`/api/transmissions/export.xlsx${exportSuffix}`} download className={EXPORT_LINK}>
            {ht("history.exportXlsx", locale)}<span className="sr-only"> ({ht("history.exportXlsxHint", locale)})</span>
          </a>
        </div>
      </div>
      <Card>
        <HistoryFilters key={historySearch({ ...form, cursor: "" })} form={form} choices={choices} />
      </Card>
      {page.ignored.length > 0 && <Notice tone="warning">{ht("history.invalid", locale, { fields: page.ignored.map((key) => (key in FILTER_LABELS ? ht(FILTER_LABELS[key as keyof typeof FILTER_LABELS], locale, { sort: "" }) : key)).join(", ") })}</Notice>}
      {page.staleCursor && <Notice tone="info">{ht("history.staleCursor", locale)}</Notice>}
      <Card>
        <HistoryTable initial={{ items: page.items, nextCursor: page.nextCursor, prevCursor: page.prevCursor }} apiQuery={page.apiQuery} form={shown} issuerNames={issuerNames} />
      </Card>
    </section>
  );
}
