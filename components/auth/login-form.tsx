"use client";

import { useRouter } from "next/navigation";
import { useState, type FormEvent } from "react";
import { authT } from "@/lib/i18n/auth-messages";
import type { Locale } from "@/lib/i18n/locale";
import { errorMessageOf, sendJson } from "./send-json";

/** E-mail + password form; on success goes on to `next` (a path inside the dashboard). */
export function LoginForm({ locale, next }: { locale: Locale; next: string }) {
  const router = useRouter();
  const [error, setError] = useState<string | undefined>();
  const [busy, setBusy] = useState(false);

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    setBusy(true);
    setError(undefined);
    const answer = await sendJson("POST", "/api/auth/login", { email: String(form.get("email") ?? ""), password: String(form.get("password") ?? "") });
    if (answer.ok) {
      router.replace(next);
      router.refresh();
      return;
    }
    setBusy(false);
    setError(errorMessageOf(answer, authT("login.failed", locale)));
  }

  return (
    <form onSubmit={submit} className="space-y-4" noValidate>
      <label className="block text-sm">
        <span className="mb-1 block font-medium">{authT("login.email", locale)}</span>
        <input name="email" type="email" autoComplete="username" required autoFocus
          className="w-full rounded border border-slate-300 px-3 py-2" />
      </label>
      <label className="block text-sm">
        <span className="mb-1 block font-medium">{authT("login.password", locale)}</span>
        <input name="password" type="password" autoComplete="current-password" required
          className="w-full rounded border border-slate-300 px-3 py-2" />
      </label>
      {error && <p role="alert" className="rounded border border-red-300 bg-red-50 p-2 text-sm text-red-800">{error}</p>}
      <button type="submit" disabled={busy}
        className="w-full rounded bg-brand px-4 py-2 font-semibold text-white disabled:opacity-60">
        {authT(busy ? "login.working" : "login.submit", locale)}
      </button>
    </form>
  );
}
