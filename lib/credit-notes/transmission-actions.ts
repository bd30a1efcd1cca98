import "server-only";
import { recordAudit } from "@/lib/audit/audit";
import type { AuthUser } from "@/lib/auth/roles";
import { getReadyDb } from "@/lib/db/ready";
import { uuidOf } from "@/lib/domain/ids";
import { getProviderClient } from "@/lib/provider";
import { refreshDocument, retryDocument } from "@/lib/sending";
import { wakeBackgroundSending } from "@/lib/sending/start";

/**
 * Runs a status look-up at the provider now, or queues a resend of the identical document.
 * The sending layer's refusals (`not_found`, `not_allowed_in_state`) reach the caller as they are.
 */
export async function runAction(action: "refresh" | "retry", rawId: string, ctx: { user: AuthUser; correlationId: string }) {
  const id = uuidOf(rawId, "document");
  const db = await getReadyDb();
  const result = await (action === "refresh"
    ? refreshDocument(db, getProviderClient(), id, { actor: ctx.user.email })
    : retryDocument(db, id, ctx.user.email));
  await recordAudit(db, { actor: ctx.user, action: `transmission.${action}`, target: id, detail: { status: result.status, changed: result.changed }, correlationId: ctx.correlationId });
  if (action === "retry") wakeBackgroundSending();
  return result;
}
