import "server-only";
import { formatAthensDateTime } from "@/lib/domain/athens-time";
import { isUniqueViolation } from "@/lib/db/dialect-helpers";
import type { Db } from "@/lib/db/schema";
import { allocateSeriesNumber, isNumberTaken } from "@/lib/db/series";
import { toDbTime } from "@/lib/db/time";
import type { CreditExistingRequest } from "@/lib/provider/types";
import { recordAllocation, reserveCredit, type CreditClaim } from "@/lib/sending/credit-ledger";
import { NumberTakenError } from "@/lib/sending/errors";
import { findIssuedDocument, insertOutboxDocument, newInternalDocumentId, type IssueResult, type OutboxOptions } from "@/lib/sending/outbox";

/** What crediting an issued document needs. */
export interface CreditExistingParams {
  /** Authentication code of the document being credited. */
  authenticationCode: string;
  /** Its MARK. */
  mark: string;
  /** true → a correlated 5.1, false → a 5.2. */
  relateCredit: boolean;
  /** Series of the new credit document; its number comes from the series unless given. */
  series: string;
  number?: string | undefined;
  /** The issuer (`EL…`), whose key sends the request. */
  issuerVat: string;
  /**
   * The original as verified before this call (lib/credit-notes): its totals become the credit's
   * (a full credit), its gross is reserved on the never-twice ledger in the same transaction,
   * before the number is taken. Omitted only by tests of the sending mechanics.
   */
  original?: {
    series: string;
    number: string;
    invoiceType: string;
    dateIssued: string;
    authenticationCode: string | null;
    netCents: number;
    vatCents: number;
    grossCents: number;
    counterpartyVat: string | null;
    counterpartyName: string | null;
    externalCreditedCents: number;
    overrideReason: string | null;
  } | undefined;
}

/** The provider schema types `mark` as int64: a digit string that fits exactly is sent as a number. */
function markValue(mark: string): number | string {
  const trimmed = mark.trim();
  return /^\d+$/.test(trimmed) && Number.isSafeInteger(Number(trimmed)) ? Number(trimmed) : trimmed;
}

/**
 * Puts a `/Invoice/credit` request in the outbox (kind `credit_existing`), the same way as
 * issueCreditNote: one transaction, identity fixed first (new UUID internalId, number from the
 * series), the exact request body stored, status `queued`. The counterparty is copied from our
 * own record of the credited MARK when there is one, else from the verified original, whose
 * totals the credit carries and whose ledger it reserves (AlreadyCreditedError rolls back: no
 * number is used).
 * @throws NumberTakenError when an explicitly requested number is already held.
 */
export async function creditExistingDocument(db: Db, params: CreditExistingParams, opts: OutboxOptions = {}): Promise<IssueResult> {
  const now = opts.now ?? new Date();
  const keys = { draftId: null, idempotencyKey: opts.idempotencyKey ?? null, owner: opts.owner, requestSha256: opts.requestSha256 };
  const issuerVat = params.issuerVat.trim().toUpperCase();
  const run = () =>
    db.transaction().execute(async (trx) => {
      const existing = await findIssuedDocument(trx, keys);
      if (existing !== null) return existing;
      const { original } = params;
      const claim: CreditClaim | null = original === undefined ? null : {
        issuerVat, originalMark: params.mark.trim(), original, netCents: original.netCents,
        vatCents: original.vatCents, grossCents: original.grossCents, lines: null, overrideReason: original.overrideReason,
        externalCreditedCents: original.externalCreditedCents,
      };
      if (claim !== null) await reserveCredit(trx, claim, toDbTime(now));
      let number = params.number;
      if (number === undefined) {
        number = await allocateSeriesNumber(trx, { issuerVat, series: params.series, now: toDbTime(now), create: opts.definedSeriesOnly !== true });
      } else if (await isNumberTaken(trx, { issuerVat, series: params.series, number })) {
        throw new NumberTakenError(issuerVat, params.series, number);
      }
      const request: CreditExistingRequest = {
        issuerTin: issuerVat,
        authenticationCode: params.authenticationCode.trim(),
        mark: markValue(params.mark),
        series: params.series,
        number,
        internalId: newInternalDocumentId(),
        relateCredit: params.relateCredit,
        preventDocumentMapping: false,
      };
      const own = await trx
        .selectFrom("documents")
        .select(["counterparty_name", "counterparty_vat"])
        .where("mark", "=", params.mark.trim())
        .executeTakeFirst();
      const result = await insertOutboxDocument(
        trx,
        {
          kind: "credit_existing",
          internalDocumentId: request.internalId,
          draftId: null,
          issuerVat,
          series: request.series,
          number: request.number,
          issuedAt: formatAthensDateTime(now),
          counterpartyName: own?.counterparty_name ?? original?.counterpartyName ?? null,
          counterpartyVat: own?.counterparty_vat ?? original?.counterpartyVat ?? null,
          totals: original === undefined ? null : { netCents: original.netCents, vatCents: original.vatCents, grossCents: original.grossCents },
          payloadJson: JSON.stringify(request),
          draftJson: null,
        },
        opts,
        now,
      );
      if (claim !== null) await recordAllocation(trx, result.id, claim, opts.actor ?? null, toDbTime(now));
      return result;
    });
  try {
    return await run();
  } catch (error) {
    if (!isUniqueViolation(error)) throw error;
    const existing = await findIssuedDocument(db, keys);
    if (existing !== null) return existing;
    if (params.number !== undefined) throw new NumberTakenError(issuerVat, params.series, params.number);
    return run();
  }
}
