import Link from "next/link";
import { plainT } from "@/lib/i18n/plain-messages";
import { getRequestLocale } from "@/lib/i18n/server-locale";

// Every unknown address and every notFound() (an unknown document id): in the reader's language.
export default async function NotFound() {
  const locale = await getRequestLocale();
  return (
    <main id="main-content" className="mx-auto max-w-xl space-y-4 px-6 py-16" data-testid="not-found">
      <p className="text-sm font-semibold text-slate-500">404</p>
      <h1 className="text-2xl font-semibold">{plainT("notFound.title", locale)}</h1>
      <p>{plainT("notFound.body", locale)}</p>
      <p className="flex gap-4">
        <Link href="/" className="font-semibold text-brand underline">{plainT("notFound.home", locale)}</Link>
        <Link href="/transmissions" className="font-semibold text-brand underline">{plainT("notFound.history", locale)}</Link>
      </p>
    </main>
  );
}
