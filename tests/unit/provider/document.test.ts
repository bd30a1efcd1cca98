import { describe, expect, it } from "vitest";
import { buildProviderDocument } from "@/lib/provider/impact/document";
import { SAMPLE_IDENTITY, SAMPLE_INPUT, line, readSharedJson } from "@/tests/unit/domain/support";

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

const sample = readSharedJson("provider/samples/5.2-b2b-credit-invoice-non-associated.json") as Json;

/**
 * Where our document knowingly differs from the provider's sample, and why. Every entry must
 * really differ (checked below), so the list cannot go stale.
 */
const DELIBERATE_DIFFERENCES: Record<string, string> = {
  OrderCode: "the sample's ERP order code; credit notes here have no order code",
  "Issuer.Vat": "the sample's EL123456789 is a placeholder that fails the AFM check digit; the draft uses a valid AFM",
  "Issuer.Activities": "empty placeholder in the sample",
  "Issuer.BranchId": "provider-account branch id; BranchCode identifies the branch for myDATA",
  "Issuer.BranchAddress": "provider-account branch data, not needed for the head office",
  "CounterParty.TaxOffice": "'Not used' placeholder",
  "CounterParty.TaxOfficeCode": "'NOT USED' placeholder",
  "CounterParty.Phones": "empty placeholder",
  "CounterParty.Faxes": "empty placeholder",
  "CounterParty.Emails": "the sample sends [\"\"]; we send the counterparty's e-mails, none in this draft",
  "CounterParty.Address.City": "the sample has a trailing space ('Reutlingen '); we send the city as typed",
  "CounterParty.Address.Street": "the sample has a trailing space ('STREET NUMBER '); we send the street as typed",
  "DistributionDetails.InternalDocumentId": "the sample's ERP key; we send the document's UUID identity",
  "PaymentDetails.PaymentMethods[0].PaymentMethodType":
    "the sample labels code 3 'VISA', which myDATA names Μετρητά (cash); we send the code's Greek label",
  "AdditionalDetails.DocumentTemplate": "'STRAD' is a print template of the sample's account",
  "AdditionalDetails.TransmissionMethod": "not in this sample; 'A' (archive, no provider e-mail) as every other provider sample",
  "Details[0].Descriptions": "the sample appends ERP item codes ('001', '70'); we send the description only",
  "Details[0].InternalId": "the sample's ERP line key",
  "Details[0].MeasurementUnit": "the sample writes 'TMX' in Latin letters; we send the Greek short label ΤΕΜ",
};

