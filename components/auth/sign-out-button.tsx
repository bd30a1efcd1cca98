"use client";

import { useState } from "react";
import { authT } from "@/lib/i18n/auth-messages";
import type { Locale } from "@/lib/i18n/locale";
import { sendJson } from "./send-json";

/** Ends the session on the server, then loads the sign-in page afresh (nothing of the session stays in memory). */
export function SignOutButton({ locale }: { locale: Locale }) {
  const [busy, setBusy] = useState(false);
  async function signOut() {
    setBusy(true);
    await sendJson("POST", "/api/auth/logout", {});
    window.location.assign("/login");
  }
  return (
    <button type="button" onClick={signOut} disabled={busy} className="rounded border border-slate-300 px-3 py-1 text-xs hover:bg-slate-100">
      {authT("nav.signOut", locale)}
    </button>
  );
}
