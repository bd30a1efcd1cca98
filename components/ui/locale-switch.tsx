"use client";

import { useRouter } from "next/navigation";
import { useTransition } from "react";
import type { Locale } from "@/lib/i18n/locale";
import { useLocale } from "./locale-provider";

const LABELS: Record<Locale, string> = { el: "Ελληνικά", en: "English" };

/**
 * Switches the interface language for this browser: sets the `locale` cookie the server reads
 * (lib/i18n/server-locale.ts) and re-renders the page in place, keeping what was typed; the root
 * layout reads the cookie again and hands the new language to LocaleProvider.
 */
export function LocaleSwitch({ label }: { label: string }) {
  const locale = useLocale();
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  function choose(next: Locale) {
    if (next === locale) return;
    document.cookie = `locale=${next}; Path=/; Max-Age=31536000; SameSite=Lax`;
    startTransition(() => router.refresh());
  }
  return (
    <div role="group" aria-label={label} className="inline-flex overflow-hidden rounded border border-slate-300 text-xs">
      {(Object.keys(LABELS) as Locale[]).map((option) => (
        <button key={option} type="button" lang={option} aria-pressed={option === locale} disabled={pending}
          onClick={() => choose(option)}
          className={option === locale ? "bg-brand px-2 py-1 font-semibold text-white" : "bg-white px-2 py-1 hover:bg-slate-50"}>
          {LABELS[option]}
        </button>
      ))}
    </div>
  );
}
