"use client";

import { useQuery } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useEffect } from "react";
import { useLocale } from "@/components/ui/locale-provider";
import { isMoving } from "@/lib/history/legal-actions";
import { ht } from "@/lib/i18n/history-messages";
import { queryKeys } from "@/components/ui/query-keys";
import { fetchTransmission } from "./transmission-api";

const POLL_MS = 2_000;

/**
 * Keeps a detail page current while its document still moves: asks for the document every few
 * seconds and, when its state or stored answer changed, has the server render the page again.
 * Stops asking as soon as the document settles.
 */
export function DetailLive({ id, status, updatedAt }: { id: string; status: string; updatedAt: string }) {
  const locale = useLocale();
  const router = useRouter();
  const { data } = useQuery({
    queryKey: queryKeys.transmissions.detail(id),
    queryFn: ({ signal }) => fetchTransmission(id, locale, signal),
    enabled: isMoving(status),
    refetchInterval: (query) => (isMoving(query.state.data?.status ?? status) ? POLL_MS : false),
    staleTime: 0,
    // Only what was asked while this page shows counts: a state kept from an earlier visit is not news.
    gcTime: 0,
  });
  const changed = data !== undefined && (data.status !== status || data.updatedAt !== updatedAt);
  useEffect(() => {
    // The server page is the one source of what is shown; it re-reads the document.
    if (changed) router.refresh();
  }, [changed, router]);
  return <p aria-live="polite" className="min-h-4 text-xs text-slate-500">{isMoving(status) ? ht("history.live", locale) : ""}</p>;
}
