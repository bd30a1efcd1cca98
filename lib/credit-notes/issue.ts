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
import { issueRequestOrFail } from "@/lib/validation/parse-draft";
import { creditExistingSchema } from "@/lib/validation/requests";
import { draftOfBody } from "./preview";
import { checkIssueDate } from "./issue-date";
import { lastIssuedAtOfSeries } from "@/lib/db/series";
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
  const db = await getReadyDb();
  const draft = await resolveIssuerProfile(db, draftOfBody(body, caller.locale), caller.locale);
  const request = issueRequestOrFail(draft, caller.locale);
  await checkIssueDate(request, caller.locale, new Date(), (params) => lastIssuedAtOfSeries(db, params));
  const result = await issueCreditNote(db, request, { idempotencyKey: caller.idempotencyKey, actor: caller.user.email });
  return afterIssue(db, result, "credit_note.issue", caller, { draftId: request.draftId ?? null });
}

/** Credits an already issued document through the provider's /Invoice/credit. */
export async function creditExistingFromBody(body: unknown, caller: CallerContext): Promise<IssueResult> {
  const db = await getReadyDb();
  const request = parseOrFail(creditExistingSchema, body, caller.locale);
  const issuerVat = request.issuerVat ?? (await defaultIssuerVatFor(db, request.mark));
  if (!issuerVat) throw fieldFailure("issuerVat", "required", caller.locale);
  const result = await creditExistingDocument(db, { ...request, issuerVat }, { idempotencyKey: caller.idempotencyKey, actor: caller.user.email });
  return afterIssue(db, result, "credit_note.credit", caller, { mark: request.mark, relateCredit: request.relateCredit });
}
