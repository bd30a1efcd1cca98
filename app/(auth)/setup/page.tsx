import { notFound } from "next/navigation";
import { SetupForm } from "@/components/auth/setup-form";
import { ensureAuthReady } from "@/lib/auth/bootstrap";
import { PASSWORD_MIN_LENGTH } from "@/lib/auth/password";
import { isValidSetupToken } from "@/lib/auth/setup-token";
import { isFirstRun } from "@/lib/auth/user-admin";
import { getDb } from "@/lib/db";
import { authT } from "@/lib/i18n/auth-messages";
import { getRequestLocale } from "@/lib/i18n/server-locale";

export const dynamic = "force-dynamic";

// /setup?token=… — creates the first admin; exists only while there is no user and only with the
// one-time token printed in the server log (404 otherwise).
export default async function SetupPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const db = getDb();
  await ensureAuthReady(db);
  const token = (await searchParams).token;
  if (!(await isFirstRun(db)) || !(await isValidSetupToken(db, token))) notFound();
  const locale = await getRequestLocale();
  return (
    <section aria-labelledby="setup-title" className="space-y-5">
      <h1 id="setup-title" className="text-2xl font-semibold">{authT("setup.title", locale)}</h1>
      <p className="text-sm text-slate-600">{authT("setup.intro", locale)}</p>
      <SetupForm passwordMinLength={PASSWORD_MIN_LENGTH} token={String(token)} />
    </section>
  );
}
