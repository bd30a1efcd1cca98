import "server-only";
import { recordAudit } from "@/lib/audit/audit";
import type { AuthUser } from "@/lib/auth/roles";
import { getReadyDb } from "@/lib/db/ready";
import type { Db } from "@/lib/db/schema";
import { AppError } from "@/lib/domain/errors";
import type { Locale } from "@/lib/i18n/locale";
import { creditExistingDocument, issueCreditNote } from "@/lib/sending";
import type { IssueResult } from "@/lib/sending/outbox";
import { wakeBackgroundSending } from "@/lib/sending/start";
import { fieldFailure, parseOrFail } from "@/lib/validation/parse";
import { creditExistingSchema } from "@/lib/validation/requests";
import { draftOfBody } from "./preview";
import { SeriesNotDefinedError } from "@/lib/db/series";
import { findDraftOwner } from "@/lib/db/compose-queries";
import { requestHashOf } from "@/lib/sending/outbox";
import { definedIssuerVat, definedSeriesCode } from "@/lib/settings/defined";
import { defaultIssuerVatFor, definedIssueRequest } from "./issuer-profile";

export interface CallerContext {
  user: AuthUser;
  locale: Locale;
  correlationId: string;
  idempotencyKey: string | undefined;
}

/** Reads an `Idempotency-Key` header: printable, at most 200 characters. */
export function idempotencyKeyOf(req: Request): string | undefined {
  const key = req.headers.get("idempotency-key")?.trim();
  if (!key) return undefined;
  if (key.length > 200 || !/^[\x21-\x7e]+$/.test(key)) {
    throw new AppError("invalid_idempotency_key");
  }
  return key;
}

async function afterIssue(db: Db, result: IssueResult, action: string, caller: CallerContext, detail: object) {
  if (result.created) {
    await recordAudit(db, { actor: caller.user, action, target: result.id, detail: { ...detail, series: result.series, number: result.number }, correlationId: caller.correlationId });
    wakeBackgroundSending();
  }
  return result;
}

/**
 * What every issuing request passes to the outbox: the key and draft id are the caller's own
 * and bound to the request's hash; series are never created on the way.
 */
function outboxOptionsOf(caller: CallerContext, request: unknown) {
  return { idempotencyKey: caller.idempotencyKey, actor: caller.user.email, owner: caller.user.id, requestSha256: requestHashOf(request), definedSeriesOnly: true };
}

/** A series deleted between the check and the transaction: the same field error as the check's. */
function seriesGone(locale: Locale, field: string) {
  return (error: unknown): never => {
    if (error instanceof SeriesNotDefinedError) throw fieldFailure(field, "series_not_defined", locale, { series: error.series });
    throw error;
  };
}

/**
 * Issues the draft in a request body: checked against the defined issuers and series,
 * validated and recomputed here, written to the outbox with its fixed identity before anything
 * is sent. The same draft id or Idempotency-Key of the same user with the same request answers
 * with the same document; with a different request, 422.
 */
export async function issueFromBody(body: unknown, caller: CallerContext): Promise<IssueResult> {
  const db = await getReadyDb();
  const { request } = await definedIssueRequest(db, draftOfBody(body, caller.locale), caller.locale);
  // A draft id is its owner's: another user's saved draft cannot be issued (or blocked) by naming its id.
  if (request.draftId !== undefined) {
    const owner = await findDraftOwner(db, { id: request.draftId });
    if (owner !== undefined && owner !== caller.user.id) throw new AppError("not_found", { subject: "draft" });
  }
  const result = await issueCreditNote(db, request, outboxOptionsOf(caller, request)).catch(seriesGone(caller.locale, "draft.series"));
  return afterIssue(db, result, "credit_note.issue", caller, { draftId: request.draftId ?? null });
}

/** Credits an already issued document through the provider's /Invoice/credit. */
export async function creditExistingFromBody(body: unknown, caller: CallerContext): Promise<IssueResult> {
  const db = await getReadyDb();
  const request = parseOrFail(creditExistingSchema, body, caller.locale);
  const named = request.issuerVat ?? (await defaultIssuerVatFor(db, request.mark));
  if (!named) throw fieldFailure("issuerVat", "required", caller.locale);
  const issuerVat = await definedIssuerVat(db, named, caller.locale, "issuerVat");
  const series = await definedSeriesCode(db, issuerVat, request.series, caller.locale, "series");
  const checked = { ...request, issuerVat, series };
  const result = await creditExistingDocument(db, checked, outboxOptionsOf(caller, checked)).catch(seriesGone(caller.locale, "series"));
  return afterIssue(db, result, "credit_note.credit", caller, { mark: request.mark, relateCredit: request.relateCredit });
}
