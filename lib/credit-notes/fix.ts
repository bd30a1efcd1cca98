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
import { editableDraftSchema } from "@/lib/validation/draft-snapshot";
import { parseDraft } from "@/lib/validation/parse-draft";
import { draftFromPayload, type EditableDraft } from "@/lib/history/draft-from-payload";

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

/** The draft a Fix & resend starts from: the last corrected draft sent for it, else the one its stored payload was built from. */
export async function loadFixDraft(db: Db, id: string, payloadJson: string): Promise<EditableDraft> {
  const fixed = await db
    .selectFrom("events")
    .select("detail_json")
    .where("document_id", "=", id)
    .where("type", "=", "fixed")
    .orderBy("id", "desc")
    .executeTakeFirst();
  const saved = fixed?.detail_json ? (JSON.parse(fixed.detail_json) as { draft?: unknown }).draft : undefined;
  const fromPayload = draftFromPayload(JSON.parse(payloadJson));
  if (typeof saved === "object" && saved !== null && parseDraft(saved).ok) {
    // Identity always comes from the document, whatever the saved draft says; the form's shape
    // (strings as typed, every key present) through the shared schema, not a cast.
    const values = editableDraftSchema.safeParse({ ...saved, series: fromPayload.series, number: fromPayload.number, issuedAt: fromPayload.issuedAt });
    if (values.success) return values.data;
  }
  return fromPayload;
}
