import Link from "next/link";
import { notFound } from "next/navigation";
import { StatusBadge } from "@/components/transmissions/status-badge";
import { Card, CardTitle } from "@/components/ui/card";
import { Table, TBody, Td, Th, THead, Tr } from "@/components/ui/table";
import { requireUser } from "@/lib/auth/current-user";
import { getReadyDb } from "@/lib/db/ready";
import { formatCents } from "@/lib/domain/money";
import { loadCounterpartyPage } from "@/lib/history/counterparty-page";
import { clerkT } from "@/lib/i18n/clerk-messages";
import { ht } from "@/lib/i18n/history-messages";
import { getRequestLocale } from "@/lib/i18n/server-locale";

function euros(cents: number | null, locale: "el" | "en"): string {
  return cents === null ? "—" : `${formatCents(cents, locale)} €`;
}

function dateText(local: string): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})/.exec(local);
  return match ? `${match[3]}/${match[2]}/${match[1]}` : local;
}

// /counterparties/{id} — one customer (address-book id or VAT number): its documents and credited totals per month (viewer).
export default async function CounterpartyPage({ params }: { params: Promise<{ id: string }> }) {
  await requireUser({ role: "viewer" });
  const locale = await getRequestLocale();
  const { id } = await params;
  const page = await loadCounterpartyPage(await getReadyDb(), decodeURIComponent(id));
  if (page === null) notFound();
  const monthName = (month: string) => new Date(`${month}-15T12:00:00Z`).toLocaleDateString(locale === "el" ? "el-GR" : "en-GB", { month: "long", year: "numeric", timeZone: "UTC" });
  return (
    <article aria-labelledby="customer-title" className="space-y-5">
      <Link href="/transmissions" className="text-sm text-brand underline">{ht("detail.back", locale)}</Link>
      <div>
        <h1 id="customer-title" className="break-words text-2xl font-semibold">{page.name}</h1>
        <p className="text-sm text-slate-600">{page.vat}</p>
        <p className="mt-1 flex flex-wrap gap-4 text-sm">
          <Link href={`/transmissions?${new URLSearchParams({ counterparty: page.vat })}`} className="text-brand underline">{clerkT("customer.inHistory", locale)}</Link>
          {page.entryId !== null && <Link href={`/settings/counterparties?${new URLSearchParams({ q: page.vat })}`} className="text-brand underline">{clerkT("customer.inAddressBook", locale)}</Link>}
        </p>
      </div>
      <Card aria-labelledby="months-title">
        <CardTitle id="months-title">{clerkT("customer.months", locale)}</CardTitle>
        <p className="mb-2 text-xs text-slate-500">{clerkT("customer.monthsNote", locale)}</p>
        {page.months.length === 0 ? <p className="text-sm text-slate-600">{clerkT("customer.noneAccepted", locale)}</p> : (
          <Table data-testid="credited-months">
            <THead>
              <Tr><Th>{clerkT("customer.month", locale)}</Th><Th className="text-right">{clerkT("customer.count", locale)}</Th><Th className="text-right">{ht("history.col.net", locale)}</Th><Th className="text-right">{ht("history.col.vat", locale)}</Th><Th className="text-right">{ht("history.col.gross", locale)}</Th></Tr>
            </THead>
            <TBody>
              {page.months.map((m) => (
                <Tr key={m.month} data-month={m.month}>
                  <Td>{monthName(m.month)}</Td><Td numeric>{m.count}</Td><Td numeric>{euros(m.netCents, locale)}</Td><Td numeric>{euros(m.vatCents, locale)}</Td><Td numeric data-testid="month-gross">{euros(m.grossCents, locale)}</Td>
                </Tr>
              ))}
              <Tr className="font-semibold">
                <Td>{clerkT("customer.total", locale)}</Td><Td numeric>{page.total.count}</Td><Td numeric>{euros(page.total.netCents, locale)}</Td><Td numeric>{euros(page.total.vatCents, locale)}</Td><Td numeric data-testid="total-gross">{euros(page.total.grossCents, locale)}</Td>
              </Tr>
            </TBody>
          </Table>
        )}
      </Card>
      <Card aria-labelledby="documents-title">
        <CardTitle id="documents-title">{clerkT("customer.documents", locale, { count: page.documents.length })}</CardTitle>
        <ul className="divide-y divide-slate-100" data-testid="customer-documents">
          {page.documents.map((doc) => (
            <li key={doc.id} data-status={doc.status} className="flex flex-wrap items-center gap-x-4 gap-y-1 py-2 text-sm">
              <Link href={`/transmissions/${doc.id}`} className="font-medium text-brand hover:underline">{doc.series}/{doc.number}</Link>
              <StatusBadge status={doc.status} />
              <span className="text-slate-600">{dateText(doc.issuedAt)}</span>
              <span className="ml-auto font-medium tabular-nums" data-testid="document-gross">{euros(doc.grossCents, locale)}</span>
            </li>
          ))}
        </ul>
        {page.truncated && <p className="mt-2 text-xs text-slate-500">{clerkT("customer.truncated", locale, { count: page.documents.length })}</p>}
      </Card>
    </article>
  );
}
