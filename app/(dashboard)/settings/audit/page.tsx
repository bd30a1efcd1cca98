import { AuditFilters } from "@/components/settings/audit-filters";
import { AuditTable } from "@/components/settings/audit-table";
import { AUDIT_ACTIONS } from "@/lib/audit/audit";
import { AUDIT_PAGE_SIZE, encodeAuditCursor, readAuditQuery, toAuditFilters } from "@/lib/auth/audit-query";
import { requireUser } from "@/lib/auth/current-user";
import { getDb } from "@/lib/db";
import { listAuditActions, listAuditEntries } from "@/lib/db/auth-queries";
import { authT } from "@/lib/i18n/auth-messages";
import { getRequestLocale } from "@/lib/i18n/server-locale";

export const dynamic = "force-dynamic";

// /settings/audit — who did what and when, filtered by actor, action and date range (admin).
export default async function AuditPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  await requireUser({ role: "admin" });
  const locale = await getRequestLocale();
  const query = readAuditQuery(await searchParams);
  const db = getDb();
  const rows = await listAuditEntries(db, toAuditFilters(query, AUDIT_PAGE_SIZE + 1));
  const known = await listAuditActions(db);
  const actions = [...new Set([...Object.values(AUDIT_ACTIONS), ...known])].sort();
  const last = rows[AUDIT_PAGE_SIZE - 1];
  const older = rows.length > AUDIT_PAGE_SIZE && last !== undefined
    ? `?${new URLSearchParams({ actor: query.actor, action: query.action, from: query.from, to: query.to, cursor: encodeAuditCursor(last) })}`
    : undefined;
  const items = rows.slice(0, AUDIT_PAGE_SIZE).map((row) => ({
    id: row.id, at: row.at, actor: row.actor, action: row.action, target: row.target, detail: row.detail_json, correlationId: row.correlation_id,
  }));
  return (
    <section aria-labelledby="audit-title" className="space-y-5">
      <h1 id="audit-title" className="text-2xl font-semibold">{authT("audit.title", locale)}</h1>
      <AuditFilters values={query} actions={actions} />
      <div className="rounded-lg border border-slate-200 bg-white p-5 shadow-sm">
        <AuditTable items={items} />
      </div>
      {older && <a href={older} className="text-sm underline">{authT("audit.older", locale)}</a>}
    </section>
  );
}
