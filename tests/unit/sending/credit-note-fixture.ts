import { randomUUID } from "node:crypto";
import type { CreditNoteInput } from "@/lib/domain/types";
import type { IssueRequest } from "@/lib/validation/draft";

/** The sandbox's demo issuer (its key is the sandbox default). */
export const FIXTURE_ISSUER_VAT = "EL094259216";

/** The PRODUCT.md example draft (the provider's 5.2 sample amounts: net 6.44, VAT 1.55, gross 7.99). */
export function sampleCreditNoteInput(overrides: Partial<CreditNoteInput> = {}): CreditNoteInput {
  return {
    issuer: {
      vat: FIXTURE_ISSUER_VAT,
      name: "BEST SHOPPING",
      branchCode: 0,
      address: { countryCode: "GR", city: "ΑΘΗΝΑ", street: "ΟΔΟΣ ΑΡΙΘΜΟΣ", postalCode: "10551" },
    },
    counterparty: {
      name: "FOREIGN COMPANY",
      vat: "DE123456789",
      code: "00001",
      address: { countryCode: "DE", city: "Reutlingen", street: "STREET NUMBER", postalCode: "12345" },
      emails: [],
    },
    priceEntry: "gross",
    lines: [
      {
        description: "Φαρδιά ζώνη cowboy",
        quantityMilli: 1000,
        unitCode: 1,
        unitPriceCents: 799,
        discountBasisPoints: 0,
        vatCategory: 1,
        vatExemptionCategory: null,
        incomeClassification: { category: "category1_1", type: "E3_561_001" },
      },
    ],
    payments: [{ methodCode: 3, amountCents: 799 }],
    emails: ["COMPANY@company.com"],
    reference: "A9439 / 50",
    ...overrides,
  };
}

/** An issue request for the sample; a fresh draft id unless one is given. */
export function sampleIssueRequest(overrides: Partial<IssueRequest> = {}): IssueRequest {
  return {
    draftId: randomUUID(),
    issuerProfileId: undefined,
    series: "T1",
    number: undefined,
    issuedAt: undefined,
    input: sampleCreditNoteInput(),
    ...overrides,
  };
}
