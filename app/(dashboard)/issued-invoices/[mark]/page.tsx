import Link from "next/link";
import { notFound } from "next/navigation";
import { CreditAllPanel } from "@/components/issued/credit-all-panel";
import { CreditPartPanel } from "@/components/issued/credit-part-panel";
import { Card, CardTitle } from "@/components/ui/card";
import { Notice } from "@/components/ui/notice";
import { Table, TBody, Td, Th, THead, Tr } from "@/components/ui/table";
import { requireUser } from "@/lib/auth/current-user";
import { originalFromQuery, type OriginalView } from "@/lib/credit-notes/issued";
import { getReadyDb } from "@/lib/db/ready";
import { vatRatePercent } from "@/lib/domain/codes";
import { AppError, ValidationFailure } from "@/lib/domain/errors";
import { formatCents } from "@/lib/domain/money";
import { creditT } from "@/lib/i18n/credit-messages";
import { errorText } from "@/lib/i18n/error-messages";
import { getRequestLocale } from "@/lib/i18n/server-locale";
import { getProviderClient } from "@/lib/provider";
import { loadSeries } from "@/lib/settings/series";

export const dynamic = "force-dynamic";

type Search = Record<string, string | string[] | undefined>;

const quantityText = (milli: number, locale: "el" | "en") => (milli % 1000 === 0 ? String(milli / 1000) : (milli / 1000).toFixed(3).replace(".", locale === "el" ? "," : "."));

