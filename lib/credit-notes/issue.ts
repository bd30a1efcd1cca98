import "server-only";
import { recordAudit } from "@/lib/audit/audit";
import type { AuthUser } from "@/lib/auth/roles";
import { getReadyDb } from "@/lib/db/ready";
import type { Db } from "@/lib/db/schema";
import { AppError } from "@/lib/domain/errors";
import type { Locale } from "@/lib/i18n/locale";
import { creditExistingDocument, issueCreditNote } from "@/lib/sending";
import { findIssuedDocument, type IssueResult } from "@/lib/sending/outbox";
import { cleanAuthenticationCode } from "@/lib/domain/issued-original";
import { getProviderClient, type ProviderClient } from "@/lib/provider";
import { externalCreditsOf, findOriginal } from "./originals";
import { creditOfPartFor } from "./credit-part";
import type { CreditOfPart } from "@/lib/sending/issue";
import { computeTotals } from "@/lib/domain/totals";
import { wakeBackgroundSending } from "@/lib/sending/start";
import { fieldFailure, parseOrFail } from "@/lib/validation/parse";
import { creditExistingSchema } from "@/lib/validation/requests";
import { SeriesNotDefinedError } from "@/lib/db/series";
import { findDraftOwner } from "@/lib/db/compose-queries";
import { requestHashOf } from "@/lib/sending/outbox";
import { definedIssuerVat, definedSeriesCode } from "@/lib/settings/defined";
import { draftOfBody } from "./preview";
import { defaultIssuerVatFor, definedIssueRequest } from "./issuer-profile";
import { checkIssueDate } from "./issue-date";
import { lastIssuedAtOfSeries } from "@/lib/db/series";

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
  return issueOnDb(await getReadyDb(), getProviderClient(), body, caller);
}

/**
 * issueFromBody on a given database and provider. A draft carrying `correlatedMark` (a credit of
 * part of an issued invoice) is checked against its original first — found, creditable, nothing
 * written yet — and reserves its gross on the never-twice ledger in the issuing transaction.
 */
export async function issueOnDb(db: Db, client: ProviderClient, body: unknown, caller: CallerContext): Promise<IssueResult> {
  const { request } = await definedIssueRequest(db, draftOfBody(body, caller.locale), caller.locale);
  // A draft id is its owner's: another user's saved draft cannot be issued (or blocked) by naming its id.
  if (request.draftId !== undefined) {
    const owner = await findDraftOwner(db, { id: request.draftId });
    if (owner !== undefined && owner !== caller.user.id) throw new AppError("not_found", { subject: "draft" });
  }
  await checkIssueDate(request, caller.locale, new Date(), (params) => lastIssuedAtOfSeries(db, params));
  const opts = outboxOptionsOf(caller, request);
  const mark = request.input.correlatedMark;
  let credit: CreditOfPart | undefined;
  if (mark !== undefined) {
    const existing = await findIssuedDocument(db, { draftId: request.draftId ?? null, idempotencyKey: caller.idempotencyKey ?? null, owner: opts.owner, requestSha256: opts.requestSha256 });
    if (existing !== null) return existing;
    const issuerVat = request.input.issuer.vat;
    credit = await creditOfPartFor(db, client, issuerVat, mark, request.input, computeTotals(request.input).lines, caller);
  }
  const result = await issueCreditNote(db, request, opts, credit).catch(seriesGone(caller.locale, "draft.series"));
  return afterIssue(db, result, "credit_note.issue", caller, { draftId: request.draftId ?? null, ...(mark === undefined ? {} : { correlatedMark: mark }) });
}

/** An admin's written reason for crediting beyond what remains; refused from anyone else. */
export function overrideReasonOf(reason: string | undefined, caller: CallerContext): string | null {
  if (reason === undefined || reason === "") return null;
  if (caller.user.role !== "admin") throw fieldFailure("overrideReason", "override_admin_only", caller.locale);
  return reason;
}

/**
 * Credits all of an issued document through the provider's /Invoice/credit. Before anything is
 * written the original is found by its cleaned authentication code in our history or the
 * provider's list (its MARK must match, its type be creditable); then, in one transaction, its
 * gross is reserved on the never-twice ledger, the number taken and the request stored with the
 * original's totals. A wrong code or an exhausted original uses no number.
 */
export async function creditExistingFromBody(body: unknown, caller: CallerContext): Promise<IssueResult> {
  return creditIssuedDocument(await getReadyDb(), getProviderClient(), body, caller);
}

/** creditExistingFromBody on a given database and provider. */
export async function creditIssuedDocument(db: Db, client: ProviderClient, body: unknown, caller: CallerContext): Promise<IssueResult> {
  const request = parseOrFail(creditExistingSchema, body, caller.locale);
  const overrideReason = overrideReasonOf(request.overrideReason, caller);
  const named = (request.issuerVat || undefined) ?? (await defaultIssuerVatFor(db, request.mark));
  if (!named) throw fieldFailure("issuerVat", "required", caller.locale);
  const issuerVat = await definedIssuerVat(db, named, caller.locale, "issuerVat");
  const series = await definedSeriesCode(db, issuerVat, request.series, caller.locale, "series");
  const opts = outboxOptionsOf(caller, { ...request, issuerVat, series });
  const existing = await findIssuedDocument(db, { draftId: null, idempotencyKey: caller.idempotencyKey ?? null, owner: opts.owner, requestSha256: opts.requestSha256 });
  if (existing !== null) return existing;
  const { original, rows } = await findOriginal(db, client, { issuerVat, authenticationCode: request.authenticationCode, mark: request.mark, issuedOn: request.issuedOn }, caller.locale);
  const externalCreditedCents = await externalCreditsOf(db, client, issuerVat, original, rows);
  const result = await creditExistingDocument(db, {
    authenticationCode: original.authenticationCode ?? cleanAuthenticationCode(request.authenticationCode),
    mark: original.mark, relateCredit: request.relateCredit, series, number: request.number, issuerVat,
    original: {
      ...original.totals, series: original.series, number: original.number, invoiceType: original.invoiceType, dateIssued: original.dateIssued,
      authenticationCode: original.authenticationCode, counterpartyVat: original.counterpartyVat, counterpartyName: original.counterpartyName,
      externalCreditedCents, overrideReason,
    },
  }, opts).catch(seriesGone(caller.locale, "series"));
  if (result.created && overrideReason !== null) {
    await recordAudit(db, { actor: caller.user, action: "credit_note.credit_override", target: result.id, detail: { mark: original.mark, reason: overrideReason, grossCents: original.totals.grossCents }, correlationId: caller.correlationId });
  }
  return afterIssue(db, result, "credit_note.credit", caller, { mark: original.mark, relateCredit: request.relateCredit, grossCents: original.totals.grossCents });
}
