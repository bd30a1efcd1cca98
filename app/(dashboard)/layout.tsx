import type { ReactNode } from "react";
import Link from "next/link";
import { EnvironmentBanner } from "@/components/layout/environment-banner";
import { getEnv } from "@/lib/env";
import { getRequestLocale } from "@/lib/i18n/server-locale";
import { t } from "@/lib/i18n/messages";

export default async function DashboardLayout({ children }: { children: ReactNode }) {
  const locale = await getRequestLocale();
  const env = getEnv();
  return (
    <div className="min-h-screen">
      <EnvironmentBanner environment={env.provider.environment} locale={locale} />
      <header className="flex items-center gap-8 border-b border-slate-200 bg-white px-6 py-3">
        <Link href="/" className="text-lg font-bold text-brand">{t("app.name", locale)}</Link>
        <nav aria-label="main" className="flex gap-4 text-sm">
          <Link href="/" className="hover:underline">{t("nav.overview", locale)}</Link>
        </nav>
        <span className="ml-auto text-xs text-slate-500">{t("app.tagline", locale)}</span>
      </header>
      <main className="mx-auto max-w-6xl px-6 py-6">{children}</main>
    </div>
  );
}
