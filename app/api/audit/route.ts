import { AUDIT_PAGE_SIZE, encodeAuditCursor, readAuditQuery, toAuditFilters } from "@/lib/auth/audit-query";
import { withAuth } from "@/lib/auth/with-auth";
import { getDb } from "@/lib/db";
import { listAuditEntries } from "@/lib/db/auth-queries";
import { json } from "@/lib/http/api";

// GET /api/audit?actor=&action=&from=&to=&cursor=&limit= — audit entries, newest first (admin).
export const GET = withAuth({ role: "admin" }, async ({ req }) => {
  const params = new URL(req.url).searchParams;
  const requested = Number(params.get("limit") ?? AUDIT_PAGE_SIZE);
  const limit = Number.isInteger(requested) && requested >= 1 && requested <= 200 ? requested : AUDIT_PAGE_SIZE;
  const rows = await listAuditEntries(getDb(), toAuditFilters(readAuditQuery(params), limit + 1));
  const items = rows.slice(0, limit).map((row) => ({
    id: row.id,
    at: row.at,
    actor: row.actor,
    action: row.action,
    target: row.target,
    detail: row.detail_json === null ? null : safeParse(row.detail_json),
    correlationId: row.correlation_id,
  }));
  const last = rows[limit - 1];
  return json({ items, nextCursor: rows.length > limit && last !== undefined ? encodeAuditCursor(last) : null });
});

function safeParse(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return text;
  }
}
