import { NewUserForm } from "@/components/settings/new-user-form";
import { UserRow } from "@/components/settings/user-row";
import { requireUser } from "@/lib/auth/current-user";
import { PASSWORD_MIN_LENGTH } from "@/lib/auth/password";
import { toUserView } from "@/lib/auth/user-admin";
import { getDb } from "@/lib/db";
import { listUsers } from "@/lib/db/auth-queries";
import { authT } from "@/lib/i18n/auth-messages";
import { getRequestLocale } from "@/lib/i18n/server-locale";

export const dynamic = "force-dynamic";

// /settings/users — add, disable and re-role users, set new passwords (admin).
export default async function UsersPage() {
  const me = await requireUser({ role: "admin" });
  const locale = await getRequestLocale();
  const users = (await listUsers(getDb())).map(toUserView);
  return (
    <section aria-labelledby="users-title" className="space-y-6">
      <h1 id="users-title" className="text-2xl font-semibold">{authT("users.title", locale)}</h1>
      <div className="rounded-lg border border-slate-200 bg-white p-5 shadow-sm">
        <div className="overflow-x-auto"><table className="w-full text-left text-sm">
          <thead className="text-xs uppercase text-slate-500">
            <tr>
              <th className="py-2 pr-3">{authT("users.name", locale)}</th>
              <th className="py-2 pr-3">{authT("users.email", locale)}</th>
              <th className="py-2 pr-3">{authT("users.role", locale)}</th>
              <th className="py-2 pr-3">{authT("users.status", locale)}</th>
              <th className="py-2">{authT("users.actions", locale)}</th>
            </tr>
          </thead>
          <tbody>
            {users.map((user) => <UserRow key={user.id} user={user} isSelf={user.id === me.id} />)}
          </tbody>
        </table></div>
      </div>
      <NewUserForm passwordMinLength={PASSWORD_MIN_LENGTH} />
    </section>
  );
}