// /issued-invoices/{mark}[?issuerVat=&on=] — an issued invoice read-only (our record or the provider's myDATA XML), what has been credited, and crediting all or part of it (clerk).
export default async function OriginalPage({ params, searchParams }: { params: Promise<{ mark: string }>; searchParams: Promise<Search> }) {
  const user = await requireUser({ role: "clerk" });
  const locale = await getRequestLocale();
  const { mark } = await params;
  const search = await searchParams;
  const query = Object.fromEntries(Object.entries(search).filter((entry): entry is [string, string] => typeof entry[1] === "string"));
  const db = await getReadyDb();
  let view: OriginalView;
  try {
    view = await originalFromQuery(db, getProviderClient(), mark, query, locale);
  } catch (error) {
    if (error instanceof AppError && error.code === "not_found") notFound();
    const message = error instanceof ValidationFailure ? error.errors.map((e) => e.message).join(" · ") : error instanceof AppError ? errorText(error.code, locale, error.params) : null;
    if (message === null) throw error;
    return (
      <section className="space-y-4">
        <Link href="/issued-invoices" className="text-sm text-brand underline">{creditT("original.back", locale)}</Link>
        <Notice tone="error">{message}</Notice>
      </section>
    );
  }
  const { original } = view;
  const money = (cents: number) => `${formatCents(cents, locale)} €`;
  const series = (await loadSeries({}, db)).filter((s) => s.issuerVat === original.issuerVat).map((s) => s.code);
  const credited = { credited: money(view.creditedCents), total: money(original.totals.grossCents), remaining: money(view.remainingCents) };
  return (
    <article aria-labelledby="page-title" className="space-y-5">
      <Link href="/issued-invoices" className="text-sm text-brand underline">{creditT("original.back", locale)}</Link>
      <h1 id="page-title" className="text-2xl font-semibold">{creditT("original.title", locale, { series: original.series, number: original.number })}</h1>
      <p className="text-sm text-slate-600">
        {creditT("original.readOnly", locale)} {creditT(original.lines !== null ? "original.fromProvider" : "original.fromHistory", locale)}
      </p>
      <Card aria-labelledby="header-title">
        <CardTitle id="header-title">{creditT("original.totals", locale)}</CardTitle>
        <dl className="grid grid-cols-2 gap-x-6 gap-y-1 text-sm md:grid-cols-4">
          <dt className="text-slate-500">{creditT("original.type", locale)}</dt><dd>{original.invoiceType}</dd>
          <dt className="text-slate-500">{creditT("original.date", locale)}</dt><dd>{original.dateIssued.slice(0, 10)}</dd>
          <dt className="text-slate-500">{creditT("original.counterparty", locale)}</dt><dd>{[original.counterpartyName, original.counterpartyVat].filter(Boolean).join(" — ") || "—"}</dd>
          <dt className="text-slate-500">{creditT("original.mark", locale)}</dt><dd className="font-mono" data-testid="original-mark">{original.mark}</dd>
          <dt className="text-slate-500">{creditT("original.code", locale)}</dt><dd className="break-all font-mono text-xs">{original.authenticationCode ?? "—"}</dd>
          <dt className="text-slate-500">{creditT("original.net", locale)}</dt><dd data-testid="original-net">{money(original.totals.netCents)}</dd>
          <dt className="text-slate-500">{creditT("original.vat", locale)}</dt><dd data-testid="original-vat">{money(original.totals.vatCents)}</dd>
          <dt className="text-slate-500">{creditT("original.gross", locale)}</dt><dd data-testid="original-gross">{money(original.totals.grossCents)}</dd>
        </dl>
        <p className="mt-3 text-sm font-medium" data-testid="original-credited">{creditT("original.credited", locale, credited)}</p>
      </Card>
      {view.linesError !== null && <Notice tone="warning">{creditT("original.noLines", locale, { detail: view.linesError })}</Notice>}
      {original.lines !== null && (
        <Table aria-label={creditT("original.title", locale, { series: original.series, number: original.number })}>
          <THead>
            <Tr>
              <Th>{creditT("original.line", locale)}</Th>
              <Th>{creditT("original.description", locale)}</Th>
              <Th className="text-right">{creditT("original.quantity", locale)}</Th>
              <Th className="text-right">{creditT("original.vatCategory", locale)}</Th>
              <Th className="text-right">{creditT("original.net", locale)}</Th>
              <Th className="text-right">{creditT("original.vat", locale)}</Th>
            </Tr>
          </THead>
          <TBody>
            {original.lines.map((line) => (
              <Tr key={line.lineNumber}>
                <Td>{line.lineNumber}</Td>
                <Td>{line.description || "—"}</Td>
                <Td numeric>{quantityText(line.quantityMilli, locale)}</Td>
                <Td numeric>{vatRatePercent(line.vatCategory) ?? "—"}%</Td>
                <Td numeric>{money(line.netCents)}</Td>
                <Td numeric>{money(line.vatCents)}</Td>
              </Tr>
            ))}
          </TBody>
        </Table>
      )}
      {view.credits.length > 0 && (
        <Card aria-labelledby="credits-title">
          <CardTitle id="credits-title">{creditT("original.creditsList", locale)}</CardTitle>
          <ul className="space-y-1 text-sm">
            {view.credits.map((credit) => (
              <li key={credit.id}>
                <Link href={`/transmissions/${credit.id}`} className="text-brand underline">{credit.series}/{credit.number}</Link>{" "}
                · {money(credit.grossCents)} · {credit.status}{credit.closed ? ` (${creditT("closeOut.badge", locale)})` : ""} · {credit.createdBy ?? ""}
                {credit.overrideReason !== null && <span className="block text-xs text-slate-600">{creditT("creditAll.overrideReason", locale)}: {credit.overrideReason}</span>}
              </li>
            ))}
          </ul>
        </Card>
      )}
      {!view.creditable ? <Notice tone="warning">{creditT("original.notCreditable", locale, { invoiceType: original.invoiceType })}</Notice> : (
        <div className="grid gap-5 lg:grid-cols-2">
          <CreditAllPanel original={{ mark: original.mark, authenticationCode: original.authenticationCode ?? "", series: original.series, number: original.number, issuerVat: original.issuerVat, dateIssued: original.dateIssued.slice(0, 10), totals: original.totals }}
            remainingCents={view.remainingCents} creditedCents={view.creditedCents} seriesChoices={series} isAdmin={user.role === "admin"} />
          {original.lines !== null && (
            <CreditPartPanel original={{ mark: original.mark, series: original.series, number: original.number, issuerVat: original.issuerVat, dateIssued: original.dateIssued.slice(0, 10) }}
              lines={original.lines} creditedQuantities={view.creditedQuantities} creditedNets={view.creditedNets} remainingCents={view.remainingCents} seriesChoices={series} />
          )}
        </div>
      )}
    </article>
  );
}
