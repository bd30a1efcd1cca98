"use client";

import { Badge } from "@/components/ui/badge";
import { useLocale } from "@/components/ui/locale-provider";
import { ht } from "@/lib/i18n/history-messages";
import type { DocumentStatusName } from "@/lib/history/views";

const TONES = {
  queued: "brand",
  sending: "brand",
  accepted: "success",
  rejected: "danger",
  unknown: "warning",
  needs_attention: "warning",
} as const;

/** A document's status in words, coloured by what it asks of people (nothing, wait, act). */
export function StatusBadge({ status }: { status: DocumentStatusName }) {
  const locale = useLocale();
  return <Badge tone={TONES[status]} className="whitespace-nowrap">{ht(`status.${status}`, locale)}</Badge>;
}
