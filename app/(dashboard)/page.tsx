import Link from "next/link";
import { OutageBanner } from "@/components/outage/outage-banner";
import { AttentionList } from "@/components/transmissions/attention-list";
import { OverviewCounts } from "@/components/transmissions/overview-counts";
import { Card, CardTitle } from "@/components/ui/card";
import { Notice } from "@/components/ui/notice";
import { requireUser } from "@/lib/auth/current-user";
import { getReadyDb } from "@/lib/db/ready";
import { getEnv } from "@/lib/env";
import { checkHealth } from "@/lib/health";
import { loadOverview, STUCK_AFTER_MINUTES } from "@/lib/history/overview";
import { ht } from "@/lib/i18n/history-messages";
import { t } from "@/lib/i18n/messages";
import { hasRole } from "@/lib/auth/roles";
import { hasAnyDocument } from "@/lib/history/first-use";
import { plainT } from "@/lib/i18n/plain-messages";
import { getRequestLocale } from "@/lib/i18n/server-locale";
import { sendingAvailability } from "@/lib/sending/start";

export const dynamic = "force-dynamic";

// / — the overview: documents per status today and this month, what needs attention, and the provider's availability (viewer).
export default async function OverviewPage() {
  const user = await requireUser({ role: "viewer" });
  const locale = await getRequestLocale();
  const env = getEnv();
  const now = new Date();
  const [health, overview, started, availability] = await Promise.all([
    checkHealth(), getReadyDb().then((db) => loadOverview(db, { now })), getReadyDb().then(hasAnyDocument), sendingAvailability(now),
  ]);
  const yesNo = (value: boolean) => t(value ? "common.yes" : "common.no", locale);
  return (
    <section aria-labelledby="overview-title" className="space-y-6">
      <div className="flex flex-wrap items-center justify-between gap-3">
        <h1 id="overview-title" className="text-2xl font-semibold">{t("overview.title", locale)}</h1>
        <Link href="/transmissions" className="text-sm font-semibold text-brand underline">{ht("overview.openHistory", locale)}</Link>
      </div>
      {!started && (
        <Notice tone="info">
          <span data-testid="overview-empty">{plainT(hasRole(user.role, "clerk") ? "overview.empty" : "overview.emptyViewer", locale)}</span>
          {hasRole(user.role, "clerk") && (
            <Link href="/credit-notes/new" prefetch={false} className="ml-2 font-semibold text-brand underline">{plainT("overview.start", locale)}</Link>
          )}
        </Notice>
      )}
      {availability.providerUnreachableSince !== null && (
        <OutageBanner since={availability.providerUnreachableSince.toISOString()} waiting={availability.waiting} locale={locale} />
      )}
      <Notice tone={health.provider.reachable ? "success" : "error"}>
        <strong>{ht("overview.provider", locale)}:</strong>{" "}
        {ht(health.provider.reachable ? "overview.providerUp" : "overview.providerDown", locale)} ({env.provider.environment})
      </Notice>
      <div className="grid gap-6 lg:grid-cols-[2fr_1fr]">
        <Card aria-labelledby="attention-title">
          <CardTitle id="attention-title">{ht("overview.attentionTitle", locale)}</CardTitle>
          <AttentionList counts={overview.attention.counts} items={overview.attention.items} stuckMinutes={STUCK_AFTER_MINUTES} />
        </Card>
        <Card aria-labelledby="counts-title">
          <CardTitle id="counts-title">{ht("overview.countsTitle", locale)}</CardTitle>
          <OverviewCounts today={overview.today} month={overview.month} now={now.toISOString()} />
        </Card>
      </div>
      <Card aria-labelledby="connection-title">
        <CardTitle id="connection-title">{t("overview.connection", locale)}</CardTitle>
        <dl className="grid grid-cols-1 gap-y-1 text-sm sm:grid-cols-[12rem_1fr] sm:gap-y-2">
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
      </Card>
    </section>
  );
}
