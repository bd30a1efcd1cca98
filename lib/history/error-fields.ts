/**
 * Where a provider or myDATA error belongs. The provider names fields in its own JSON terms
 * (`Details[0].VATTotal`, `CounterParty.Vat`); people fix them in the compose wizard's terms
 * (the VAT category of line 1, in step "Lines"). Pure.
 */

import { stepOfPath, type WizardStepId } from "@/lib/validation/steps";

/** A provider field read as a draft field: the step, the draft path (`lines.0.vatCategory`), the line or payment row. */
export interface DraftFieldRef {
  step: WizardStepId;
  /** Dot path into the draft (docs/DRAFT.md), or null when the error concerns the whole step (e.g. the totals). */
  path: string | null;
  /** 0-based line index for errors on a line. */
  line?: number | undefined;
}

const PARTY_FIELDS: Record<string, string> = {
  Vat: "vat",
  RegisteredName: "name",
  Name: "name",
  Code: "code",
  Emails: "emails",
  "Address.CountryCode": "address.countryCode",
  "Address.Country": "address.countryCode",
  "Address.City": "address.city",
  "Address.Street": "address.street",
  "Address.Postal": "address.postalCode",
  "Address.PostalCode": "address.postalCode",
  BranchCode: "branchCode",
};

/**
 * Line fields. Amount errors (net, VAT, total) come from the price, discount or rate typed on the
 * line — the server computes the amounts — so they point at the field that produces them.
 */
const LINE_FIELDS: [RegExp, string][] = [
  [/^Quantity$/i, "quantity"],
  [/^(UnitPrice|CatalogUnitPrice|CatalogNetTotal|NetTotal|NetTotalAfterInlineALCs|Total|CatalogTotal)$/i, "unitPrice"],
  [/^(VATTotal|VatAmount|VatCategory|VatCategoryCode)$/i, "vatCategory"],
  [/^(VatExemptionCategoryCode|VatExcemptionCategoryCode)$/i, "vatExemptionCategory"],
  [/^IncomeClassification\.ClassificationCategoryCode$/i, "incomeClassification.category"],
  [/^IncomeClassification\.ClassificationTypeCode$/i, "incomeClassification.type"],
  [/^IncomeClassification(\.Amount)?$/i, "incomeClassification"],
  [/^Descriptions?(\[\d+\])?$/i, "description"],
  [/^(MeasurementUnit|MeasurementUnitCode)$/i, "unitCode"],
  [/^Discount/i, "discountPercent"],
];

/** A draft path and the step that owns it (lib/validation/steps.ts). */
function at(path: string, line?: number): DraftFieldRef {
  return line === undefined ? { step: stepOfPath(path), path } : { step: stepOfPath(path), path, line };
}

/** Reads a provider field path; unknown or missing fields belong to the review step. */
export function draftFieldOf(providerField: string | null | undefined): DraftFieldRef {
  const field = (providerField ?? "").trim();
  if (field === "") return { step: "review", path: null };
  const party = /^(Issuer|CounterParty|Counterpart)\.(.+)$/i.exec(field);
  if (party?.[1] !== undefined && party[2] !== undefined) {
    const sub = Object.entries(PARTY_FIELDS).find(([key]) => key.toLowerCase() === party[2]?.toLowerCase())?.[1];
    const root = party[1].toLowerCase() === "issuer" ? "issuer" : "counterparty";
    return at(sub === undefined ? root : `${root}.${sub}`);
  }
  if (/^(Issuer|CounterParty|Counterpart)$/i.test(field)) return at(/^issuer$/i.test(field) ? "issuer" : "counterparty");
  const line = /^Details\[(\d+)\](?:\.(.+))?$/i.exec(field);
  if (line?.[1] !== undefined) {
    const index = Number(line[1]);
    const sub = line[2] === undefined ? undefined : LINE_FIELDS.find(([pattern]) => pattern.test(line[2] ?? ""))?.[1];
    return at(sub === undefined ? `lines.${index}` : `lines.${index}.${sub}`, index);
  }
  if (/^Details$/i.test(field)) return at("lines");
  const payment = /^PaymentDetails\.PaymentMethods\[(\d+)\](?:\.(.+))?$/i.exec(field);
  if (payment?.[1] !== undefined) {
    const sub = payment[2] === undefined ? undefined : /TypeCode|Type/i.test(payment[2]) ? "methodCode" : /Amount/i.test(payment[2]) ? "amount" : undefined;
    return at(sub === undefined ? `payments.${payment[1]}` : `payments.${payment[1]}.${sub}`);
  }
  if (/^PaymentDetails/i.test(field)) return at("payments");
  if (/^(Summaries|VatAnalysis)/i.test(field)) return { step: "vat_payment", path: null };
  if (/^MiscellaneousData/i.test(field)) return at("reference");
  if (/^AdditionalDetails\.AccountingDepartmentEmails/i.test(field)) return at("emails");
  if (/^Series$/i.test(field)) return at("series");
  if (/^Number$/i.test(field)) return at("number");
  if (/^DateIssued$/i.test(field)) return at("issuedAt");
  return { step: "review", path: null };
}

/** One provider error placed in the draft: where it goes and what it says. */
export interface PlacedError extends DraftFieldRef {
  code: string | null;
  message: string;
  /** The provider's own field name, kept for people who read the JSON. */
  providerField: string | null;
}

/** True when an error concerns `path` or something inside it (`lines.0` holds `lines.0.vatCategory`). */
export function errorIsAt(error: PlacedError, path: string): boolean {
  return error.path === path || (error.path?.startsWith(`${path}.`) ?? false);
}

/** Places every error of a recorded failure; errors without a field go to the review step. */
export function placeErrors(errors: readonly { code: string | null; message: string; field: string | null }[]): PlacedError[] {
  return errors.map((error) => ({ ...draftFieldOf(error.field), code: error.code, message: cleanMessage(error.message), providerField: error.field }));
}

/** The provider wraps myDATA's own text in markup (`Aade Validation Error: <code>229</code> …`); people need the words. */
export function cleanMessage(message: string): string {
  return message
    .replace(/<code>\s*\d+\s*<\/code>/gi, "")
    .replace(/<[^>]+>/g, " ")
    .replace(/^\s*Aade Validation Error:?\s*/i, "")
    .replace(/\s+/g, " ")
    .trim();
}
