"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { ApiError, requestJson } from "@/components/ui/fetch-json";
import { useLocale } from "@/components/ui/locale-provider";
import { authT } from "@/lib/i18n/auth-messages";
import { ROLE_CHOICES, type UserListItem } from "./user-types";

/** One user: change the role, disable/enable, set a new password. */
export function UserRow({ user, isSelf }: { user: UserListItem; isSelf: boolean }) {
  const locale = useLocale();
  const router = useRouter();
  const [error, setError] = useState<string | undefined>();
  const [settingPassword, setSettingPassword] = useState(false);
  const [password, setPassword] = useState("");

  async function patch(change: Record<string, unknown>): Promise<boolean> {
    setError(undefined);
    const failed = authT("login.failed", locale);
    try {
      await requestJson(`/api/users/${encodeURIComponent(user.id)}`, { method: "PATCH", body: change, locale, fallbackMessage: failed });
    } catch (caught) {
      setError(caught instanceof ApiError ? caught.message : failed);
      return false;
    }
    router.refresh();
    return true;
  }

  const label = `${user.name} <${user.email}>`;
  return (
    <tr className="border-t border-slate-200 align-top" data-testid={`user-${user.email}`}>
      <td className="py-2 pr-3">{user.name} {isSelf && <span className="text-xs text-slate-500">{authT("users.you", locale)}</span>}</td>
      <td className="py-2 pr-3 font-mono text-xs">{user.email}</td>
      <td className="py-2 pr-3">
        <select aria-label={`${authT("users.role", locale)}: ${label}`} value={user.role}
          onChange={(event) => void patch({ role: event.target.value })} className="rounded border border-slate-300 px-2 py-1">
          {ROLE_CHOICES.map((role) => <option key={role} value={role}>{authT(`role.${role}`, locale)}</option>)}
        </select>
      </td>
      <td className="py-2 pr-3">{authT(user.disabled ? "users.disabledState" : "users.active", locale)}</td>
      <td className="space-y-2 py-2">
        <div className="flex gap-2">
          <button type="button" onClick={() => void patch({ disabled: !user.disabled })}
            aria-label={`${authT(user.disabled ? "users.enable" : "users.disable", locale)}: ${label}`}
            className="rounded border border-slate-300 px-2 py-1 text-xs hover:bg-slate-100">
            {authT(user.disabled ? "users.enable" : "users.disable", locale)}
          </button>
          <button type="button" onClick={() => setSettingPassword((open) => !open)}
            className="rounded border border-slate-300 px-2 py-1 text-xs hover:bg-slate-100">
            {authT("users.resetPassword", locale)}
          </button>
        </div>
        {settingPassword && (
          <form className="flex gap-2" onSubmit={async (event) => {
            event.preventDefault();
            if (await patch({ password })) {
              setPassword("");
              setSettingPassword(false);
            }
          }}>
            <input type="password" autoComplete="new-password" value={password} onChange={(event) => setPassword(event.target.value)}
              aria-label={authT("users.newPassword", locale, { email: user.email })} className="rounded border border-slate-300 px-2 py-1 text-xs" />
            <button type="submit" className="rounded bg-brand px-2 py-1 text-xs font-semibold text-white">{authT("users.save", locale)}</button>
          </form>
        )}
        {error && <p role="alert" className="text-xs text-red-800">{error}</p>}
      </td>
    </tr>
  );
}
