"use client";

import { QueryClient, QueryClientProvider } from "@tanstack/react-query";
import { useState, type ReactNode } from "react";

/**
 * The react-query client of the dashboard's client islands, one for all its pages: the dashboard
 * layout (app/(dashboard)/layout.tsx) sets it, so it lives across client navigations and a page
 * that needs queries or mutations has nothing to wrap. Defaults, and why:
 * - staleTime 30 s: pages load their data on the server; the client only refreshes it, so an
 *   immediate refetch on mount would just repeat the server's work;
 * - retry 1 for queries: one retry rides out a blip without hiding a real outage for long;
 * - no retry for mutations: issuing and saving are made idempotent by ids, but a failure must be
 *   shown to the clerk rather than silently repeated;
 * - refetchOnWindowFocus off: a clerk switching to a spreadsheet and back should not trigger
 *   reloads of lists they are working in.
 * Queries seeded with a page's server-rendered data drop their entry as soon as the page is
 * left (gcTime 0, see components/transmissions/history-table.tsx): coming back, the page's newer
 * server data must be what is shown, not what the cache kept from the last visit.
 */
export function QueryProvider({ children }: { children: ReactNode }) {
  const [client] = useState(
    () =>
      new QueryClient({
        defaultOptions: {
          queries: { staleTime: 30_000, retry: 1, refetchOnWindowFocus: false },
          mutations: { retry: false },
        },
      }),
  );
  return <QueryClientProvider client={client}>{children}</QueryClientProvider>;
}
