import { t } from "@/lib/i18n/messages";
import { getRequestLocale } from "@/lib/i18n/server-locale";

const styles = {
  SANDBOX: "bg-amber-100 text-amber-900 border-amber-300",
  UAT: "bg-sky-100 text-sky-900 border-sky-300",
  PRODUCTION: "bg-red-700 text-white border-red-900",
} as const;

/** The environment documents go to, shown loudly on every page. */
export async function EnvironmentBanner({ environment }: { environment: keyof typeof styles }) {
  const locale = await getRequestLocale();
  return (
    <div role="status" aria-label="environment" data-environment={environment}
      className={`border-b px-6 py-1.5 text-sm font-semibold tracking-wide ${styles[environment]}`}>
      {t(`env.${environment}`, locale)}
    </div>
  );
}
