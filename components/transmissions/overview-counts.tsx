import Link from "next/link";
import { Table, TBody, Td, Th, THead, Tr } from "@/components/ui/table";
import { athensDayOf } from "@/lib/history/athens-day";
import { historyHref, EMPTY_HISTORY_FORM } from "@/lib/history/history-url";
import type { DocumentStatusName } from "@/lib/history/views";
import { ht } from "@/lib/i18n/history-messages";
import { getRequestLocale } from "@/lib/i18n/server-locale";
import { StatusBadge } from "./status-badge";

const ORDER: DocumentStatusName[] = ["accepted", "queued", "sending", "unknown", "needs_attention", "rejected"];

/** Documents per status today and this month; each count links to the history filtered that way. */
export async function OverviewCounts({ today, month, now }: {
  today: Record<DocumentStatusName, number>;
  month: Record<DocumentStatusName, number>;
  now: string;
}) {
  const locale = await getRequestLocale();
  const day = athensDayOf(new Date(now));
  const firstOfMonth = `${day.slice(0, 8)}01`;
  const link = (status: DocumentStatusName, from: string, count: number) => (
    <Link href={historyHref({ ...EMPTY_HISTORY_FORM, status, from, to: day })} className="text-brand hover:underline">
      {count.toLocaleString(locale === "el" ? "el-GR" : "en-GB")}
    </Link>
  );
  return (
    <Table>
      <caption className="sr-only">{ht("overview.countsTitle", locale)}</caption>
      <THead>
        <Tr>
          <Th>{ht("history.col.status", locale)}</Th>
          <Th className="text-right">{ht("overview.today", locale)}</Th>
          <Th className="text-right">{ht("overview.month", locale)}</Th>
        </Tr>
      </THead>
      <TBody>
        {ORDER.map((status) => (
          <Tr key={status}>
            <Th scope="row" className="font-normal"><StatusBadge status={status} /></Th>
            <Td numeric data-testid={`count-today-${status}`}>{link(status, day, today[status])}</Td>
            <Td numeric data-testid={`count-month-${status}`}>{link(status, firstOfMonth, month[status])}</Td>
          </Tr>
        ))}
      </TBody>
    </Table>
  );
}
