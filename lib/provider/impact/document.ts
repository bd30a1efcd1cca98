import { buildDetails, buildSummaries, buildVatAnalysis } from "./document-details";
import type { ProviderAddress, ProviderCounterParty, ProviderDocument, ProviderIssuer } from "./document-types";
import { centsToDecimal } from "@/lib/domain/money";
import { paymentMethodLabel } from "@/lib/domain/code-labels";
import { addressCountryName } from "./labels";
import { computeTotals } from "@/lib/domain/totals";
import type { CounterpartyInput, CreditNoteInput, DocumentIdentity, IssuerInput, PartyAddress } from "@/lib/domain/types";
import { normalizeVatNumber } from "@/lib/domain/vat-number";

export type { ProviderDocument } from "./document-types";

/** Label the provider's 5.2 sample gives the document type. */
export const CREDIT_INVOICE_LABEL = "ΠΙΣΤΩΤΙΚΟ ΤΙΜΟΛΟΓΙΟ";
/** The provider's label of a 5.1 (a credit correlated to the invoice it credits). */
export const CORRELATED_CREDIT_LABEL = "ΠΙΣΤΩΤΙΚΟ ΤΙΜΟΛΟΓΙΟ ΣΥΣΧΕΤΙΖΟΜΕΝΟ";

function buildAddress(address: PartyAddress): ProviderAddress {
  const country = addressCountryName(address.countryCode);
  return {
    ...(country !== undefined ? { Country: country } : {}),
    CountryCode: address.countryCode.trim().toUpperCase(),
    City: address.city,
    Street: address.street,
    Postal: address.postalCode,
  };
}

/** The VAT number as written on documents ("EL" + AFM for Greece); unchanged when it does not normalise. */
function documentVat(countryCode: string, vat: string): string {
  const normalized = normalizeVatNumber(countryCode, vat);
  return normalized.ok ? normalized.vat : vat;
}

function buildIssuer(issuer: IssuerInput): ProviderIssuer {
  return {
    RegisteredName: issuer.name,
    Vat: documentVat(issuer.address.countryCode, issuer.vat),
    Address: buildAddress(issuer.address),
    BranchCode: issuer.branchCode,
  };
}

function buildCounterParty(counterparty: CounterpartyInput): ProviderCounterParty {
  return {
    RegisteredName: counterparty.name,
    Vat: documentVat(counterparty.address.countryCode, counterparty.vat),
    Emails: [...counterparty.emails],
    Address: buildAddress(counterparty.address),
    ...(counterparty.code ? { Code: counterparty.code } : {}),
  };
}

/**
 * The provider document (`POST /Invoice/json`) for a checked credit-note draft, field for field
 * in the shape of the provider's 5.2 sample. Every amount comes from `computeTotals` (integer
 * cents, half-up per line, totals = sums of lines) written as a 2-decimal JSON number.
 *
 * Deliberately not sent: the sample's account-specific DocumentTemplate ("STRAD"), OrderCode,
 * BranchId/BranchAddress, Activities, TaxOffice*, Phones/Faxes and the line InternalId.
 * The reference, when given, goes to MiscellaneousData.PurchaseOrderNumber as in the sample.
 * A credit of part of an issued invoice (`correlatedMark`) is a 5.1 with CorrelatedInvoices [MARK].
 * Pure and deterministic: the same input gives a deep-equal document with the same key order.
 * @throws RangeError as `computeLineAmounts` does for a line validation should have refused.
 */
export function buildProviderDocument(input: CreditNoteInput, identity: DocumentIdentity): ProviderDocument {
  const totals = computeTotals(input);
  const reference = input.reference?.trim();
  return {
    Currency: "€",
    CurrencyCode: "EUR",
    InvoiceType: input.correlatedMark === undefined ? CREDIT_INVOICE_LABEL : CORRELATED_CREDIT_LABEL,
    InvoiceTypeCode: input.correlatedMark === undefined ? "5.2" : "5.1",
    ...(input.correlatedMark === undefined ? {} : { CorrelatedInvoices: [Number(input.correlatedMark)] }),
    DocumentTypeCode: "INVOICE",
    Series: identity.series,
    Number: identity.number,
    DateIssued: identity.issuedAt,
    Issuer: buildIssuer(input.issuer),
    CounterParty: buildCounterParty(input.counterparty),
    DistributionDetails: { InternalDocumentId: identity.internalDocumentId },
    PaymentDetails: {
      PaymentMethods: input.payments.map((payment) => ({
        PaymentMethodType: paymentMethodLabel(payment.methodCode),
        PaymentMethodTypeCode: payment.methodCode,
        Amount: centsToDecimal(payment.amountCents),
      })),
    },
    AdditionalDetails: {
      AccountingDepartmentEmails: [...input.emails],
      AvoidEmailGrouping: false,
      // "A", never "E": with SendAsPdf, "E" would send a second e-mail (observed-uat.md §7).
      TransmissionMethod: "A",
      ...(input.sendPdf ? { SendAsPdf: true as const, PdfNotificationEmails: [...input.emails] } : {}),
    },
    Details: buildDetails(input.lines, totals),
    Summaries: buildSummaries(totals, input.lines),
    vatAnalysis: buildVatAnalysis(totals),
    ...(reference ? { MiscellaneousData: { PurchaseOrderNumber: reference } } : {}),
    IsDelayedCode: 0,
  };
}
