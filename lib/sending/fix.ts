import "server-only";
import { buildProviderDocument } from "@/lib/provider/impact/document";
import { editableDraftOf, STORED_DRAFT_VERSION } from "@/lib/domain/editable-draft";
import { computeTotals } from "@/lib/domain/totals";
import { normalizeVatNumber } from "@/lib/domain/vat-number";
import { appendEvents } from "@/lib/db/events";
import type { Db } from "@/lib/db/schema";
import { dbTimeAfter, toDbTime } from "@/lib/db/time";
import type { ActionResult } from "@/lib/sending/actions";
import { ActionNotAllowedError, DocumentNotFoundError } from "@/lib/sending/errors";
import { sha256Hex } from "@/lib/sending/outbox";
import { DEFAULT_SENDING_POLICY } from "@/lib/sending/policy";
import { documentSearchText } from "@/lib/domain/search-text";
import type { IssueRequest } from "@/lib/validation/draft";

/** What Fix & resend answers: the document, now queued, and the identity it kept. */
export interface FixResult extends ActionResult {
  series: string;
  number: string;
  internalDocumentId: string;
}

/** The VAT number as the document writes it (`EL` + AFM for Greece). */
function documentVat(countryCode: string, vat: string): string {
  const normalized = normalizeVatNumber(countryCode, vat);
  return normalized.ok ? normalized.vat : vat.trim();
}

/**
 * Fix & resend: replaces the content of a `rejected` composed document with a corrected draft
 * and queues it again, keeping its identity — InternalDocumentId, series, number and issue
 * time — because the provider refused it and so never consumed the number. In one transaction:
 * the provider document is rebuilt from the draft with that identity (the server recomputes
 * every amount), the stored payload, its SHA-256, the stored draft (the corrected one with the
 * kept identity, so a second fix starts from it), totals and counterparty are replaced, the
 * attempt budget, back-off and deadline start afresh, and the timeline records the fix (with the
 * draft as it was submitted) and the queuing. The draft's own series, number and
 * issue time are ignored; its issuer must be the document's.
 * Transition: rejected → queued (next action `send`), only from `rejected`.
 * @throws DocumentNotFoundError
 * @throws ActionNotAllowedError when the document is not `rejected`, is a credit of an existing
 *   document (nothing to edit), belongs to another issuer, or changed meanwhile.
 */
export async function fixRejectedDocument(
  db: Db,
  id: string,
  request: IssueRequest,
  opts: { actor?: string | undefined; now?: Date | undefined; draft?: unknown; deadlineMs?: number | undefined } = {},
): Promise<FixResult> {
  const now = opts.now ?? new Date();
  const at = toDbTime(now);
  return db.transaction().execute(async (trx) => {
    const doc = await trx
      .selectFrom("documents")
      .select(["id", "status", "kind", "issuer_vat", "internal_document_id", "series", "number", "issued_at", "payload_sha256", "attempt_count", "closed_at"])
      .where("id", "=", id)
      .executeTakeFirst();
    if (doc === undefined) throw new DocumentNotFoundError(id);
    if (doc.status !== "rejected") throw new ActionNotAllowedError("fix", doc.status);
    if (doc.closed_at !== null) throw new ActionNotAllowedError("fix", doc.status, "closed_out");
    if (doc.kind !== "compose") throw new ActionNotAllowedError("fix", doc.status, "not_compose");
    const { issuer, counterparty } = request.input;
    if (documentVat(issuer.address.countryCode, issuer.vat) !== doc.issuer_vat) {
      throw new ActionNotAllowedError("fix", doc.status, "issuer_fixed");
    }
    const identity = { internalDocumentId: doc.internal_document_id, series: doc.series, number: doc.number, issuedAt: doc.issued_at };
    const payloadJson = JSON.stringify(buildProviderDocument(request.input, identity));
    const payloadSha256 = sha256Hex(payloadJson);
    const totals = computeTotals(request.input);
    const counterpartyVat = documentVat(counterparty.address.countryCode, counterparty.vat);
    const row = await trx
      .updateTable("documents")
      .set({
        payload_json: payloadJson,
        payload_sha256: payloadSha256,
        draft_json: JSON.stringify(editableDraftOf(request.input, identity)),
        draft_version: STORED_DRAFT_VERSION,
        net_cents: totals.netCents,
        vat_cents: totals.vatCents,
        gross_cents: totals.grossCents,
        counterparty_name: counterparty.name,
        counterparty_vat: counterpartyVat,
        search_text: documentSearchText({ series: doc.series, number: doc.number, counterpartyName: counterparty.name, counterpartyVat, internalDocumentId: doc.internal_document_id }),
        status: "queued",
        next_action: "send",
        next_attempt_at: at,
        attempt_base: doc.attempt_count,
        retry_step: 0,
        deadline_at: dbTimeAfter(now, opts.deadlineMs ?? DEFAULT_SENDING_POLICY.deadlineMs),
        lease_owner: null,
        lease_until: null,
        last_error_json: null,
        updated_at: at,
      })
      .where("id", "=", id)
      .where("status", "=", "rejected")
      .returning("status")
      .executeTakeFirst();
    if (row === undefined) throw new ActionNotAllowedError("fix", doc.status, "changed_meanwhile");
    await appendEvents(trx, [
      {
        documentId: id, at, type: "fixed", actor: opts.actor,
        detail: { from: "rejected", previousSha256: doc.payload_sha256, sha256: payloadSha256, grossCents: totals.grossCents, ...(opts.draft === undefined ? {} : { draft: opts.draft }) },
      },
      { documentId: id, at, type: "queued", actor: opts.actor, detail: { reason: "fix_resend", series: doc.series, number: doc.number, internalDocumentId: doc.internal_document_id } },
    ]);
    return { id, status: row.status, changed: true, series: doc.series, number: doc.number, internalDocumentId: doc.internal_document_id };
  });
}
