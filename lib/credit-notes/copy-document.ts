import type { EditableDraft } from "@/lib/validation/draft-snapshot";
import { composeValuesSchema, type ComposeValues } from "@/lib/validation/draft-snapshot";
import type { IssuerProfileView } from "@/lib/settings/views";

/**
 * A new draft copied from a document that was sent ("copy as new draft"), read from the draft
 * the document keeps (never from what was sent to the provider): parties, series, price entry,
 * lines, payments, e-mails and reference as they were typed. Number, date and notes are left to
 * the new issue; a discount of 0 shows as an empty field, as on a new line. Undefined without a
 * stored draft (a credit of an issued document has none) or for one that does not fit the form.
 */
export function draftValuesFromDocument(draft: EditableDraft | null, id: string, profiles: readonly IssuerProfileView[]): ComposeValues | undefined {
  if (draft === null) return undefined;
  const values = {
    id,
    issuerProfileId: profiles.find((p) => p.vat === draft.issuer.vat)?.id ?? null,
    issuer: draft.issuer,
    series: draft.series,
    issuedAt: null,
    counterparty: { ...draft.counterparty, code: draft.counterparty.code ?? "" },
    priceEntry: draft.priceEntry,
    lines: draft.lines.map((line) => ({ ...line, discountPercent: line.discountPercent === "0" ? "" : line.discountPercent })),
    payments: draft.payments,
    emails: draft.emails,
    reference: draft.reference ?? "",
    notes: "",
  };
  // Through the snapshot schema, so that whatever the stored draft holds fits the form's bounds.
  const parsed = composeValuesSchema.safeParse(values);
  return parsed.success ? parsed.data : undefined;
}
