import { readFileSync } from "node:fs";
import type { CreditNoteInput, DocumentIdentity, LineInput } from "@/lib/domain/types";

/** Reads a reference JSON file (provider sample, myDATA code lists) kept under tests/fixtures/reference. */
export function readSharedJson(relativePath: string): unknown {
  const name = relativePath.split("/").pop() ?? relativePath;
  return JSON.parse(readFileSync(new URL(`../../fixtures/reference/${name}`, import.meta.url), "utf8"));
}

/** A 24% goods line of one piece; override what a case is about. */
export function line(overrides: Partial<LineInput> = {}): LineInput {
  return {
    description: "Line",
    quantityMilli: 1000,
    unitCode: 1,
    unitPriceCents: 100,
    discountBasisPoints: 0,
    vatCategory: 1,
    vatExemptionCategory: null,
    incomeClassification: { category: "category1_1", type: "E3_561_001" },
    ...overrides,
  };
}

/** The draft equivalent to the provider's 5.2 sample (with a valid issuer AFM). */
export const SAMPLE_INPUT: CreditNoteInput = {
  issuer: {
    vat: "EL094259216",
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
    line({
      description: "Φαρδιά ζώνη cowboy",
      quantityMilli: 1000,
      unitCode: 1,
      unitPriceCents: 799,
      vatCategory: 1,
      incomeClassification: { category: "category1_1", type: "E3_561_001" },
    }),
  ],
  payments: [{ methodCode: 3, amountCents: 799 }],
  emails: ["COMPANY@company.com"],
  reference: "A9439 / 50",
};

export const SAMPLE_IDENTITY: DocumentIdentity = {
  internalDocumentId: "0b6f3f57-3c1e-4f57-9a55-2f0f7c0e9d11",
  series: "D9439",
  number: "8",
  issuedAt: "2023-03-24T00:00:00",
};
