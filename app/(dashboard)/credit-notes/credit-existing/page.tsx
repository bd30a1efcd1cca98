import { CreditExistingForm } from "@/components/credit-note/credit-existing-form";
import { PageHeader } from "@/components/credit-note/page-header";
import { Card } from "@/components/ui/card";
import { requireUser } from "@/lib/auth/current-user";
import { loadIssuerProfiles } from "@/lib/settings/issuers";
import { loadSeries } from "@/lib/settings/series";
import { getReadyDb } from "@/lib/db/ready";
import { composeT } from "@/lib/i18n/compose-messages";
import { getRequestLocale } from "@/lib/i18n/server-locale";

export const dynamic = "force-dynamic";

type Search = Record<string, string | string[] | undefined>;

const param = (search: Search, name: string) => {
  const value = search[name];
  return typeof value === "string" ? value.slice(0, 200) : "";
};

// /credit-notes/credit-existing[?authenticationCode=&mark=&series=&issuerVat=] — credit an issued document (clerk).
export default async function CreditExistingPage({ searchParams }: { searchParams: Promise<Search> }) {
  await requireUser({ role: "clerk" });
  const locale = await getRequestLocale();
  const search = await searchParams;
  const db = await getReadyDb();
  const [profiles, series] = await Promise.all([loadIssuerProfiles(db), loadSeries({}, db)]);
  const issuerVat = param(search, "issuerVat") || (profiles.length === 1 ? (profiles[0]?.vat ?? "") : "");
  return (
    <section aria-labelledby="page-title">
      <PageHeader title={composeT("credit.title", locale)} links={[{ href: "/credit-notes/new", label: composeT("nav.compose", locale) }]} />
      <Card className="max-w-3xl">
        <CreditExistingForm profiles={profiles} series={series}
          initial={{ authenticationCode: param(search, "authenticationCode"), mark: param(search, "mark"), relateCredit: param(search, "relateCredit") === "true", series: param(search, "series"), issuerVat }} />
      </Card>
    </section>
  );
}
