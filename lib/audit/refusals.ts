import "server-only";
import { AUDIT_ACTIONS, recordAudit } from "@/lib/audit/audit";
import { logRefusal, type Refusal } from "@/lib/audit/refusal-log";
import { safeLog } from "@/lib/log/redact";
import { getDb } from "@/lib/db";

/**
 * Logs a refusal and writes it to the audit log: role and origin refusals are worth an admin's
 * eye (a viewer probing admin endpoints, a page elsewhere posting to the dashboard). An audit
 * write that fails is logged, never turned into a different answer.
 */
export async function auditRefusal(refusal: Refusal): Promise<void> {
  logRefusal(refusal);
  try {
    await recordAudit(getDb(), {
      actor: refusal.actor ?? null,
      action: AUDIT_ACTIONS.refused,
      target: `${refusal.method} ${refusal.path}`,
      detail: { status: refusal.status, reason: refusal.reason },
      correlationId: refusal.correlationId,
    });
  } catch (error) {
    safeLog.error(`[security] ${refusal.correlationId} could not audit the refusal: ${error instanceof Error ? error.message : String(error)}`);
  }
}

export { logRefusal, type Refusal };
