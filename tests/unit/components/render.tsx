import { QueryClient, QueryClientProvider } from "@tanstack/react-query";
import { render, type RenderResult } from "@testing-library/react";
import type { ReactNode } from "react";
import { LocaleProvider } from "@/components/ui/locale-provider";
import type { Locale } from "@/lib/i18n/locale";

/** A query client for one test: no retries (a failure shows at once) and nothing collected behind the test's back. */
export function testQueryClient(): QueryClient {
  return new QueryClient({ defaultOptions: { queries: { retry: false, gcTime: Infinity }, mutations: { retry: false } } });
}

/** What the layouts put around every page: the viewer's language and the query client. */
export function TestProviders({ locale = "el", client, children }: { locale?: Locale; client: QueryClient; children: ReactNode }) {
  return (
    <QueryClientProvider client={client}>
      <LocaleProvider locale={locale}>{children}</LocaleProvider>
    </QueryClientProvider>
  );
}

export interface ProvidersRenderResult extends Omit<RenderResult, "rerender"> {
  client: QueryClient;
  /** Renders `ui` again in the same tree; `locale` switches the language as the locale switch does. */
  rerender: (ui: ReactNode, options?: { locale?: Locale }) => void;
}

/** Renders `ui` as a page would show it: under LocaleProvider (Greek unless told) and a QueryClientProvider. */
export function renderWithProviders(ui: ReactNode, { locale = "el", client = testQueryClient() }: { locale?: Locale; client?: QueryClient } = {}): ProvidersRenderResult {
  let current = locale;
  const view = render(<TestProviders locale={current} client={client}>{ui}</TestProviders>);
  return {
    ...view,
    client,
    rerender: (next, options) => {
      current = options?.locale ?? current;
      view.rerender(<TestProviders locale={current} client={client}>{next}</TestProviders>);
    },
  };
}
