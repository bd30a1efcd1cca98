import { PageHeader } from "@/components/credit-note/page-header";
import { NewSeriesForm, SeriesTable } from "@/components/settings/series-editor";
import { Card, CardTitle } from "@/components/ui/card";
import { requireUser } from "@/lib/auth/current-user";
import { loadIssuerProfiles } from "@/lib/settings/issuers";
import { loadSeries } from "@/lib/settings/series";
import { getReadyDb } from "@/lib/db/ready";
import { composeT } from "@/lib/i18n/compose-messages";
import { getRequestLocale } from "@/lib/i18n/server-locale";

export const dynamic = "force-dynamic";

// /settings/series — numbering series and their next numbers (admin).
export default async function SeriesSettingsPage() {
  await requireUser({ role: "admin" });
  const locale = await getRequestLocale();
  const db = await getReadyDb();
  const [profiles, series] = await Promise.all([loadIssuerProfiles(db), loadSeries({}, db)]);
  return (
    <section aria-labelledby="page-title" className="space-y-5">
      <PageHeader title={composeT("settings.series", locale)}
        links={[{ href: "/settings", label: composeT("settings.title", locale) }, { href: "/settings/issuers", label: composeT("settings.issuers", locale) }]} />
      <Card><SeriesTable series={series} /></Card>
      <Card aria-labelledby="new-series-title">
        <CardTitle id="new-series-title">{composeT("settings.newSeries", locale)}</CardTitle>
        <NewSeriesForm profiles={profiles} />
      </Card>
    </section>
  );
}
