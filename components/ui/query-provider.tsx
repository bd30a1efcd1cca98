"use client";

import { QueryClient, QueryClientProvider } from "@tanstack/react-query";
import { useState, type ReactNode } from "react";

/**
 * The react-query client of the dashboard's client islands. Defaults, and why:
 * - staleTime 30 s: pages load their data on the server; the client only refreshes it, so an
 *   immediate refetch on mount would just repeat the server's work;
 * - retry 1 for queries: one retry rides out a blip without hiding a real outage for long;
 * - no retry for mutations: issuing and saving are made idempotent by ids, but a failure must be
 *   shown to the clerk rather than silently repeated;
 * - refetchOnWindowFocus off: a clerk switching to a spreadsheet and back should not trigger
 *   reloads of lists they are working in.
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
