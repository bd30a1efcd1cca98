import { authT } from "@/lib/i18n/auth-messages";
import { getRequestLocale } from "@/lib/i18n/server-locale";

/** The audit view's filters: a plain GET form, so filtered views are links that can be shared. */
export async function AuditFilters({ values, actions }: {
  values: { actor: string; action: string; from: string; to: string };
  actions: string[];
}) {
  const locale = await getRequestLocale();
  const field = "rounded border border-slate-300 px-2 py-1";
  const areas = [...new Set(actions.map((action) => `${action.split(".")[0]}.`))];
  return (
    <form method="get" role="search" aria-label={authT("audit.filter", locale)} className="flex flex-wrap items-end gap-3 text-sm">
      <label className="flex flex-col gap-1">{authT("audit.actor", locale)}
        <input name="actor" defaultValue={values.actor} className={field} />
      </label>
      <label className="flex flex-col gap-1">{authT("audit.action", locale)}
        <select name="action" defaultValue={values.action} className={field}>
          <option value="">{authT("audit.anyAction", locale)}</option>
          {areas.map((area) => <option key={area} value={area}>{area}*</option>)}
          {actions.map((action) => <option key={action} value={action}>{action}</option>)}
        </select>
      </label>
      <label className="flex flex-col gap-1">{authT("audit.from", locale)}
        <input name="from" type="date" defaultValue={values.from} className={field} />
      </label>
      <label className="flex flex-col gap-1">{authT("audit.to", locale)}
        <input name="to" type="date" defaultValue={values.to} className={field} />
      </label>
      <button type="submit" className="rounded bg-brand px-3 py-1.5 font-semibold text-white">{authT("audit.filter", locale)}</button>
      <a href="?" className="px-2 py-1.5 underline">{authT("audit.clear", locale)}</a>
    </form>
  );
}
