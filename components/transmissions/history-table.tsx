"use client";

import { useQuery } from "@tanstack/react-query";
import Link from "next/link";
import { useLocale } from "@/components/ui/locale-provider";
import { queryKeys } from "@/components/ui/query-keys";
import { Table, TBody, Td, Th, THead, Tr } from "@/components/ui/table";
import { historyHref, type HistoryForm } from "@/lib/history/history-url";
import { isMoving } from "@/lib/history/legal-actions";
import type { HistorySort } from "@/lib/validation/history-sorts";
import type { HistoryPageData } from "@/lib/history/views";
import { ht } from "@/lib/i18n/history-messages";
import { plainT } from "@/lib/i18n/plain-messages";
import { eurosOrDash, issuedAtText } from "./format";
import { HistoryCards } from "./history-cards";
import { HistoryPager } from "./history-pager";
import { StatusBadge } from "./status-badge";
import { fetchHistoryPage } from "./transmission-api";

/** How often a page with rows still moving asks again. */
const POLL_MS = 3_000;

/** A sortable column header: a link that flips the order, with aria-sort saying the current one. */
function SortHeader({ label, desc, asc, form, numeric }: { label: string; desc: HistorySort; asc: HistorySort; form: HistoryForm; numeric?: boolean }) {
  const current = form.sort === desc ? "descending" : form.sort === asc ? "ascending" : undefined;
  const next = form.sort === desc ? asc : desc;
  return (
    <Th aria-sort={current} className={numeric ? "text-right" : undefined}>
      <Link href={historyHref(form, { sort: next, cursor: "" })} className="inline-flex items-center gap-1 text-brand hover:underline">
        {label}<span aria-hidden="true">{current === "descending" ? "▼" : current === "ascending" ? "▲" : "↕"}</span>
      </Link>
    </Th>
  );
}

/**
 * The history table of one page. The server rendered it; while any row is still moving
 * (queued, sending, unknown) the page asks `GET /api/transmissions` again every few seconds with
 * the very query the server used, and stops as soon as nothing moves.
 */
export function HistoryTable({ initial, apiQuery, form, issuerNames = {} }: {
  initial: HistoryPageData;
  apiQuery: string;
  form: HistoryForm;
  /** The issuing company's name by VAT number (`EL…`): the Issuer column shows the company, not who pressed Issue. */
  issuerNames?: Readonly<Record<string, string>>;
}) {
  const locale = useLocale();
  const { data } = useQuery({
    queryKey: queryKeys.transmissions.list(apiQuery),
    queryFn: ({ signal }) => fetchHistoryPage(apiQuery, locale, signal),
    initialData: initial,
    // A cached page would win over `initial`: dropped when the table goes, a later visit shows its server's rows.
    gcTime: 0,
    refetchInterval: (query) => (query.state.data?.items.some((row) => isMoving(row.status)) ? POLL_MS : false),
  });
  const moving = data.items.some((row) => isMoving(row.status));
  if (data.items.length === 0) return <p className="py-6 text-center text-sm text-slate-500">{ht("history.none", locale)}</p>;
  return (
    <div className="space-y-3">
      <p aria-live="polite" className="min-h-4 text-xs text-slate-500">{moving ? ht("history.live", locale) : ""}</p>
      <HistoryCards items={data.items} />
      <div className="hidden overflow-x-auto md:block">
        <Table>
          <caption className="sr-only">{ht("history.tableCaption", locale, { sort: ht(`history.sort.${form.sort}`, locale) })}</caption>
          <THead>
            <Tr>
              <Th>{ht("history.col.status", locale)}</Th>
              <Th>{ht("history.col.document", locale)}</Th>
              <SortHeader label={ht("history.col.issuedAt", locale)} desc="created_desc" asc="created_asc" form={form} />
              <Th>{ht("history.col.counterparty", locale)}</Th>
              <Th className="text-right">{ht("history.col.net", locale)}</Th>
              <Th className="text-right">{ht("history.col.vat", locale)}</Th>
              <SortHeader label={ht("history.col.gross", locale)} desc="gross_desc" asc="gross_asc" form={form} numeric />
              <Th>{ht("history.col.mark", locale)}</Th>
              <Th>{plainT("history.col.issuer", locale)}</Th>
            </Tr>
          </THead>
          <TBody>
            {data.items.map((row) => (
              <Tr key={row.id} data-status={row.status}>
                <Td><StatusBadge status={row.status} waitingForProvider={row.waitingForProvider} /></Td>
                <Td className="whitespace-nowrap font-medium">
                  <Link href={`/transmissions/${row.id}`} className="text-brand hover:underline">{row.series}/{row.number}</Link>
                </Td>
                <Td className="whitespace-nowrap">{issuedAtText(row.issuedAt)}</Td>
                <Td>
                  <span className="block max-w-48 truncate" title={row.counterpartyName ?? ""}>
                    {row.counterpartyVat === null ? row.counterpartyName ?? "—" : (
                      <Link href={`/counterparties/${encodeURIComponent(row.counterpartyVat)}`} className="hover:underline">{row.counterpartyName ?? row.counterpartyVat}</Link>
                    )}
                  </span>
                  <span className="block text-xs text-slate-500">{row.counterpartyVat ?? ""}</span>
                </Td>
                <Td numeric className="whitespace-nowrap">{eurosOrDash(row.netCents, locale)}</Td>
                <Td numeric className="whitespace-nowrap">{eurosOrDash(row.vatCents, locale)}</Td>
                <Td numeric className="whitespace-nowrap font-medium">{eurosOrDash(row.grossCents, locale)}</Td>
                <Td className="font-mono text-xs">{row.mark ?? "—"}</Td>
                <Td className="text-xs" data-testid="history-issuer">
                  <span className="block max-w-36 truncate" title={issuerNames[row.issuerVat] ?? row.issuerVat}>{issuerNames[row.issuerVat] ?? row.issuerVat}</span>
                  {issuerNames[row.issuerVat] !== undefined && <span className="block text-slate-500">{row.issuerVat}</span>}
                </Td>
              </Tr>
            ))}
          </TBody>
        </Table>
      </div>
      <HistoryPager form={form} nextCursor={data.nextCursor} prevCursor={data.prevCursor} />
    </div>
  );
}
