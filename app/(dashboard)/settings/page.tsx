import Link from "next/link";
import { PageHeader } from "@/components/credit-note/page-header";
import { ProviderConnection } from "@/components/settings/provider-connection";
import { requireUser } from "@/lib/auth/current-user";
import { composeT, type ComposeMessageKey } from "@/lib/i18n/compose-messages";
import { getEnv } from "@/lib/env";
import { getRequestLocale } from "@/lib/i18n/server-locale";

export const dynamic = "force-dynamic";

const SECTIONS: { href: string; title: ComposeMessageKey; hint: ComposeMessageKey; role: "clerk" | "admin" }[] = [
  { href: "/settings/issuers", title: "settings.issuers", hint: "settings.issuersHint", role: "admin" },
  { href: "/settings/series", title: "settings.series", hint: "settings.seriesHint", role: "admin" },
  { href: "/settings/counterparties", title: "settings.counterparties", hint: "settings.counterpartiesHint", role: "clerk" },
  { href: "/settings/users", title: "settings.users", hint: "settings.usersHint", role: "admin" },
  { href: "/settings/audit", title: "settings.audit", hint: "settings.auditHint", role: "admin" },
];

// /settings — the settings sections the signed-in user may open, the language switch, and the provider connection (read-only).
export default async function SettingsPage() {
  const user = await requireUser({ role: "viewer" });
  const locale = await getRequestLocale();
  const allowed = SECTIONS.filter((section) => user.role === "admin" || (section.role === "clerk" && user.role === "clerk"));
  const { environment, baseUrl, portalUrl, auth, apiKey, statusLookup } = getEnv().provider;
  const connection = { environment, baseUrl, portalUrl, auth, keyConfigured: apiKey.length > 0, statusLookup };
  return (
    <section aria-labelledby="page-title" className="space-y-6">
      <PageHeader title={composeT("settings.title", locale)} />
      {allowed.length === 0 && <p className="text-sm text-slate-600">{composeT("settings.none", locale)}</p>}
      <ul className="grid grid-cols-2 gap-4">
        {allowed.map((section) => (
          <li key={section.href}>
            <Link href={section.href} className="block rounded-lg border border-slate-200 bg-white p-4 shadow-sm hover:border-brand focus-visible:outline-2 focus-visible:outline-brand">
              <span className="block font-semibold text-brand">{composeT(section.title, locale)}</span>
              <span className="text-sm text-slate-600">{composeT(section.hint, locale)}</span>
            </Link>
          </li>
        ))}
      </ul>
      <ProviderConnection view={connection} locale={locale} />
    </section>
  );
}
