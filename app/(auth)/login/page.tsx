import { redirect } from "next/navigation";
import { LoginForm } from "@/components/auth/login-form";
import { ensureAuthReady } from "@/lib/auth/bootstrap";
import { getCurrentUser, safeReturnPath } from "@/lib/auth/current-user";
import { isFirstRun } from "@/lib/auth/user-admin";
import { getDb } from "@/lib/db";
import { authT } from "@/lib/i18n/auth-messages";
import { getRequestLocale } from "@/lib/i18n/server-locale";

export const dynamic = "force-dynamic";

// /login — sign-in; a signed-in visitor goes straight on to where they were heading.
export default async function LoginPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const locale = await getRequestLocale();
  const requested = (await searchParams).next;
  const next = safeReturnPath(Array.isArray(requested) ? requested[0] : requested);
  if ((await getCurrentUser()) !== undefined) redirect(next);
  const db = getDb();
  await ensureAuthReady(db);
  const firstRun = await isFirstRun(db);
  return (
    <section aria-labelledby="login-title" className="space-y-5">
      <h1 id="login-title" className="text-2xl font-semibold">{authT("login.title", locale)}</h1>
      {firstRun && (
        <p className="rounded border border-amber-300 bg-amber-50 p-3 text-sm">
          {authT("login.noUsers", locale)}
        </p>
      )}
      <LoginForm next={next} />
    </section>
  );
}
