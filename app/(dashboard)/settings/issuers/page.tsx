import { PageHeader } from "@/components/credit-note/page-header";
import { IssuerProfileCard } from "@/components/settings/issuer-profile-card";
import { IssuerProfileForm } from "@/components/settings/issuer-profile-form";
import { Card, CardTitle } from "@/components/ui/card";
import { requireUser } from "@/lib/auth/current-user";
import { loadIssuerProfiles } from "@/lib/settings/issuers";
import { composeT } from "@/lib/i18n/compose-messages";
import { getRequestLocale } from "@/lib/i18n/server-locale";

export const dynamic = "force-dynamic";

// /settings/issuers — issuer profiles, their branches and default income classification (admin).
export default async function IssuersSettingsPage() {
  await requireUser({ role: "admin" });
  const locale = await getRequestLocale();
  const profiles = await loadIssuerProfiles();
  return (
    <section aria-labelledby="page-title" className="space-y-5">
      <PageHeader title={composeT("settings.issuers", locale)}
        links={[{ href: "/settings", label: composeT("settings.title", locale) }, { href: "/settings/series", label: composeT("settings.series", locale) }]} />
      {profiles.length === 0 && <p className="text-sm text-slate-600">{composeT("settings.none", locale)}</p>}
      {profiles.map((profile) => <IssuerProfileCard key={profile.id} profile={profile} />)}
      <Card aria-labelledby="new-profile-title">
        <CardTitle id="new-profile-title">{composeT("settings.newProfile", locale)}</CardTitle>
        <IssuerProfileForm />
      </Card>
    </section>
  );
}
