import Link from "next/link";
import { EMPTY_HISTORY_FORM, historyHref } from "@/lib/history/history-url";
import type { HistoryItem } from "@/lib/history/views";
import { ht } from "@/lib/i18n/history-messages";
import { getRequestLocale } from "@/lib/i18n/server-locale";
import { athensTime, eurosOrDash } from "./format";
import { StatusBadge } from "./status-badge";

type Reason = "rejected" | "unknown" | "needs_attention" | "stuck";

/** What needs a person: a count per reason (linked to the filtered history) and the latest documents. */
export async function AttentionList({ counts, items, stuckMinutes }: {
  counts: Record<Reason, number>;
  items: (HistoryItem & { reason: Reason })[];
  stuckMinutes: number;
}) {
  const locale = await getRequestLocale();
  const reasons: { reason: Reason; label: string; status: string }[] = [
    { reason: "rejected", label: ht("status.rejected", locale), status: "rejected" },
    { reason: "unknown", label: ht("status.unknown", locale), status: "unknown" },
    { reason: "needs_attention", label: ht("status.needs_attention", locale), status: "needs_attention" },
    { reason: "stuck", label: ht("overview.stuck", locale, { minutes: stuckMinutes }), status: "queued" },
  ];
  const total = Object.values(counts).reduce((sum, count) => sum + count, 0);
  return (
    <div className="space-y-4">
      <ul className="grid grid-cols-2 gap-2 text-sm md:grid-cols-4">
        {reasons.map(({ reason, label, status }) => (
          <li key={reason} className="rounded border border-slate-200 px-3 py-2">
            <span className="block text-xs text-slate-500">{label}</span>
            <Link href={historyHref({ ...EMPTY_HISTORY_FORM, status })} className="text-lg font-semibold text-brand hover:underline" data-testid={`attention-${reason}`}>
              {counts[reason].toLocaleString(locale === "el" ? "el-GR" : "en-GB")}
            </Link>
          </li>
        ))}
      </ul>
      {total === 0 ? (
        <p className="text-sm text-slate-500">{ht("overview.attentionNone", locale)}</p>
      ) : (
        <div>
          <h3 className="mb-2 text-sm font-semibold">{ht("overview.latest", locale)}</h3>
          <ul className="divide-y divide-slate-100 text-sm" aria-label={ht("overview.attentionTitle", locale)}>
            {items.map((item) => (
              <li key={item.id} className="flex flex-wrap items-center gap-3 py-1.5">
                <StatusBadge status={item.status} />
                <Link href={`/transmissions/${item.id}`} className="font-medium text-brand hover:underline">{item.series}/{item.number}</Link>
                <span className="min-w-0 flex-1 truncate">{item.counterpartyName ?? "—"}</span>
                <span className="tabular-nums">{eurosOrDash(item.grossCents, locale)}</span>
                <span className="text-xs text-slate-500">{athensTime(item.createdAt, locale)}</span>
              </li>
            ))}
          </ul>
        </div>
      )}
    </div>
  );
}
