import "server-only";
import { AppError } from "@/lib/domain/errors";
import { centsToDecimalString } from "@/lib/domain/money";
import type { Db } from "@/lib/db/schema";

/**
 * Never twice: what has been credited against each original MARK (credit_ledger, migration 008).
 * A credit reserves its gross inside the transaction that takes its series number, with one
 * conditional UPDATE; two clerks crediting the same invoice at the same moment queue on the
 * ledger row (PostgreSQL row lock, re-checked after the wait; SQLite's single writer), so at most
 * the original's gross is ever reserved unless an admin overrides with a written reason.
 */

/** What one credit asks of an original. */
export interface CreditClaim {
  issuerVat: string;
  originalMark: string;
  /** The original as myDATA holds it: what identifies it, and its totals. */
  original: {
    series: string;
    number: string;
    invoiceType: string;
    dateIssued: string;
    counterpartyVat: string | null;
    authenticationCode: string | null;
    netCents: number;
    vatCents: number;
    grossCents: number;
  };
  netCents: number;
  vatCents: number;
  grossCents: number;
  /** Chosen lines of a credit of part; null for a full credit. */
  lines: readonly { lineNumber: number; quantityMilli: number; netCents: number; vatCents: number }[] | null;
  /** An admin's written reason for crediting beyond what remains; null otherwise. */
  overrideReason: string | null;
  /** Other systems' credits of the original seen in the provider's list (not in this ledger). */
  externalCreditedCents: number;
}

/** A credit the original has no room for (`already_credited`, 409), with the amounts in words. */
export class AlreadyCreditedError extends AppError {
  override name = "AlreadyCreditedError";
  constructor(
    readonly mark: string,
    readonly creditedCents: number,
    readonly originalCents: number,
    readonly requestedCents: number,
  ) {
    const euros = (cents: number) => centsToDecimalString(cents).replace(".", ",");
    super(
      "already_credited",
      { mark, credited: euros(creditedCents), total: euros(originalCents), remaining: euros(Math.max(0, originalCents - creditedCents)), requested: euros(requestedCents) },
      `MARK ${mark}: ${creditedCents} of ${originalCents} cents already credited, ${requestedCents} requested`,
    );
  }
}

/**
 * Reserves a claim on the original's ledger; call inside the issuing transaction, before the
 * series number is taken (a refusal rolls the transaction back: no number is used).
 * @throws AlreadyCreditedError when the claim exceeds what remains and there is no override.
 */
export async function reserveCredit(trx: Db, claim: CreditClaim, now: string): Promise<void> {
  await trx
    .insertInto("credit_ledger")
    .values({
      issuer_vat: claim.issuerVat, original_mark: claim.originalMark, original_series: claim.original.series, original_number: claim.original.number,
      original_type: claim.original.invoiceType, original_issued_at: claim.original.dateIssued, original_counterparty_vat: claim.original.counterpartyVat,
      original_authentication_code: claim.original.authenticationCode, original_net_cents: claim.original.netCents,
      original_vat_cents: claim.original.vatCents, original_gross_cents: claim.original.grossCents, credited_gross_cents: 0, updated_at: now,
    })
    .onConflict((oc) => oc.columns(["issuer_vat", "original_mark"]).doNothing())
    .execute();
  let update = trx
    .updateTable("credit_ledger")
    .set((eb) => ({ credited_gross_cents: eb("credited_gross_cents", "+", claim.grossCents), updated_at: now }))
    .where("issuer_vat", "=", claim.issuerVat)
    .where("original_mark", "=", claim.originalMark);
  if (claim.overrideReason === null) {
    update = update.where((eb) => eb(eb("credited_gross_cents", "+", claim.grossCents + claim.externalCreditedCents), "<=", eb.ref("original_gross_cents")));
  }
  const result = await update.executeTakeFirst();
  if (Number(result.numUpdatedRows) === 1) return;
  const row = await trx
    .selectFrom("credit_ledger")
    .select(["credited_gross_cents", "original_gross_cents"])
    .where("issuer_vat", "=", claim.issuerVat)
    .where("original_mark", "=", claim.originalMark)
    .executeTakeFirstOrThrow();
  throw new AlreadyCreditedError(claim.originalMark, row.credited_gross_cents + claim.externalCreditedCents, row.original_gross_cents, claim.grossCents);
}

/** Records the credit document's share of the ledger (same transaction as reserveCredit, after the insert). */
export async function recordAllocation(trx: Db, documentId: string, claim: CreditClaim, actor: string | null, now: string): Promise<void> {
  await trx
    .insertInto("credit_allocations")
    .values({
      document_id: documentId, issuer_vat: claim.issuerVat, original_mark: claim.originalMark,
      net_cents: claim.netCents, vat_cents: claim.vatCents, gross_cents: claim.grossCents,
      lines_json: claim.lines === null ? null : JSON.stringify(claim.lines), override_reason: claim.overrideReason,
      created_by: actor, created_at: now, released_at: null,
    })
    .execute();
}

/** Gives a credit's reservation back (it was closed out without being issued); idempotent. */
export async function releaseAllocation(trx: Db, documentId: string, now: string): Promise<boolean> {
  const allocation = await trx
    .updateTable("credit_allocations")
    .set({ released_at: now })
    .where("document_id", "=", documentId)
    .where("released_at", "is", null)
    .returning(["issuer_vat", "original_mark", "gross_cents"])
    .executeTakeFirst();
  if (allocation === undefined) return false;
  await trx
    .updateTable("credit_ledger")
    .set((eb) => ({ credited_gross_cents: eb("credited_gross_cents", "-", allocation.gross_cents), updated_at: now }))
    .where("issuer_vat", "=", allocation.issuer_vat)
    .where("original_mark", "=", allocation.original_mark)
    .execute();
  return true;
}
