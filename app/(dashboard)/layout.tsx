import type { ReactNode } from "react";
import Link from "next/link";
import { SignOutButton } from "@/components/auth/sign-out-button";
import { EnvironmentBanner } from "@/components/layout/environment-banner";
import { MainMenu } from "@/components/layout/main-menu";
import { QueryProvider } from "@/components/ui/query-provider";
import { requireUser } from "@/lib/auth/current-user";
import { getEnv } from "@/lib/env";
import { authT } from "@/lib/i18n/auth-messages";
import { composeT } from "@/lib/i18n/compose-messages";
import { creditT } from "@/lib/i18n/credit-messages";
import { ht } from "@/lib/i18n/history-messages";
import { getRequestLocale } from "@/lib/i18n/server-locale";
import { t } from "@/lib/i18n/messages";

export default async function DashboardLayout({ children }: { children: ReactNode }) {
  // Pages check again themselves: a page can be rendered without its layout on client navigation.
  const user = await requireUser({ role: "viewer" });
  const locale = await getRequestLocale();
  const env = getEnv();
  return (
    <div className="min-h-screen">
      {/* The first stop of Tab: past the banner and the navigation, straight to the page. */}
      <a href="#main-content"
        className="sr-only focus:not-sr-only focus:absolute focus:left-4 focus:top-4 focus:z-50 focus:rounded focus:bg-white focus:px-4 focus:py-2 focus:font-semibold focus:text-brand focus:shadow focus:outline focus:outline-2 focus:outline-brand">
        {t("nav.skip", locale)}
      </a>
      <EnvironmentBanner environment={env.provider.environment} />
      <header className="flex flex-wrap items-center gap-x-6 gap-y-2 border-b border-slate-200 bg-white px-4 py-3 sm:px-6">
        <Link href="/" className="whitespace-nowrap text-lg font-bold text-brand">{t("app.name", locale)}</Link>
        <MainMenu>
          <nav aria-label="main" className="flex flex-col gap-3 text-sm lg:flex-row lg:flex-wrap lg:gap-4 lg:whitespace-nowrap">
            <Link href="/" className="hover:underline">{t("nav.overview", locale)}</Link>
            <Link href="/transmissions" className="hover:underline">{ht("nav.history", locale)}</Link>
            {user.role !== "viewer" && (
              <>
                <Link href="/credit-notes/new" prefetch={false} className="whitespace-nowrap hover:underline">{composeT("nav.compose", locale)}</Link>
                <Link href="/credit-notes/drafts" className="whitespace-nowrap hover:underline">{composeT("nav.drafts", locale)}</Link>
                <Link href="/issued-invoices" className="whitespace-nowrap hover:underline">{creditT("nav.issued", locale)}</Link>
                <Link href="/settings" className="whitespace-nowrap hover:underline">{composeT("nav.settings", locale)}</Link>
              </>
            )}
            {user.role === "admin" && (
              <>
                <Link href="/settings/users" className="hover:underline">{authT("nav.users", locale)}</Link>
                <Link href="/settings/audit" className="hover:underline">{authT("nav.audit", locale)}</Link>
              </>
            )}
          </nav>
          <span className="ml-auto hidden text-xs text-slate-500 2xl:inline">{t("app.tagline", locale)}</span>
          <div className="flex flex-wrap items-center gap-3 lg:ml-auto 2xl:ml-0">
            <span className="text-xs lg:text-right" data-testid="signed-in-user">
              {authT("nav.signedInAs", locale)} <strong>{user.name}</strong> ({authT(`role.${user.role}`, locale)})
            </span>
            <SignOutButton />
          </div>
        </MainMenu>
      </header>
      <main id="main-content" tabIndex={-1} className="mx-auto max-w-6xl px-4 py-6 focus:outline-none sm:px-6">
        <QueryProvider>{children}</QueryProvider>
      </main>
    </div>
  );
}
