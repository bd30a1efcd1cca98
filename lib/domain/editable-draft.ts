import { scaledToDecimalString } from "./money";
import type { CreditNoteInput, DocumentIdentity, LineInput, PartyAddress } from "./types";

/**
 * The version of the shape of a stored draft (`documents.draft_json`, docs/DRAFT.md with
 * amounts as decimal text). Raise it when that shape changes, and teach the reader
 * (`lib/history/stored-draft.ts`) to upgrade the older versions.
 */
export const STORED_DRAFT_VERSION = 1;

/**
 * A scaled integer as a clerk types it in Greek, without grouping and without trailing zeros:
 * (644, 2) → "6,44", (1500, 3) → "1,5", (1000, 3) → "1", (0, 2) → "0". Read back exactly by
 * the draft parser.
 */
export function greekDecimalText(scaled: number, scale: number): string {
  return scaledToDecimalString(scaled, scale).replace(/\.?0+$/, "").replace(".", ",") || "0";
}

function editableAddress(address: PartyAddress) {
  return { countryCode: address.countryCode, city: address.city, street: address.street, postalCode: address.postalCode };
}

/** The draft's tax fields of a line (`withheldCategory`, `withheldAmount`, …), only those it carries. */
function editableTaxes(line: LineInput) {
  const taxes = line.taxes;
  if (taxes === undefined) return {};
  const fields: Record<string, string | number> = {};
  for (const family of ["withheld", "fees", "stampDuty", "otherTaxes"] as const) {
    const tax = taxes[family];
    if (!tax) continue;
    fields[`${family}Category`] = tax.category;
    if (tax.amountCents !== null) fields[`${family}Amount`] = greekDecimalText(tax.amountCents, 2);
  }
  if (taxes.deductionsCents) fields.deductionsAmount = greekDecimalText(taxes.deductionsCents, 2);
  return fields;
}

function editableLine(line: LineInput) {
  return {
    ...editableTaxes(line),
    description: line.description,
    quantity: greekDecimalText(line.quantityMilli, 3),
    unitCode: line.unitCode,
    unitPrice: greekDecimalText(line.unitPriceCents, 2),
    discountPercent: greekDecimalText(line.discountBasisPoints, 2),
    vatCategory: line.vatCategory,
    vatExemptionCategory: line.vatExemptionCategory,
    incomeClassification: { category: line.incomeClassification.category, type: line.incomeClassification.type },
  };
}

/**
 * A parsed credit note written back in the form the compose form and Fix & resend take (the
 * `EditableDraft` of lib/validation/draft-snapshot.ts): quantities, prices, discounts and
 * payments as Greek decimal text, with the identity the document was given. Reading it with the
 * draft schema gives back the same input, so the same amounts. Pure.
 */
export function editableDraftOf(input: CreditNoteInput, identity: Pick<DocumentIdentity, "series" | "number" | "issuedAt">) {
  const { issuer, counterparty } = input;
  return {
    issuer: { vat: issuer.vat, name: issuer.name, branchCode: issuer.branchCode, address: editableAddress(issuer.address) },
    series: identity.series,
    number: identity.number,
    issuedAt: identity.issuedAt,
    counterparty: {
      name: counterparty.name,
      vat: counterparty.vat,
      ...(counterparty.code === undefined ? {} : { code: counterparty.code }),
      address: editableAddress(counterparty.address),
      emails: [...counterparty.emails],
    },
    priceEntry: input.priceEntry,
    lines: input.lines.map(editableLine),
    payments: input.payments.map((payment) => ({ methodCode: payment.methodCode, amount: greekDecimalText(payment.amountCents, 2) })),
    emails: [...input.emails],
    ...(input.sendPdf ? { sendPdf: true } : {}),
    ...(input.reference === undefined || input.reference === "" ? {} : { reference: input.reference }),
    ...(input.notes === undefined || input.notes === "" ? {} : { notes: input.notes }),
    ...(input.correlatedMark === undefined ? {} : { correlatedMark: input.correlatedMark }),
  };
}
