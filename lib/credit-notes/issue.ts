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
import { issueRequestOrFail } from "@/lib/validation/parse-draft";
import { creditExistingSchema } from "@/lib/validation/requests";
import { draftOfBody } from "./preview";
import { defaultIssuerVatFor, resolveIssuerProfile } from "./issuer-profile";

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
 * Issues the draft in a request body: validated and recomputed here, written to the outbox
 * with its fixed identity before anything is sent. The same draft id or Idempotency-Key
 * answers with the same document.
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
  const draft = await resolveIssuerProfile(db, draftOfBody(body, caller.locale), caller.locale);
  const request = issueRequestOrFail(draft, caller.locale);
  const mark = request.input.correlatedMark;
  let credit: CreditOfPart | undefined;
  if (mark !== undefined) {
    const existing = await findIssuedDocument(db, { draftId: request.draftId ?? null, idempotencyKey: caller.idempotencyKey ?? null });
    if (existing !== null) return existing;
    const issuerVat = request.input.issuer.vat;
    credit = await creditOfPartFor(db, client, issuerVat, mark, request.input, computeTotals(request.input).lines, caller);
  }
  const result = await issueCreditNote(db, request, { idempotencyKey: caller.idempotencyKey, actor: caller.user.email }, credit);
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
  const issuerVat = (request.issuerVat || undefined) ?? (await defaultIssuerVatFor(db, request.mark));
  if (!issuerVat) throw fieldFailure("issuerVat", "required", caller.locale);
  const existing = await findIssuedDocument(db, { draftId: null, idempotencyKey: caller.idempotencyKey ?? null });
  if (existing !== null) return existing;
  const { original, rows } = await findOriginal(db, client, { issuerVat, authenticationCode: request.authenticationCode, mark: request.mark, issuedOn: request.issuedOn }, caller.locale);
  const externalCreditedCents = await externalCreditsOf(db, client, issuerVat, original, rows);
  const result = await creditExistingDocument(db, {
    authenticationCode: original.authenticationCode ?? cleanAuthenticationCode(request.authenticationCode),
    mark: original.mark, relateCredit: request.relateCredit, series: request.series, number: request.number, issuerVat,
    original: {
      ...original.totals, series: original.series, number: original.number, invoiceType: original.invoiceType, dateIssued: original.dateIssued,
      authenticationCode: original.authenticationCode, counterpartyVat: original.counterpartyVat, counterpartyName: original.counterpartyName,
      externalCreditedCents, overrideReason,
    },
  }, { idempotencyKey: caller.idempotencyKey, actor: caller.user.email });
  if (result.created && overrideReason !== null) {
    await recordAudit(db, { actor: caller.user, action: "credit_note.credit_override", target: result.id, detail: { mark: original.mark, reason: overrideReason, grossCents: original.totals.grossCents }, correlationId: caller.correlationId });
  }
  return afterIssue(db, result, "credit_note.credit", caller, { mark: original.mark, relateCredit: request.relateCredit, grossCents: original.totals.grossCents });
}
