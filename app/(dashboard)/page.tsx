import { checkHealth } from "@/lib/health";
import { getEnv } from "@/lib/env";
import { getRequestLocale } from "@/lib/i18n/server-locale";
import { t } from "@/lib/i18n/messages";

export const dynamic = "force-dynamic";

export default async function OverviewPage() {
  const locale = await getRequestLocale();
  const env = getEnv();
  const health = await checkHealth();
  const yesNo = (value: boolean) => t(value ? "common.yes" : "common.no", locale);
  return (
    <section aria-labelledby="overview-title" className="space-y-6">
      <h1 id="overview-title" className="text-2xl font-semibold">{t("overview.title", locale)}</h1>
      <div className="rounded-lg border border-slate-200 bg-white p-5 shadow-sm">
        <h2 className="mb-3 font-semibold">{t("overview.connection", locale)}</h2>
        <dl className="grid grid-cols-[12rem_1fr] gap-y-2 text-sm">
          <dt className="text-slate-500">{t("overview.environment", locale)}</dt>
          <dd>{env.provider.environment}</dd>
          <dt className="text-slate-500">{t("overview.baseUrl", locale)}</dt>
          <dd className="font-mono">{env.provider.baseUrl}</dd>
          <dt className="text-slate-500">{t("overview.key", locale)}</dt>
          <dd>{t(health.provider.keyConfigured ? "overview.keyConfigured" : "overview.keyMissing", locale)}</dd>
          <dt className="text-slate-500">{t("overview.reachable", locale)}</dt>
          <dd data-testid="provider-reachable">{yesNo(health.provider.reachable)}</dd>
          <dt className="text-slate-500">{t("overview.database", locale)}</dt>
          <dd>{health.database.engine} — {yesNo(health.database.ok)}</dd>
        </dl>
      </div>
    </section>
  );
}
