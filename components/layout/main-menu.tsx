"use client";

import { useEffect, useState, type ReactNode } from "react";
import { usePathname } from "next/navigation";
import { useLocale } from "@/components/ui/locale-provider";
import { clerkT } from "@/lib/i18n/clerk-messages";

/**
 * The header's navigation and account block: in line from 1024 px on, behind a "Menu" button
 * below that (phone and tablet), where it opens as a full-width list under the header. Closes
 * itself when the page changes.
 */
export function MainMenu({ children }: { children: ReactNode }) {
  const locale = useLocale();
  const pathname = usePathname();
  const [open, setOpen] = useState(false);
  const [shownFor, setShownFor] = useState(pathname);
  if (shownFor !== pathname) {
    setShownFor(pathname);
    setOpen(false);
  }
  useEffect(() => {
    if (!open) return;
    const onKey = (event: KeyboardEvent) => {
      if (event.key === "Escape") setOpen(false);
    };
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  }, [open]);
  return (
    <>
      <button type="button" aria-expanded={open} aria-controls="main-menu" onClick={() => setOpen((value) => !value)}
        className="ml-auto inline-flex items-center gap-2 rounded border border-slate-300 px-3 py-1.5 text-sm lg:hidden">
        <span aria-hidden="true">{open ? "✕" : "☰"}</span>
        {open ? clerkT("menu.close", locale) : clerkT("menu.open", locale)}
      </button>
      <div id="main-menu"
        className={`${open ? "flex" : "hidden"} w-full flex-col gap-3 border-t border-slate-200 pt-3 lg:flex lg:w-auto lg:flex-1 lg:flex-row lg:items-center lg:gap-6 lg:border-0 lg:pt-0`}>
        {children}
      </div>
    </>
  );
}
