import "server-only";
import { recordAudit } from "@/lib/auth/audit";
import type { AuthUser } from "@/lib/auth/roles";
import { draftOfBody } from "@/lib/credit-notes/preview";
import { resolveIssuerProfile } from "@/lib/credit-notes/issuer-profile";
import { getReadyDb } from "@/lib/db/ready";
import type { Db } from "@/lib/db/schema";
import { normalizeVatNumber } from "@/lib/domain/vat-number";
import { HttpError, ValidationFailure } from "@/lib/http/errors";
import { ht } from "@/lib/i18n/history-messages";
import type { Locale } from "@/lib/i18n/locale";
import { ActionNotAllowedError, DocumentNotFoundError } from "@/lib/sending/errors";
import { fixRejectedDocument, type FixResult } from "@/lib/sending/fix";
import { wakeBackgroundSending } from "@/lib/sending/start";
import { parseDraft } from "@/lib/validation/parse-draft";
import type { EditableDraft } from "@/lib/history/draft-from-payload";
import { readStoredDraft } from "@/lib/validation/stored-draft";

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

function notFound(locale: Locale): HttpError {
  return new HttpError(404, "not_found", locale === "en" ? "No such document." : "Δεν υπάρχει τέτοιο παραστατικό.");
}

function notAllowed(locale: Locale, status: string): HttpError {
  return new HttpError(409, "not_allowed_in_state", ht("fix.notRejected", locale, { status: ht(`status.${status}` as "status.queued", locale) }));
}

/**
 * `POST /api/transmissions/{id}/fix` `{draft}`: validates the corrected draft (the compose
 * schema, same messages), refuses a change of issuer (the number is the issuer's), and fixes and
 * requeues the rejected document with its identity kept (lib/sending/fix.ts). 404 for an unknown
 * document, 409 unless it is a rejected composed document, 422 with field errors otherwise.
 */
export async function fixFromBody(id: string, body: unknown, caller: { user: AuthUser; locale: Locale; correlationId: string }): Promise<FixResult> {
  const { locale } = caller;
  if (!UUID.test(id)) throw notFound(locale);
  const db = await getReadyDb();
  const doc = await db.selectFrom("documents").select(["status", "kind", "issuer_vat"]).where("id", "=", id).executeTakeFirst();
  if (doc === undefined) throw notFound(locale);
  if (doc.status !== "rejected") throw notAllowed(locale, doc.status);
  if (doc.kind !== "compose") throw new HttpError(409, "not_allowed_in_state", ht("fix.notCompose", locale));
  const raw = draftOfBody(body, locale);
  const draft = await resolveIssuerProfile(db, raw, locale);
  const parsed = parseDraft(draft, locale, ["draft"]);
  if (!parsed.ok) throw new ValidationFailure(parsed.errors);
  const { issuer } = parsed.value.input;
  const vat = normalizeVatNumber(issuer.address.countryCode, issuer.vat);
  if (!vat.ok || vat.vat !== doc.issuer_vat) {
    throw new ValidationFailure([{
      path: "draft.issuer.vat", code: "issuer_changed",
      message: locale === "en" ? `Issuer VAT number: must stay ${doc.issuer_vat}, whose number this is` : `ΑΦΜ εκδότη: πρέπει να μείνει ${doc.issuer_vat}, του οποίου είναι ο αριθμός`,
    }]);
  }
  const result = await fixRejectedDocument(db, id, parsed.value, { actor: caller.user.email, draft }).catch((error: unknown) => {
    if (error instanceof DocumentNotFoundError) throw notFound(locale);
    if (error instanceof ActionNotAllowedError) throw notAllowed(locale, error.status);
    throw error;
  });
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
