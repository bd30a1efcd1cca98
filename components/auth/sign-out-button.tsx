"use client";

import { useState } from "react";
import { requestJson } from "@/components/ui/fetch-json";
import { useLocale } from "@/components/ui/locale-provider";
import { authT } from "@/lib/i18n/auth-messages";

/** Ends the session on the server, then loads the sign-in page afresh (nothing of the session stays in memory). */
export function SignOutButton() {
  const locale = useLocale();
  const [busy, setBusy] = useState(false);
  async function signOut() {
    setBusy(true);
    // Whatever the server answered, the sign-in page is where this tab goes next.
    await requestJson("/api/auth/logout", { method: "POST", body: {}, locale }).catch(() => undefined);
    window.location.assign("/login");
  }
  return (
    <button type="button" onClick={signOut} disabled={busy} className="rounded border border-slate-300 px-3 py-1 text-xs hover:bg-slate-100">
      {authT("nav.signOut", locale)}
    </button>
  );
}
