import { describe, expect, it } from "vitest";
import { cleanMessage, draftFieldOf, errorIsAt, placeErrors } from "@/lib/history/error-fields";

describe("placing provider errors on the wizard's fields", () => {
  it.each([
    ["Details[0].VATTotal", { step: "lines", path: "lines.0.vatCategory", line: 0 }],
    ["Details[2].NetTotal", { step: "lines", path: "lines.2.unitPrice", line: 2 }],
    ["Details[1].Quantity", { step: "lines", path: "lines.1.quantity", line: 1 }],
    ["Details[0].VatExemptionCategoryCode", { step: "lines", path: "lines.0.vatExemptionCategory", line: 0 }],
    ["Details[0].IncomeClassification.ClassificationTypeCode", { step: "lines", path: "lines.0.incomeClassification.type", line: 0 }],
    ["Details[0].IncomeClassification.ClassificationCategoryCode", { step: "lines", path: "lines.0.incomeClassification.category", line: 0 }],
    ["Details[0].IncomeClassification.Amount", { step: "lines", path: "lines.0.incomeClassification", line: 0 }],
    ["Details[3]", { step: "lines", path: "lines.3", line: 3 }],
    ["Details[0].SomethingNew", { step: "lines", path: "lines.0", line: 0 }],
    ["CounterParty.Vat", { step: "counterparty", path: "counterparty.vat" }],
    ["counterparty.address.postal", { step: "counterparty", path: "counterparty.address.postalCode" }],
    ["Issuer.Vat", { step: "issuer", path: "issuer.vat" }],
    ["Issuer.BranchCode", { step: "issuer", path: "issuer.branchCode" }],
    ["Series", { step: "issuer", path: "series" }],
    ["DateIssued", { step: "issuer", path: "issuedAt" }],
    ["PaymentDetails.PaymentMethods[0].Amount", { step: "vat_payment", path: "payments.0.amount" }],
    ["PaymentDetails.PaymentMethods[1].PaymentMethodTypeCode", { step: "vat_payment", path: "payments.1.methodCode" }],
    ["PaymentDetails.PaymentMethods", { step: "vat_payment", path: "payments" }],
    ["Summaries.TotalVATAmount", { step: "vat_payment", path: null }],
    ["VatAnalysis[0].VatAmount", { step: "vat_payment", path: null }],
    ["MiscellaneousData.PurchaseOrderNumber", { step: "vat_payment", path: "reference" }],
    ["CorrelatedInvoices", { step: "review", path: null }],
    ["", { step: "review", path: null }],
  ])("%s → %o", (field, expected) => {
    expect(draftFieldOf(field)).toEqual(expected);
  });

  it("sends errors without a field to the review step", () => {
    expect(draftFieldOf(null)).toEqual({ step: "review", path: null });
  });

  it("keeps code, readable message and the provider's field name", () => {
    const [placed] = placeErrors([{ code: "229", field: "Details[0].VATTotal", message: "Aade Validation Error: <code>229</code> VAT amount does not match [invoice line: 1]" }]);
    expect(placed).toEqual({ step: "lines", path: "lines.0.vatCategory", line: 0, code: "229", message: "VAT amount does not match [invoice line: 1]", providerField: "Details[0].VATTotal" });
  });

  it("strips the provider's markup and HTML escapes' leftovers from messages", () => {
    expect(cleanMessage("Aade Validation Error: <code>102</code> Vat number of the counterpart is not valid")).toBe("Vat number of the counterpart is not valid");
    expect(cleanMessage("  <error><message>bad</message></error>  ")).toBe("bad");
  });

  it("says an error concerns a field or the group holding it, never a neighbour whose name merely starts the same", () => {
    const [error] = placeErrors([{ code: "229", message: "VAT total does not match", field: "Details[10].VATTotal" }]);
    expect(error?.path).toBe("lines.10.vatCategory");
    expect(errorIsAt(error!, "lines.10.vatCategory")).toBe(true);
    expect(errorIsAt(error!, "lines.10")).toBe(true);
    expect(errorIsAt(error!, "lines.1")).toBe(false);
    expect(errorIsAt(error!, "lines.10.vat")).toBe(false);
  });
});
