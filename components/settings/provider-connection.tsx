import { Card, CardTitle } from "@/components/ui/card";
import { t } from "@/lib/i18n/messages";
import type { Locale } from "@/lib/i18n/locale";

/** What the settings page shows of the provider configuration: where documents go and how, never a key or token. */
export interface ProviderConnectionView {
  environment: string;
  baseUrl: string;
  portalUrl: string;
  auth: "apikey" | "bearer";
  keyConfigured: boolean;
  statusLookup: boolean;
}

/** The provider connection, read-only (it comes from the environment, see README "Configuration"). */
export function ProviderConnection({ view, locale }: { view: ProviderConnectionView; locale: Locale }) {
  return (
    <Card aria-labelledby="provider-connection-title">
      <CardTitle id="provider-connection-title">{t("overview.connection", locale)}</CardTitle>
      <dl className="grid grid-cols-1 gap-y-1 text-sm sm:grid-cols-[14rem_1fr] sm:gap-y-2" data-testid="provider-connection">
        <dt className="text-slate-500">{t("overview.environment", locale)}</dt>
        <dd>{view.environment}</dd>
        <dt className="text-slate-500">{t("overview.baseUrl", locale)}</dt>
        <dd className="font-mono">{view.baseUrl}</dd>
        <dt className="text-slate-500">{t("overview.portalUrl", locale)}</dt>
        <dd className="font-mono">{view.portalUrl}</dd>
        <dt className="text-slate-500">{t("overview.authMode", locale)}</dt>
        <dd>{t(view.auth === "bearer" ? "overview.authBearer" : "overview.authApikey", locale)}</dd>
        <dt className="text-slate-500">{t("overview.key", locale)}</dt>
        <dd>{t(view.keyConfigured ? "overview.keyConfigured" : "overview.keyMissing", locale)}</dd>
        <dt className="text-slate-500">{t("overview.statusLookup", locale)}</dt>
        <dd>{t(view.statusLookup ? "overview.statusLookupOn" : "overview.statusLookupOff", locale)}</dd>
      </dl>
    </Card>
  );
}
