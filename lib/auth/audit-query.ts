import "server-only";
import { formatAthensDateTime } from "@/lib/domain/athens-time";
import type { AuditEntryRow, AuditFilters } from "@/lib/db/auth-queries";

/** Filters of the audit view as typed in its form or the API's query string. */
export interface AuditQuery {
  actor: string;
  action: string;
  /** Europe/Athens calendar dates, `YYYY-MM-DD`, both inclusive; empty when unset. */
  from: string;
  to: string;
  cursor: string;
}

const DATE = /^\d{4}-\d{2}-\d{2}$/;
export const AUDIT_PAGE_SIZE = 50;

/**
 * The UTC instant of midnight in Europe/Athens at the start of `date` (`YYYY-MM-DD`), found by
 * correcting a first guess by the zone offset the platform reports for it.
 */
export function athensMidnightUtc(date: string): Date | undefined {
  if (!DATE.test(date)) return undefined;
  const [y, m, d] = date.split("-").map(Number) as [number, number, number];
  const wanted = Date.UTC(y, m - 1, d);
  if (Number.isNaN(wanted) || new Date(wanted).toISOString().slice(0, 10) !== date) return undefined;
  let guess = wanted - 2 * 3_600_000;
  for (let i = 0; i < 3; i++) {
    const wall = Date.parse(`${formatAthensDateTime(new Date(guess))}Z`);
    if (wall === wanted) break;
    guess += wanted - wall;
  }
  return new Date(guess);
}

function text(value: string | string[] | null | undefined, max: number): string {
  const first = Array.isArray(value) ? value[0] : value;
  return (first ?? "").trim().slice(0, max);
}

/** Reads the filters from query parameters (URLSearchParams or a page's searchParams). */
export function readAuditQuery(source: URLSearchParams | Record<string, string | string[] | undefined>): AuditQuery {
  const get = (key: string) => (source instanceof URLSearchParams ? source.get(key) : source[key]);
  return {
    actor: text(get("actor"), 320),
    action: text(get("action"), 100),
    from: text(get("from"), 10),
    to: text(get("to"), 10),
    cursor: text(get("cursor"), 200),
  };
}

export function encodeAuditCursor(row: Pick<AuditEntryRow, "at" | "id">): string {
  return Buffer.from(`${row.at}|${row.id}`).toString("base64url");
}

function decodeCursor(cursor: string): AuditFilters["before"] {
  if (cursor === "") return undefined;
  const [at, id] = Buffer.from(cursor, "base64url").toString("utf8").split("|");
  const numeric = Number(id);
  if (at === undefined || Number.isNaN(Date.parse(at)) || !Number.isSafeInteger(numeric)) return undefined;
  return { at, id: numeric };
}

/** The database filters of a query; dates that do not parse are ignored rather than refused. */
export function toAuditFilters(query: AuditQuery, limit: number = AUDIT_PAGE_SIZE): AuditFilters {
  const from = athensMidnightUtc(query.from);
  const toStart = athensMidnightUtc(query.to);
  // "to" is inclusive: everything before the next Athens midnight.
  const to = toStart === undefined ? undefined : athensMidnightUtc(new Date(toStart.getTime() + 36 * 3_600_000).toISOString().slice(0, 10));
  return {
    actor: query.actor || undefined,
    action: query.action || undefined,
    from: from?.toISOString(),
    to: to?.toISOString(),
    before: decodeCursor(query.cursor),
    limit,
  };
}
