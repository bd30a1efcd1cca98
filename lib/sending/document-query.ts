import "server-only";
import { athensDateOf } from "@/lib/domain/athens-time";
import type { DocumentQuery } from "@/lib/provider/client-types";
import type { DocumentRow } from "@/lib/sending/leases";
import type { OurIdentity } from "@/lib/sending/provider-match";

/** `day` (YYYY-MM-DD) moved by `days` calendar days. */
function shiftDay(day: string, days: number): string {
  const at = Date.parse(`${day}T00:00:00Z`);
  return new Date(at + days * 86_400_000).toISOString().slice(0, 10);
}

/**
 * What to ask the provider about a stored document: its issuer, series and number, over the days
 * from the day before it was issued to the day after `now` (Athens days; a credit of an existing
 * document is dated by the provider when it makes it). A credit is one of the credit types.
 */
export function documentQueryOf(doc: Pick<DocumentRow, "kind" | "issuer_vat" | "series" | "number" | "internal_document_id" | "mark" | "issued_at">, now: Date): DocumentQuery {
  const issuedDay = doc.issued_at.slice(0, 10);
  const today = athensDateOf(now);
  return {
    issuerVat: doc.issuer_vat,
    series: doc.series,
    number: doc.number,
    internalId: doc.internal_document_id,
    mark: doc.mark,
    from: shiftDay(issuedDay < today ? issuedDay : today, -1),
    to: shiftDay(issuedDay > today ? issuedDay : today, 1),
    ...(doc.kind === "credit_existing" ? { invoiceTypes: ["5.1", "5.2"] } : {}),
  };
}

/** Our identity of a stored document, as the provider's answers are compared with it. */
export function ourIdentityOf(doc: Pick<DocumentRow, "internal_document_id" | "series" | "number" | "mark" | "counterparty_vat" | "gross_cents" | "kind">): OurIdentity {
  return {
    internalId: doc.internal_document_id,
    series: doc.series,
    number: doc.number,
    mark: doc.mark,
    // A credit's counterparty and totals are the provider's to decide; compare them only for composed documents.
    counterpartyVat: doc.kind === "compose" ? doc.counterparty_vat : null,
    grossCents: doc.kind === "compose" && doc.gross_cents !== null ? Number(doc.gross_cents) : null,
  };
}
