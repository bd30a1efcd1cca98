import { formatAthensDateTime } from "@/lib/domain/athens-time";
import { authT } from "@/lib/i18n/auth-messages";
import { getRequestLocale } from "@/lib/i18n/server-locale";

/** One audit entry as the admin view shows it. */
export interface AuditListItem {
  id: number;
  at: string;
  actor: string | null;
  action: string;
  target: string | null;
  detail: string | null;
  correlationId: string | null;
}

/** The audit log, newest first, times in Europe/Athens (stored in UTC). */
export async function AuditTable({ items }: { items: AuditListItem[] }) {
  const locale = await getRequestLocale();
  if (items.length === 0) return <p className="text-sm text-slate-600">{authT("audit.none", locale)}</p>;
  return (
    <div className="overflow-x-auto"><table className="w-full text-left text-sm">
      <thead className="text-xs uppercase text-slate-500">
        <tr>
          <th className="py-2 pr-3">{authT("audit.at", locale)}</th>
          <th className="py-2 pr-3">{authT("audit.actor", locale)}</th>
          <th className="py-2 pr-3">{authT("audit.action", locale)}</th>
          <th className="py-2 pr-3">{authT("audit.target", locale)}</th>
          <th className="py-2 pr-3">{authT("audit.detail", locale)}</th>
          <th className="py-2">{authT("audit.correlation", locale)}</th>
        </tr>
      </thead>
      <tbody>
        {items.map((item) => (
          <tr key={item.id} className="border-t border-slate-200 align-top">
            <td className="whitespace-nowrap py-2 pr-3 font-mono text-xs" title={item.at}>
              {formatAthensDateTime(new Date(item.at)).replace("T", " ")}
            </td>
            <td className="py-2 pr-3">{item.actor ?? <em>{authT("audit.system", locale)}</em>}</td>
            <td className="py-2 pr-3 font-mono text-xs">{item.action}</td>
            <td className="py-2 pr-3">{item.target}</td>
            <td className="max-w-xs break-words py-2 pr-3 font-mono text-xs">{item.detail}</td>
            <td className="py-2 font-mono text-xs">{item.correlationId}</td>
          </tr>
        ))}
      </tbody>
    </table></div>
  );
}
