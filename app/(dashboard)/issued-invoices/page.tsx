import Link from "next/link";
import { PageHeader } from "@/components/credit-note/page-header";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { Input } from "@/components/ui/input";
import { Notice } from "@/components/ui/notice";
import { Table, TBody, Td, Th, THead, Tr } from "@/components/ui/table";
import { requireUser } from "@/lib/auth/current-user";
import { listIssued, type IssuedList } from "@/lib/credit-notes/issued";
import { getReadyDb } from "@/lib/db/ready";
import { AppError, ValidationFailure } from "@/lib/domain/errors";
import { scaledFromDecimalText } from "@/lib/domain/decimal-text";
import { formatCents } from "@/lib/domain/money";
import { creditT } from "@/lib/i18n/credit-messages";
import { errorText } from "@/lib/i18n/error-messages";
import { getRequestLocale } from "@/lib/i18n/server-locale";
import { getProviderClient } from "@/lib/provider";
import { loadIssuerProfiles } from "@/lib/settings/issuers";

export const dynamic = "force-dynamic";

type Search = Record<string, string | string[] | undefined>;

const euros = (text: string, locale: "el" | "en") => `${formatCents(scaledFromDecimalText(text, 2) ?? 0, locale)} €`;

// /issued-invoices[?from=&to=&q=&issuerVat=] — the issuer's invoices at the provider (also the ERP's) merged with our history; pick one to see and credit it (clerk).
export default async function IssuedInvoicesPage({ searchParams }: { searchParams: Promise<Search> }) {
  await requireUser({ role: "clerk" });
  const locale = await getRequestLocale();
  const search = await searchParams;
  const query = Object.fromEntries(Object.entries(search).filter((entry): entry is [string, string] => typeof entry[1] === "string"));
  const db = await getReadyDb();
  const profiles = await loadIssuerProfiles(db);
  let list: IssuedList | null = null;
  let failure: string | null = null;
  try {
    list = await listIssued(db, getProviderClient(), query, locale);
  } catch (error) {
    if (error instanceof ValidationFailure) failure = error.errors.map((e) => e.message).join(" · ");
    else if (error instanceof AppError) failure = errorText(error.code, locale, error.params);
    else throw error;
  }
  return (
    <section aria-labelledby="page-title" className="space-y-4">
      <PageHeader title={creditT("issued.title", locale)} />
      <p className="text-sm text-slate-600">{creditT("issued.intro", locale)}</p>
      <Card>
        <form method="get" className="flex flex-wrap items-end gap-3" role="search">
          <label className="flex min-w-72 flex-1 flex-col text-sm">
            <span className="font-medium">{creditT("issued.search", locale)}</span>
            <Input name="q" defaultValue={list?.q ?? query.q ?? ""} autoComplete="off" spellCheck={false} />
          </label>
          <label className="flex flex-col text-sm">
            <span className="font-medium">{creditT("issued.from", locale)}</span>
            <Input type="date" name="from" defaultValue={list?.from ?? query.from ?? ""} />
          </label>
          <label className="flex flex-col text-sm">
            <span className="font-medium">{creditT("issued.to", locale)}</span>
            <Input type="date" name="to" defaultValue={list?.to ?? query.to ?? ""} />
          </label>
          {profiles.length > 1 && (
            <label className="flex flex-col text-sm">
              <span className="font-medium">{creditT("issued.issuer", locale)}</span>
              <select name="issuerVat" defaultValue={list?.issuerVat ?? ""} className="rounded border border-slate-300 px-2 py-1.5">
                {profiles.map((profile) => <option key={profile.vat} value={profile.vat}>{profile.name} — {profile.vat}</option>)}
              </select>
            </label>
          )}
          <Button type="submit">{creditT("issued.find", locale)}</Button>
        </form>
      </Card>
      {failure !== null && <Notice tone="error">{failure}</Notice>}
      {list?.providerError != null && <Notice tone="warning">{creditT("issued.providerDown", locale, { detail: list.providerError })}</Notice>}
      {list !== null && !list.complete && <Notice tone="warning">{creditT("issued.partialList", locale)}</Notice>}
      {list !== null && (list.items.length === 0 ? <p className="text-sm text-slate-600">{creditT("issued.empty", locale)}</p> : (
        <Table aria-label={creditT("issued.title", locale)}>
          <THead>
            <Tr>
              <Th>{creditT("issued.col.document", locale)}</Th>
              <Th>{creditT("issued.col.type", locale)}</Th>
              <Th>{creditT("issued.col.date", locale)}</Th>
              <Th>{creditT("issued.col.counterparty", locale)}</Th>
              <Th>{creditT("issued.col.mark", locale)}</Th>
              <Th className="text-right">{creditT("issued.col.gross", locale)}</Th>
              <Th className="text-right">{creditT("issued.col.credited", locale)}</Th>
              <Th>{creditT("issued.col.source", locale)}</Th>
              <Th><span className="sr-only">{creditT("issued.open", locale)}</span></Th>
            </Tr>
          </THead>
          <TBody>
            {list.items.map((item) => {
              const fully = item.creditedGross === item.totalGross;
              const href = `/issued-invoices/${item.mark}?${new URLSearchParams({ issuerVat: list.issuerVat, on: item.dateIssued.slice(0, 10) }).toString()}`;
              return (
                <Tr key={item.mark} data-mark={item.mark}>
                  <Td>{item.series}/{item.number}</Td>
                  <Td>{item.invoiceType}</Td>
                  <Td>{item.dateIssued.slice(0, 10)}</Td>
                  <Td>{item.counterpartyVat ?? "—"}</Td>
                  <Td className="font-mono text-xs">{item.mark}</Td>
                  <Td numeric>{euros(item.totalGross, locale)}</Td>
                  <Td numeric>{item.creditedGross === "0.00" ? "—" : `${euros(item.creditedGross, locale)}${fully ? ` (${creditT("issued.fully", locale)})` : ""}`}</Td>
                  <Td>{creditT(`issued.source.${item.source}`, locale)}</Td>
                  <Td><Link href={href} className="text-brand underline">{creditT("issued.open", locale)}<span className="sr-only"> {item.series}/{item.number}</span></Link></Td>
                </Tr>
              );
            })}
          </TBody>
        </Table>
      ))}
    </section>
  );
}
