import "server-only";
import { redact } from "@/lib/log/redact";
import { insertAuditEntry } from "@/lib/db/auth-queries";
import type { Db } from "@/lib/db/schema";

/** Who did (or was refused) something: a signed-in user (kept as their e-mail), an e-mail, or null for the system. */
export type Actor = { email: string } | string | null;

/**
 * Actions written so far. Other parts of the dashboard add theirs in the same `area.verb` form
 * (`credit_note.issue`, `credit_note.credit`, `transmission.retry`, `transmission.refresh`,
 * `settings.update`, …); the audit view filters by exact action or by area prefix (`user.`).
 */
export const AUDIT_ACTIONS = {
  login: "auth.login",
  loginFailed: "auth.login_failed",
  loginThrottled: "auth.login_throttled",
  logout: "auth.logout",
  refused: "auth.refused",
  setup: "auth.setup",
  userCreate: "user.create",
  userUpdate: "user.update",
  userBootstrap: "user.bootstrap",
} as const;

export interface AuditEntry {
  /** Who: the signed-in user (stored as their e-mail), an e-mail, or null for the system. */
  actor: Actor;
  /** What, as `area.verb`. */
  action: string;
  /** What it was done to: a document id, a user e-mail, … */
  target?: string | null;
  /** Anything worth keeping, stored as JSON with secrets redacted (capped at 8 KB). */
  detail?: unknown;
  /** The request's correlation id, to join the audit row with logs and the error shown. */
  correlationId?: string | null;
}

const MAX_DETAIL_CHARS = 8_000;

function jsonOf(value: unknown): string {
  try {
    return JSON.stringify(value) ?? "null";
  } catch {
    return JSON.stringify(String(value));
  }
}
const MAX_FIELD_CHARS = 320;

/**
 * Appends one row to the audit log: who, what, to what, when (UTC, now) and the correlation id.
 * Call it inside the same transaction as the change when there is one, so that neither exists
 * without the other.
 */
export async function recordAudit(db: Db, entry: AuditEntry, now: Date = new Date()): Promise<void> {
  const actor = entry.actor === null ? null : typeof entry.actor === "string" ? entry.actor : entry.actor.email;
  let detail: string | null = null;
  if (entry.detail !== undefined && entry.detail !== null) {
    detail = redact(jsonOf(entry.detail));
    if (detail.length > MAX_DETAIL_CHARS) detail = JSON.stringify({ truncated: detail.slice(0, MAX_DETAIL_CHARS) });
  }
  await insertAuditEntry(db, {
    at: now.toISOString(),
    actor: actor?.slice(0, MAX_FIELD_CHARS) ?? null,
    action: entry.action.slice(0, 100),
    target: entry.target?.slice(0, MAX_FIELD_CHARS) ?? null,
    detail_json: detail,
    correlation_id: entry.correlationId?.slice(0, 64) ?? null,
  });
}
