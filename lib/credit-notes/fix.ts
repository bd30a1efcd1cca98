import "server-only";
import { recordAudit } from "@/lib/audit/audit";
import type { AuthUser } from "@/lib/auth/roles";
import { draftOfBody } from "@/lib/credit-notes/preview";
import { definedIssueRequest } from "@/lib/credit-notes/issuer-profile";
import { getReadyDb } from "@/lib/db/ready";
import type { Db } from "@/lib/db/schema";
import { normalizeVatNumber } from "@/lib/domain/vat-number";
import { uuidOf } from "@/lib/domain/ids";
import type { Locale } from "@/lib/i18n/locale";
import { ActionNotAllowedError, DocumentNotFoundError } from "@/lib/sending/errors";
import { fixRejectedDocument, type FixResult } from "@/lib/sending/fix";
import { wakeBackgroundSending } from "@/lib/sending/start";
import { fieldFailure } from "@/lib/validation/parse";
import type { EditableDraft } from "@/lib/validation/draft-snapshot";
import { readStoredDraft } from "@/lib/validation/stored-draft";

/**
 * `POST /api/transmissions/{id}/fix` `{draft}`: validates the corrected draft (the compose
 * schema, same messages), refuses a change of issuer (the number is the issuer's), and fixes and
 * requeues the rejected document with its identity kept (lib/sending/fix.ts). 404 for an unknown
 * document, 409 unless it is a rejected composed document, 422 with field errors otherwise.
 */
export async function fixFromBody(rawId: string, body: unknown, caller: { user: AuthUser; locale: Locale; correlationId: string }): Promise<FixResult> {
  const { locale } = caller;
  const id = uuidOf(rawId, "document");
  const db = await getReadyDb();
  const doc = await db.selectFrom("documents").select(["status", "kind", "issuer_vat"]).where("id", "=", id).executeTakeFirst();
  if (doc === undefined) throw new DocumentNotFoundError(id);
  if (doc.status !== "rejected") throw new ActionNotAllowedError("fix", doc.status);
  if (doc.kind !== "compose") throw new ActionNotAllowedError("fix", doc.status, "not_compose");
  const { draft, request } = await definedIssueRequest(db, draftOfBody(body, locale), locale);
  const { issuer } = request.input;
  const vat = normalizeVatNumber(issuer.address.countryCode, issuer.vat);
  if (!vat.ok || vat.vat !== doc.issuer_vat) throw fieldFailure("draft.issuer.vat", "issuer_changed", locale, { vat: doc.issuer_vat });
  const result = await fixRejectedDocument(db, id, request, { actor: caller.user.email, draft });
  await recordAudit(db, { actor: caller.user, action: "transmission.fix", target: id, detail: { series: result.series, number: result.number }, correlationId: caller.correlationId });
  wakeBackgroundSending();
  return result;
}

/**
 * The draft a Fix & resend starts from: the one the document keeps (after a fix, the last
 * corrected one), with the document's identity whatever the draft says. Null for an unknown
 * document or one without a readable draft (a credit of an issued document has none).
 */
export async function loadFixDraft(db: Db, id: string): Promise<EditableDraft | null> {
  const row = await db.selectFrom("documents").select(["draft_json", "draft_version", "series", "number", "issued_at"]).where("id", "=", id).executeTakeFirst();
  const draft = row === undefined ? null : readStoredDraft(row.draft_json, row.draft_version);
  if (row === undefined || draft === null) return null;
  return { ...draft, series: row.series, number: row.number, issuedAt: row.issued_at };
}
