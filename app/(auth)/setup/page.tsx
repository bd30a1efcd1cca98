import { notFound } from "next/navigation";
import { SetupForm } from "@/components/auth/setup-form";
import { ensureAuthReady } from "@/lib/auth/bootstrap";
import { PASSWORD_MIN_LENGTH } from "@/lib/auth/password";
import { isFirstRun } from "@/lib/auth/user-admin";
import { getDb } from "@/lib/db";
import { authT } from "@/lib/i18n/auth-messages";
import { getRequestLocale } from "@/lib/i18n/server-locale";

export const dynamic = "force-dynamic";

// /setup — creates the first admin; exists only while there is no user (404 afterwards).
export default async function SetupPage() {
  const db = getDb();
  await ensureAuthReady(db);
  if (!(await isFirstRun(db))) notFound();
  const locale = await getRequestLocale();
  return (
    <section aria-labelledby="setup-title" className="space-y-5">
      <h1 id="setup-title" className="text-2xl font-semibold">{authT("setup.title", locale)}</h1>
      <p className="text-sm text-slate-600">{authT("setup.intro", locale)}</p>
      <SetupForm passwordMinLength={PASSWORD_MIN_LENGTH} />
    </section>
  );
}
