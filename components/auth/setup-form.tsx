"use client";

import { useRouter } from "next/navigation";
import { useState, type FormEvent } from "react";
import { ApiError, requestJson } from "@/components/ui/fetch-json";
import { useLocale } from "@/components/ui/locale-provider";
import { authT } from "@/lib/i18n/auth-messages";

/** Creates the first admin and signs them in; `token` is the one-time set-up token from the link. */
export function SetupForm({ passwordMinLength, token }: { passwordMinLength: number; token: string }) {
  const locale = useLocale();
  const router = useRouter();
  const [error, setError] = useState<string | undefined>();
  const [busy, setBusy] = useState(false);

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    setBusy(true);
    setError(undefined);
    const failed = authT("login.failed", locale);
    try {
      await requestJson("/api/setup", {
        method: "POST",
        body: { name: String(form.get("name") ?? ""), email: String(form.get("email") ?? ""), password: String(form.get("password") ?? ""), token },
        locale,
        fallbackMessage: failed,
      });
    } catch (caught) {
      setBusy(false);
      setError(caught instanceof ApiError ? caught.message : failed);
      return;
    }
    router.replace("/");
    router.refresh();
  }

  const field = "w-full rounded border border-slate-300 px-3 py-2";
  return (
    <form onSubmit={submit} className="space-y-4" noValidate>
      <label className="block text-sm">
        <span className="mb-1 block font-medium">{authT("users.name", locale)}</span>
        <input name="name" autoComplete="name" required className={field} />
      </label>
      <label className="block text-sm">
        <span className="mb-1 block font-medium">{authT("users.email", locale)}</span>
        <input name="email" type="email" autoComplete="username" required className={field} />
      </label>
      <label className="block text-sm">
        <span className="mb-1 block font-medium">{authT("users.password", locale)}</span>
        <input name="password" type="password" autoComplete="new-password" required minLength={passwordMinLength} className={field} />
        <span className="mt-1 block text-xs text-slate-500">{authT("users.passwordHint", locale, { min: passwordMinLength })}</span>
      </label>
      {error && <p role="alert" className="rounded border border-red-300 bg-red-50 p-2 text-sm text-red-800">{error}</p>}
      <button type="submit" disabled={busy} className="w-full rounded bg-brand px-4 py-2 font-semibold text-white disabled:opacity-60">
        {authT("setup.submit", locale)}
      </button>
    </form>
  );
}