function segments(path: string): (string | number)[] {
  return path.split(".").flatMap((part) => {
    const match = /^([^[]+)\[(\d+)\]$/.exec(part);
    return match ? [match[1] as string, Number(match[2])] : [part];
  });
}

function get(value: Json | undefined, path: string): Json | undefined {
  return segments(path).reduce<Json | undefined>((current, key) => {
    if (current === null || typeof current !== "object") return undefined;
    return Array.isArray(current) ? current[key as number] : current[key as string];
  }, value);
}

function withoutDifferences(document: Json): Json {
  const copy = structuredClone(document);
  for (const path of Object.keys(DELIBERATE_DIFFERENCES)) {
    const keys = segments(path);
    const last = keys.pop() as string;
    const parent = keys.reduce<Json | undefined>(
      (current, key) => (current !== null && typeof current === "object" ? (current as Record<string, Json>)[key as string] : undefined),
      copy,
    );
    if (parent !== null && typeof parent === "object" && !Array.isArray(parent)) delete parent[last];
  }
  return copy;
}

/** Every object's keys in order, by path: the document's structure without its values. */
function keyOrder(value: Json, path = "$"): string[] {
  if (Array.isArray(value)) return value.flatMap((item, index) => keyOrder(item, `${path}[${index}]`));
  if (value === null || typeof value !== "object") return [];
  const keys = Object.keys(value);
  return [`${path}: ${keys.join(",")}`, ...keys.flatMap((key) => keyOrder(value[key] as Json, `${path}.${key}`))];
}

describe("buildProviderDocument against the provider's 5.2 sample", () => {
  const built = JSON.parse(JSON.stringify(buildProviderDocument(SAMPLE_INPUT, SAMPLE_IDENTITY))) as Json;

  it("matches the sample field for field once the listed differences are set aside", () => {
    expect(withoutDifferences(built)).toStrictEqual(withoutDifferences(sample));
  });

  it("keeps the sample's key order", () => {
    expect(keyOrder(withoutDifferences(built))).toEqual(keyOrder(withoutDifferences(sample)));
  });

  it.each(Object.entries(DELIBERATE_DIFFERENCES))("%s really differs (%s)", (path) => {
    expect(get(built, path)).not.toStrictEqual(get(sample, path));
  });

  it("carries the sample's amounts: 6.44 net + 1.55 VAT = 7.99", () => {
    expect(get(built, "Details[0]")).toMatchObject({
      Quantity: 1, CatalogUnitPrice: 7.99, UnitPrice: 6.44, CatalogNetTotal: 6.44, CatalogTotal: 7.99,
      NetTotalAfterInlineALCs: 6.44, NetTotal: 6.44, Total: 7.99, VATTotal: 1.55, VatCategory: "24.0", VatCategoryCode: 1,
    });
    expect(get(built, "Details[0].IncomeClassification")).toEqual({
      Id: 0, ClassificationTypeCode: "E3_561_001", ClassificationCategoryCode: "category1_1", Amount: 6.44,
    });
    expect(get(built, "Summaries")).toEqual({ TotalNetAmount: 6.44, TotalVATAmount: 1.55, TotalGrossValue: 7.99 });
    expect(get(built, "vatAnalysis")).toEqual([{ name: "24", percentage: 24, vatAmount: 1.55, underlyingValue: 6.44 }]);
    expect(get(built, "PaymentDetails.PaymentMethods")).toEqual([{ PaymentMethodType: "Μετρητά", PaymentMethodTypeCode: 3, Amount: 7.99 }]);
  });

  it("sends our identity and a valid issuer VAT", () => {
    expect(get(built, "DistributionDetails.InternalDocumentId")).toBe(SAMPLE_IDENTITY.internalDocumentId);
    expect(get(built, "Issuer.Vat")).toBe("EL094259216");
    expect(get(built, "CounterParty.Vat")).toBe("DE123456789");
  });
});

describe("buildProviderDocument: other shapes", () => {
  const base = { ...SAMPLE_INPUT, priceEntry: "net" as const, payments: [{ methodCode: 5, amountCents: 1240 }] };

  it("writes the exemption code only on 0% lines, and on their VAT analysis row", () => {
    const document = buildProviderDocument(
      {
        ...base,
        lines: [line({ unitPriceCents: 1000 }), line({ unitPriceCents: 500, vatCategory: 7, vatExemptionCategory: 14 })],
      },
      SAMPLE_IDENTITY,
    );
    expect(document.Details[0]).not.toHaveProperty("VatExemptionCategoryCode");
    expect(document.Details[1]).toMatchObject({ VatCategory: "0.0", VatCategoryCode: 7, VatExemptionCategoryCode: 14, VATTotal: 0 });
    expect(document.vatAnalysis).toEqual([
      { name: "24", percentage: 24, vatAmount: 2.4, underlyingValue: 10 },
      { name: "0", percentage: 0, vatAmount: 0, underlyingValue: 5, vatExemptionCode: 14 },
    ]);
    expect(document.Details.map((detail) => detail.LineNo)).toEqual([1, 2]);
  });

  it("keeps 4 % of category 6 and 4 % of category 10 in two VAT analysis rows, in the provider's documented fields only (no category field exists there)", () => {
    const document = buildProviderDocument({ ...base, lines: [line({ unitPriceCents: 1000, vatCategory: 6 }), line({ unitPriceCents: 2000, vatCategory: 10 })] }, SAMPLE_IDENTITY);
    expect(document.vatAnalysis).toEqual([
      { name: "4", percentage: 4, vatAmount: 0.4, underlyingValue: 10 },
      { name: "4", percentage: 4, vatAmount: 0.8, underlyingValue: 20 },
    ]);
    // The category stays on each line (VatCategoryCode), which is what myDATA sums by.
    expect(document.Details.map((detail) => detail.VatCategoryCode)).toEqual([6, 10]);
  });

  it("a Greek counterparty gets ΕΛΛΑΔΑ and the EL prefix; no code, no reference → those keys are absent", () => {
    const document = buildProviderDocument(
      {
        ...base,
        counterparty: {
          name: "ΠΕΛΑΤΗΣ ΑΕ",
          vat: "925667500",
          address: { countryCode: "GR", city: "ΠΕΙΡΑΙΑΣ", street: "ΑΚΤΗ 1", postalCode: "18535" },
          emails: ["info@example.gr"],
        },
        reference: "  ",
        lines: [line({ unitPriceCents: 1000 })],
      },
      SAMPLE_IDENTITY,
    );
    expect(document.CounterParty).toEqual({
      RegisteredName: "ΠΕΛΑΤΗΣ ΑΕ",
      Vat: "EL925667500",
      Emails: ["info@example.gr"],
      Address: { Country: "ΕΛΛΑΔΑ", CountryCode: "GR", City: "ΠΕΙΡΑΙΑΣ", Street: "ΑΚΤΗ 1", Postal: "18535" },
    });
    expect(document).not.toHaveProperty("MiscellaneousData");
    expect(Object.keys(document).at(-1)).toBe("IsDelayedCode");
  });

  it("a classification without type (category1_95) omits ClassificationTypeCode", () => {
    const document = buildProviderDocument(
      { ...base, lines: [line({ incomeClassification: { category: "category1_95", type: null } })] },
      SAMPLE_IDENTITY,
    );
    expect(document.Details[0]?.IncomeClassification).toEqual({ Id: 0, ClassificationCategoryCode: "category1_95", Amount: 1 });
  });

  it("writes fractional quantities and discounted catalog values", () => {
    const document = buildProviderDocument(
      { ...base, lines: [line({ quantityMilli: 1500, unitCode: 2, unitPriceCents: 103, discountBasisPoints: 5000 })] },
      SAMPLE_IDENTITY,
    );
    expect(document.Details[0]).toMatchObject({
      MeasurementUnit: "ΚΙΛ", MeasurementUnitCode: 2, Quantity: 1.5, UnitPrice: 1.03, CatalogUnitPrice: 1.28,
      CatalogNetTotal: 1.55, CatalogTotal: 1.92, NetTotalAfterInlineALCs: 0.77, NetTotal: 0.77, VATTotal: 0.18, Total: 0.95,
    });
  });

  it("is deterministic: same input, same JSON text", () => {
    const first = JSON.stringify(buildProviderDocument(SAMPLE_INPUT, SAMPLE_IDENTITY));
    const second = JSON.stringify(buildProviderDocument(structuredClone(SAMPLE_INPUT), { ...SAMPLE_IDENTITY }));
    expect(second).toBe(first);
  });
});
