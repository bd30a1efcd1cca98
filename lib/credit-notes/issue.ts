import "server-only";
import { recordAudit } from "@/lib/auth/audit";
import type { AuthUser } from "@/lib/auth/roles";
import { getReadyDb } from "@/lib/db/ready";
import type { Db } from "@/lib/db/schema";
import { HttpError, ValidationFailure } from "@/lib/http/errors";
import type { Locale } from "@/lib/i18n/locale";
import { creditExistingDocument, issueCreditNote, NumberTakenError } from "@/lib/sending";
import type { IssueResult } from "@/lib/sending/outbox";
import { wakeBackgroundSending } from "@/lib/sending/start";
import { parseDraft } from "@/lib/validation/parse-draft";
import { draftOfBody } from "./preview";
import { parseOrFail } from "@/lib/http/parse";
import { creditExistingSchema } from "@/lib/validation/requests";
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
    throw new HttpError(400, "invalid_idempotency_key", "Idempotency-Key must be 1–200 printable ASCII characters");
  }
  return key;
}

function numberTaken(error: unknown, locale: Locale): never {
  if (error instanceof NumberTakenError) {
    throw new HttpError(409, "number_taken", locale === "en"
      ? "This series number is already held by another document."
      : "Ο αριθμός της σειράς ανήκει ήδη σε άλλο παραστατικό.");
  }
  throw error;
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
  const parsed = parseDraft(draft, caller.locale, ["draft"]);
  if (!parsed.ok) throw new ValidationFailure(parsed.errors);
  const result = await issueCreditNote(db, parsed.value, { idempotencyKey: caller.idempotencyKey, actor: caller.user.email })
    .catch((error: unknown) => numberTaken(error, caller.locale));
  return afterIssue(db, result, "credit_note.issue", caller, { draftId: parsed.value.draftId ?? null });
}

/** Credits an already issued document through the provider's /Invoice/credit. */
export async function creditExistingFromBody(body: unknown, caller: CallerContext): Promise<IssueResult> {
  const db = await getReadyDb();
  const request = parseOrFail(creditExistingSchema, body, caller.locale);
  const issuerVat = request.issuerVat ?? (await defaultIssuerVatFor(db, request.mark));
  if (!issuerVat) {
    throw new ValidationFailure([{ path: "issuerVat", code: "required", message: caller.locale === "en" ? "Issuer VAT number: is required" : "ΑΦΜ εκδότη: είναι υποχρεωτικό" }]);
  }
  const result = await creditExistingDocument(db, { ...request, issuerVat }, { idempotencyKey: caller.idempotencyKey, actor: caller.user.email })
    .catch((error: unknown) => numberTaken(error, caller.locale));
  return afterIssue(db, result, "credit_note.credit", caller, { mark: request.mark, relateCredit: request.relateCredit });
}
