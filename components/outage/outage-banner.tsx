import { athensTime } from "@/components/transmissions/format";
import { Notice } from "@/components/ui/notice";
import type { Locale } from "@/lib/i18n/locale";
import { ot } from "@/lib/i18n/outage-messages";

/**
 * "Provider unreachable since …, N notes waiting": shown on the overview while a send worker's
 * circuit is open. A warning, not an error: nothing is lost and nothing needs doing.
 */
export function OutageBanner({ since, waiting, locale }: { since: string; waiting: number; locale: Locale }) {
  return (
    <Notice tone="warning">
      <strong data-testid="provider-outage">{ot("outage.banner", locale, { since: athensTime(since, locale, true), waiting })}</strong>
      <span className="block text-xs">{ot("outage.bannerHint", locale)}</span>
    </Notice>
  );
}
