import type { DetailView } from "@/lib/history/views";
import { ht } from "@/lib/i18n/history-messages";
import { getRequestLocale } from "@/lib/i18n/server-locale";
import { athensTime, eurosOrDash, issuedAtText } from "./format";

/** Who and what: the identity fixed before the first attempt, the totals, who issued it and when. */
export async function IdentityPanel({ summary }: { summary: DetailView["summary"] }) {
  const locale = await getRequestLocale();
  const rows: [string, string, string?][] = [
    [ht("history.col.document", locale), `${summary.series}/${summary.number}`],
    [ht("detail.internalId", locale), summary.internalDocumentId, "font-mono text-xs"],
    [ht("detail.kind", locale), ht(`kind.${summary.kind}`, locale)],
    [ht("detail.issuedAt", locale), issuedAtText(summary.issuedAt)],
    [ht("detail.issuer", locale), summary.issuerVat],
    [ht("history.col.counterparty", locale), [summary.counterpartyName, summary.counterpartyVat].filter(Boolean).join(" · ") || "—"],
    [ht("detail.totals", locale), `${eurosOrDash(summary.netCents, locale)} / ${eurosOrDash(summary.vatCents, locale)} / ${eurosOrDash(summary.grossCents, locale)}`, "tabular-nums"],
    [ht("detail.createdBy", locale), summary.createdBy ?? ht("detail.system", locale)],
    [ht("detail.createdAt", locale), athensTime(summary.createdAt, locale, true)],
  ];
  return (
    <dl className="grid grid-cols-1 gap-x-4 gap-y-1 text-sm sm:grid-cols-[minmax(10rem,auto)_1fr] sm:gap-y-1.5">
      {rows.map(([label, value, style]) => (
        <div key={label} className="contents">
          <dt className="text-slate-500">{label}</dt>
          <dd className={style}>{value}</dd>
        </div>
      ))}
    </dl>
  );
}
