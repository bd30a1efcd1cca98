import { PageHeader } from "@/components/credit-note/page-header";
import { CounterpartiesTable } from "@/components/settings/counterparties-table";
import { CounterpartyForm } from "@/components/settings/counterparty-form";
import { Button } from "@/components/ui/button";
import { Card, CardTitle } from "@/components/ui/card";
import { Input } from "@/components/ui/input";
import { requireUser } from "@/lib/auth/current-user";
import { searchAddressBook } from "@/lib/settings/counterparties";
import { composeT } from "@/lib/i18n/compose-messages";
import { getRequestLocale } from "@/lib/i18n/server-locale";

export const dynamic = "force-dynamic";

// /settings/counterparties[?q=] — the counterparty address book: search, add, edit, delete (clerk).
export default async function CounterpartiesSettingsPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  await requireUser({ role: "clerk" });
  const locale = await getRequestLocale();
  const raw = (await searchParams).q;
  const q = typeof raw === "string" ? raw.slice(0, 200) : "";
  const entries = await searchAddressBook({ q, limit: "100" }, locale);
  return (
    <section aria-labelledby="page-title" className="space-y-5">
      <PageHeader title={composeT("settings.counterparties", locale)} links={[{ href: "/settings", label: composeT("settings.title", locale) }]} />
      <Card>
        <form method="get" role="search" className="mb-4 flex items-end gap-2">
          <label className="flex flex-col text-xs font-medium text-slate-700">
            {composeT("settings.search", locale)}
            <Input name="q" type="search" defaultValue={q} className="w-full sm:w-80" />
          </label>
          <Button type="submit" variant="secondary">{composeT("settings.search", locale)}</Button>
        </form>
        <CounterpartiesTable entries={entries} />
      </Card>
      <Card aria-labelledby="new-counterparty-title">
        <CardTitle id="new-counterparty-title">{composeT("settings.newCounterparty", locale)}</CardTitle>
        <CounterpartyForm />
      </Card>
    </section>
  );
}
