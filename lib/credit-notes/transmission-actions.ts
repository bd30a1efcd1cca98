import "server-only";
import { recordAudit } from "@/lib/audit/audit";
import type { AuthUser } from "@/lib/auth/roles";
import { getReadyDb } from "@/lib/db/ready";
import { uuidOf } from "@/lib/domain/ids";
import { getProviderClient } from "@/lib/provider";
import { refreshDocument, retryDocument } from "@/lib/sending";
import { wakeBackgroundSending } from "@/lib/sending/start";
import { closeOutDocument } from "@/lib/sending/close-out";
import type { Locale } from "@/lib/i18n/locale";
import { parseOrFail } from "@/lib/validation/parse";
import { closeOutSchema, correctCreditSchema } from "@/lib/validation/requests";
import { fixCreditRequest } from "@/lib/sending/fix-credit";
import { DocumentNotFoundError } from "@/lib/sending/errors";
import { findOriginal } from "./originals";

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

/**
 * Closes out (voids) a rejected or needs-attention entry with the clerk's written reason: it
 * leaves "needs action", keeps its number, shows who and why on its timeline; audited.
 */
export async function closeOutFromBody(rawId: string, body: unknown, ctx: { user: AuthUser; correlationId: string; locale: Locale }) {
  const id = uuidOf(rawId, "document");
  const { reason } = parseOrFail(closeOutSchema, body, ctx.locale);
  const db = await getReadyDb();
  const result = await closeOutDocument(db, id, { actor: ctx.user.email, reason });
  await recordAudit(db, { actor: ctx.user, action: "transmission.close_out", target: id, detail: { status: result.status, reason, released: result.released }, correlationId: ctx.correlationId });
  return result;
}

/**
 * Corrects a rejected credit of an issued document and sends it again with its own number: the
 * corrected authentication code is checked against the provider's list (the same original, by
 * its MARK) before anything is written; audited.
 */
export async function correctCreditFromBody(rawId: string, body: unknown, ctx: { user: AuthUser; correlationId: string; locale: Locale }) {
  const id = uuidOf(rawId, "document");
  const { authenticationCode, relateCredit } = parseOrFail(correctCreditSchema, body, ctx.locale);
  const db = await getReadyDb();
  const doc = await db.selectFrom("documents").select(["issuer_vat", "payload_json", "kind"]).where("id", "=", id).executeTakeFirst();
  if (doc === undefined) throw new DocumentNotFoundError(id);
  const mark = doc.kind === "credit_existing" ? String((JSON.parse(doc.payload_json) as { mark?: unknown }).mark ?? "") : "";
  const { original } = await findOriginal(db, getProviderClient(), { issuerVat: doc.issuer_vat, authenticationCode, mark }, ctx.locale);
  const result = await fixCreditRequest(db, id, { authenticationCode: original.authenticationCode ?? authenticationCode, mark: original.mark, relateCredit }, { actor: ctx.user.email });
  await recordAudit(db, { actor: ctx.user, action: "transmission.correct_credit", target: id, detail: { mark: original.mark, relateCredit }, correlationId: ctx.correlationId });
  wakeBackgroundSending();
  return result;
}
