import Link from "next/link";
import type { ReactNode } from "react";
import { LocaleSwitch } from "@/components/ui/locale-switch";
import { composeT } from "@/lib/i18n/compose-messages";
import { getRequestLocale } from "@/lib/i18n/server-locale";

/** Title of a compose or settings page, with its related links and the language switch (in the viewer's language, read on the server). */
export async function PageHeader({ title, links = [], children }: {
  title: string;
  links?: { href: string; label: string }[];
  children?: ReactNode;
}) {
  const locale = await getRequestLocale();
  return (
    <div className="mb-5 flex flex-wrap items-center gap-4">
      <h1 id="page-title" className="text-2xl font-semibold">{title}</h1>
      {links.length > 0 && (
        <nav aria-label={title} className="flex gap-3 text-sm">
          {links.map((link) => <Link key={link.href} href={link.href} className="text-brand hover:underline">{link.label}</Link>)}
        </nav>
      )}
      {children}
      <div className="ml-auto">
        <LocaleSwitch label={composeT("locale.label", locale)} />
      </div>
    </div>
  );
}
