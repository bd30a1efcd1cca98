import "server-only";
import { formatAthensDateTime } from "@/lib/domain/athens-time";
import { buildProviderDocument } from "@/lib/provider/impact/document";
import { editableDraftOf } from "@/lib/domain/editable-draft";
import { computeTotals } from "@/lib/domain/totals";
import { normalizeVatNumber } from "@/lib/domain/vat-number";
import { isUniqueViolation } from "@/lib/db/dialect-helpers";
import type { Db } from "@/lib/db/schema";
import { allocateSeriesNumber, isNumberTaken } from "@/lib/db/series";
import { toDbTime } from "@/lib/db/time";
import type { IssueRequest } from "@/lib/validation/draft";
import { recordAllocation, reserveCredit, type CreditClaim } from "@/lib/sending/credit-ledger";
import { NumberTakenError } from "@/lib/sending/errors";
import { findIssuedDocument, insertOutboxDocument, newInternalDocumentId, type IssueResult, type OutboxOptions } from "@/lib/sending/outbox";

/**
 * A composed credit of part of an issued invoice (a 5.1 correlated to its MARK): the original as
 * verified by the caller and the lines it credits; its gross is reserved on the never-twice
 * ledger in the issuing transaction, from the totals computed here.
 */
export type CreditOfPart = Omit<CreditClaim, "issuerVat" | "netCents" | "vatCents" | "grossCents">;

/** Collisions of an allocated number with a concurrent explicit one, retried before giving up. */
const MAX_ALLOCATION_RETRIES = 3;

/** The VAT number as the document writes it (`EL` + AFM for Greece), so numbering is per real issuer. */
function documentVat(countryCode: string, vat: string): string {
  const normalized = normalizeVatNumber(countryCode, vat);
  return normalized.ok ? normalized.vat : vat.trim();
}

/**
 * Puts a composed credit note in the outbox, in one transaction: when its draft id or
 * idempotency key already produced a document, that one is returned (`created: false`);
 * otherwise the number is taken from the series (unless given), the identity is fixed (new
 * UUID InternalDocumentId, series, number, issue time = given or now in Athens), the provider
 * document is built and stored as the exact JSON text every attempt sends, beside the validated
 * draft it was built from (with that identity; what history, copy and Fix & resend read), status `queued`.
 * Concurrent calls for one draft produce one document (unique draft_id / idempotency_key;
 * the loser's violation is caught and the winner's row returned).
 * @throws NumberTakenError when an explicitly requested number is already held.
 */
export async function issueCreditNote(db: Db, request: IssueRequest, opts: OutboxOptions = {}, credit?: CreditOfPart): Promise<IssueResult> {
  const now = opts.now ?? new Date();
  const keys = { draftId: request.draftId ?? null, idempotencyKey: opts.idempotencyKey ?? null, owner: opts.owner, requestSha256: opts.requestSha256 };
  const { issuer, counterparty } = request.input;
  const issuerVat = documentVat(issuer.address.countryCode, issuer.vat);
  const totals = computeTotals(request.input);
  for (let attempt = 0; ; attempt += 1) {
    try {
      return await db.transaction().execute(async (trx) => {
        const existing = await findIssuedDocument(trx, keys);
        if (existing !== null) return existing;
        const claim: CreditClaim | null = credit === undefined ? null : {
          ...credit, issuerVat, netCents: totals.netCents, vatCents: totals.vatCents, grossCents: totals.grossCents,
        };
        if (claim !== null) await reserveCredit(trx, claim, toDbTime(now));
        let number = request.number;
        if (number === undefined) {
          number = await allocateSeriesNumber(trx, { issuerVat, series: request.series, now: toDbTime(now), create: opts.definedSeriesOnly !== true });
        } else if (await isNumberTaken(trx, { issuerVat, series: request.series, number })) {
          throw new NumberTakenError(issuerVat, request.series, number);
        }
        const identity = {
          internalDocumentId: newInternalDocumentId(),
          series: request.series,
          number,
          issuedAt: request.issuedAt ?? formatAthensDateTime(now),
        };
        const document = buildProviderDocument(request.input, identity);
        return insertOutboxDocument(
          trx,
          {
            kind: "compose",
            internalDocumentId: identity.internalDocumentId,
            draftId: keys.draftId,
            issuerVat,
            series: identity.series,
            number: identity.number,
            issuedAt: identity.issuedAt,
            counterpartyName: counterparty.name,
            counterpartyVat: documentVat(counterparty.address.countryCode, counterparty.vat),
            totals: { netCents: totals.netCents, vatCents: totals.vatCents, grossCents: totals.grossCents },
            payloadJson: JSON.stringify(document),
            draftJson: JSON.stringify(editableDraftOf(request.input, identity)),
          },
          opts,
          now,
        ).then(async (result) => {
          if (claim !== null) await recordAllocation(trx, result.id, claim, opts.actor ?? null, toDbTime(now));
          return result;
        });
      });
    } catch (error) {
      if (!isUniqueViolation(error)) throw error;
      const existing = await findIssuedDocument(db, keys);
      if (existing !== null) return existing;
      if (request.number !== undefined) throw new NumberTakenError(issuerVat, request.series, request.number);
      if (attempt >= MAX_ALLOCATION_RETRIES) throw error;
    }
  }
}
