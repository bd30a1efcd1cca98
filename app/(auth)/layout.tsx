import type { ReactNode } from "react";
import { EnvironmentBanner } from "@/components/layout/environment-banner";
import { getEnv } from "@/lib/env";
import { t } from "@/lib/i18n/messages";
import { getRequestLocale } from "@/lib/i18n/server-locale";

/** Frame of the sign-in and first-run pages: the environment banner and one centred card. */
export default async function AuthLayout({ children }: { children: ReactNode }) {
  const locale = await getRequestLocale();
  return (
    <div className="min-h-screen bg-slate-50">
      <EnvironmentBanner environment={getEnv().provider.environment} />
      <main className="mx-auto mt-16 max-w-md rounded-lg border border-slate-200 bg-white p-8 shadow-sm">
        <p className="mb-6 text-lg font-bold text-brand">{t("app.name", locale)}</p>
        {children}
      </main>
    </div>
  );
}
