"use client";

import { Badge } from "@/components/ui/badge";
import { useLocale } from "@/components/ui/locale-provider";
import { ht } from "@/lib/i18n/history-messages";
import { ot } from "@/lib/i18n/outage-messages";
import type { DocumentStatusName } from "@/lib/history/views";

const TONES = {
  queued: "brand",
  sending: "brand",
  accepted: "success",
  rejected: "danger",
  unknown: "warning",
  needs_attention: "warning",
} as const;

/**
 * A document's status in words, coloured by what it asks of people (nothing, wait, act). One that
 * only waits for the provider to answer again says so, in the colours of waiting, not of an error.
 */
export function StatusBadge({ status, waitingForProvider = false }: { status: DocumentStatusName; waitingForProvider?: boolean | undefined }) {
  const locale = useLocale();
  if (waitingForProvider) return <Badge tone="brand" className="whitespace-nowrap">{ot("outage.waiting", locale)}</Badge>;
  return <Badge tone={TONES[status]} className="whitespace-nowrap">{ht(`status.${status}`, locale)}</Badge>;
}
