import type { ProviderDocument } from "@/lib/provider/impact/document-types";
import { composeValuesSchema, type ComposeLine, type ComposeValues } from "@/lib/validation/draft-snapshot";
import type { IssuerProfileView } from "@/lib/settings/views";

/** A JSON amount or quantity as a clerk would type it in Greek: 6.44 → "6,44", 1.234 → "1,234". */
function typed(value: number): string {
  return String(value).replace(".", ",");
}

/** The line discount in percent from the undiscounted and discounted nets, to 2 decimals ("" for none). */
function discountOf(catalogNet: number, net: number): string {
  if (catalogNet <= 0 || net >= catalogNet) return "";
  const basisPoints = Math.round(((catalogNet - net) / catalogNet) * 10_000);
  return basisPoints === 0 ? "" : typed(basisPoints / 100);
}

function lineOf(detail: ProviderDocument["Details"][number]): ComposeLine {
  return {
    description: detail.Descriptions.join(" "),
    quantity: typed(detail.Quantity),
    unitCode: detail.MeasurementUnitCode,
    unitPrice: typed(detail.UnitPrice),
    discountPercent: discountOf(detail.CatalogNetTotal, detail.NetTotal),
    vatCategory: detail.VatCategoryCode,
    vatExemptionCategory: detail.VatExemptionCategoryCode ?? null,
    incomeClassification: {
      category: detail.IncomeClassification.ClassificationCategoryCode,
      type: detail.IncomeClassification.ClassificationTypeCode ?? null,
    },
  };
}

function isComposedDocument(payload: unknown): payload is ProviderDocument {
  return typeof payload === "object" && payload !== null && Array.isArray((payload as { Details?: unknown }).Details)
    && typeof (payload as { Issuer?: unknown }).Issuer === "object" && typeof (payload as { CounterParty?: unknown }).CounterParty === "object";
}

/**
 * A new draft copied from a document that was sent ("copy as new draft"): parties, series,
 * lines, payments, e-mails and reference, with prices entered net (the unit net price the
 * document carries) and the discount read back from its nets. Number and date are left to the
 * new issue. Undefined for a payload that is not a composed document (a credit of an issued
 * document carries no lines).
 */
export function draftValuesFromDocument(payload: unknown, id: string, profiles: readonly IssuerProfileView[]): ComposeValues | undefined {
  if (!isComposedDocument(payload)) return undefined;
  try {
    return valuesOf(payload, id, profiles);
  } catch {
    // A stored payload of another shape (older or hand-made): no copy rather than a broken page.
    return undefined;
  }
}

function valuesOf(payload: ProviderDocument, id: string, profiles: readonly IssuerProfileView[]): ComposeValues | undefined {
  const { Issuer: issuer, CounterParty: party } = payload;
  const values = {
    id,
    issuerProfileId: profiles.find((p) => p.vat === issuer.Vat)?.id ?? null,
    issuer: {
      vat: issuer.Vat, name: issuer.RegisteredName, branchCode: issuer.BranchCode,
      address: { countryCode: issuer.Address.CountryCode, city: issuer.Address.City, street: issuer.Address.Street, postalCode: issuer.Address.Postal },
    },
    series: payload.Series,
    issuedAt: null,
    counterparty: {
      name: party.RegisteredName, vat: party.Vat, code: party.Code ?? "", emails: [...party.Emails],
      address: { countryCode: party.Address.CountryCode, city: party.Address.City, street: party.Address.Street, postalCode: party.Address.Postal },
    },
    priceEntry: "net",
    lines: payload.Details.map(lineOf),
    payments: payload.PaymentDetails.PaymentMethods.map((method) => ({ methodCode: method.PaymentMethodTypeCode, amount: typed(method.Amount) })),
    emails: [...payload.AdditionalDetails.AccountingDepartmentEmails],
    reference: payload.MiscellaneousData?.PurchaseOrderNumber ?? "",
    notes: "",
  };
  // Through the snapshot schema, so that whatever the stored payload holds fits the form's bounds.
  const parsed = composeValuesSchema.safeParse(values);
  return parsed.success ? parsed.data : undefined;
}
