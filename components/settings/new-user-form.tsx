"use client";

import { useRouter } from "next/navigation";
import { useState, type FormEvent } from "react";
import { ApiError, requestJson } from "@/components/ui/fetch-json";
import { useLocale } from "@/components/ui/locale-provider";
import { authT } from "@/lib/i18n/auth-messages";
import { ROLE_CHOICES } from "./user-types";

/** Adds a user with a role and a first password. */
export function NewUserForm({ passwordMinLength }: { passwordMinLength: number }) {
  const locale = useLocale();
  const router = useRouter();
  const [message, setMessage] = useState<{ ok: boolean; text: string } | undefined>();
  const [busy, setBusy] = useState(false);

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const formElement = event.currentTarget;
    const form = new FormData(formElement);
    setBusy(true);
    const failed = authT("login.failed", locale);
    try {
      await requestJson("/api/users", {
        method: "POST",
        body: {
          name: String(form.get("name") ?? ""),
          email: String(form.get("email") ?? ""),
          role: String(form.get("role") ?? "viewer"),
          password: String(form.get("password") ?? ""),
        },
        locale,
        fallbackMessage: failed,
      });
    } catch (caught) {
      setBusy(false);
      setMessage({ ok: false, text: caught instanceof ApiError ? caught.message : failed });
      return;
    }
    setBusy(false);
    formElement.reset();
    setMessage({ ok: true, text: authT("users.saved", locale) });
    router.refresh();
  }

  const field = "rounded border border-slate-300 px-2 py-1";
  return (
    <form onSubmit={submit} aria-labelledby="new-user-title" noValidate
      className="space-y-3 rounded-lg border border-slate-200 bg-white p-5 shadow-sm">
      <h2 id="new-user-title" className="font-semibold">{authT("users.add", locale)}</h2>
      <div className="grid grid-cols-2 gap-3 text-sm">
        <label className="flex flex-col gap-1">{authT("users.name", locale)}<input name="name" required className={field} /></label>
        <label className="flex flex-col gap-1">{authT("users.email", locale)}<input name="email" type="email" required autoComplete="off" className={field} /></label>
        <label className="flex flex-col gap-1">
          {authT("users.role", locale)}
          <select name="role" defaultValue="clerk" className={field}>
            {ROLE_CHOICES.map((role) => <option key={role} value={role}>{authT(`role.${role}`, locale)}</option>)}
          </select>
        </label>
        <label className="flex flex-col gap-1">
          {authT("users.password", locale)}
          <input name="password" type="password" required minLength={passwordMinLength} autoComplete="new-password" className={field} />
          <span className="text-xs text-slate-500">{authT("users.passwordHint", locale, { min: passwordMinLength })}</span>
        </label>
      </div>
      {message && (
        <p role={message.ok ? "status" : "alert"} className={message.ok ? "text-sm text-green-800" : "text-sm text-red-800"}>{message.text}</p>
      )}
      <button type="submit" disabled={busy} className="rounded bg-brand px-4 py-1.5 text-sm font-semibold text-white disabled:opacity-60">
        {authT("users.create", locale)}
      </button>
    </form>
  );
}
