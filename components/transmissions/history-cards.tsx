"use client";

import Link from "next/link";
import { useLocale } from "@/components/ui/locale-provider";
import type { HistoryPageData } from "@/lib/history/views";
import { clerkT } from "@/lib/i18n/clerk-messages";
import { ht } from "@/lib/i18n/history-messages";
import { eurosOrDash, issuedAtText } from "./format";
import { StatusBadge } from "./status-badge";

/**
 * The history's rows as cards, for screens narrower than 768 px (the table takes over from
 * there): document and status on top, counterparty, then date and total, every card a link to
 * its detail page.
 */
export function HistoryCards({ items }: { items: HistoryPageData["items"] }) {
  const locale = useLocale();
  return (
    <ul className="space-y-2 md:hidden" aria-label={clerkT("history.cards", locale)} data-testid="history-cards">
      {items.map((row) => (
        <li key={row.id} data-status={row.status} className="rounded-lg border border-slate-200 bg-white p-3 shadow-sm">
          <div className="flex items-start justify-between gap-2">
            <Link href={`/transmissions/${row.id}`} className="font-medium text-brand hover:underline">{row.series}/{row.number}</Link>
            <StatusBadge status={row.status} />
          </div>
          <p className="mt-1 break-words text-sm">
            {row.counterpartyVat === null ? row.counterpartyName ?? "—" : (
              <Link href={`/counterparties/${encodeURIComponent(row.counterpartyVat)}`} className="hover:underline">{row.counterpartyName ?? row.counterpartyVat}</Link>
            )}
          </p>
          {row.counterpartyVat !== null && <p className="text-xs text-slate-500">{row.counterpartyVat}</p>}
          <div className="mt-2 flex items-baseline justify-between gap-2 text-sm">
            <span className="text-slate-600">{issuedAtText(row.issuedAt)}</span>
            <span className="font-medium tabular-nums">{eurosOrDash(row.grossCents, locale)}</span>
          </div>
          {row.mark !== null && <p className="mt-1 break-all font-mono text-xs text-slate-500">{ht("history.col.mark", locale)} {row.mark}</p>}
        </li>
      ))}
    </ul>
  );
}
