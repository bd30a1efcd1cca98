import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestSandbox, type TestSandbox } from "@/tests/support/sandbox";
import { errorCodes, internalIdOf, json, sampleDocument, send, setPath, status as lookUp, type Json, type ValidationAnswer } from "./helpers";

let sandbox: TestSandbox;

beforeAll(async () => {
  sandbox = await startTestSandbox();
});

afterAll(async () => {
  await sandbox.stop();
});

interface Case {
  rule: string;
  change: (doc: Json) => void;
  /** The sandbox's own finding code, as /MyData/status reports it. */
  code: string;
  field: string;
}

/** The AADE code a provider-stage finding is answered with (101: fails myDATA's XSD; 102: Greek VAT number). */
const AADE_CODE: Record<string, string> = { MissingField: "101", InvalidCode: "101", InvalidValue: "101", InvalidAfm: "102" };

interface Finding {
  code: string;
  message: string;
  field: string | null;
}

const set = (...pairs: [string, unknown][]) => (doc: Json): void => {
  for (const [path, value] of pairs) setPath(doc, path, value);
};

/** The sample's single line turned into a consistent 0% line (net 6.44, VAT 0). */
const zeroRated = (exemption: number | undefined) => set(
  ["Details[0].VatCategoryCode", 7], ["Details[0].VatExemptionCategoryCode", exemption], ["Details[0].VATTotal", 0],
  ["Details[0].Total", 6.44], ["Summaries", { TotalNetAmount: 6.44, TotalVATAmount: 0, TotalGrossValue: 6.44 }],
  ["vatAnalysis", [{ percentage: 0, vatAmount: 0, underlyingValue: 6.44, vatExemptionCode: exemption }]],
  ["PaymentDetails.PaymentMethods[0].Amount", 6.44],
);

const PROVIDER_CASES: Case[] = [
  { rule: "CurrencyCode is mandatory", change: set(["CurrencyCode", undefined]), code: "MissingField", field: "CurrencyCode" },
  { rule: "InvoiceTypeCode must be a known type", change: set(["InvoiceTypeCode", "5.9"]), code: "InvalidCode", field: "InvoiceTypeCode" },
  { rule: "DocumentTypeCode is mandatory", change: set(["DocumentTypeCode", ""]), code: "MissingField", field: "DocumentTypeCode" },
  { rule: "Series is mandatory", change: set(["Series", undefined]), code: "MissingField", field: "Series" },
  { rule: "Number is mandatory", change: set(["Number", " "]), code: "MissingField", field: "Number" },
  { rule: "DateIssued is mandatory", change: set(["DateIssued", undefined]), code: "MissingField", field: "DateIssued" },
  { rule: "DateIssued must be a real date", change: set(["DateIssued", "2023-02-30T00:00:00"]), code: "InvalidValue", field: "DateIssued" },
  { rule: "Issuer.Vat is mandatory", change: set(["Issuer.Vat", undefined]), code: "MissingField", field: "Issuer.Vat" },
  { rule: "Issuer.RegisteredName is mandatory", change: set(["Issuer.RegisteredName", undefined]), code: "MissingField", field: "Issuer.RegisteredName" },
  { rule: "Issuer.Address.CountryCode is mandatory", change: set(["Issuer.Address.CountryCode", undefined]), code: "MissingField", field: "Issuer.Address.CountryCode" },
  { rule: "CounterParty is mandatory on 5.2", change: set(["CounterParty", undefined]), code: "MissingField", field: "CounterParty" },
  { rule: "CounterParty.Vat is mandatory", change: set(["CounterParty.Vat", ""]), code: "MissingField", field: "CounterParty.Vat" },
  {
    rule: "a Greek counterparty AFM has 8 or 9 digits",
    change: set(["CounterParty.Vat", "EL1234567"], ["CounterParty.Address.CountryCode", "GR"]), code: "InvalidAfm", field: "CounterParty.Vat",
  },
  {
    rule: "InternalDocumentId is mandatory",
    change: set(["DistributionDetails.InternalDocumentId", undefined]), code: "MissingField", field: "DistributionDetails.InternalDocumentId",
  },
  { rule: "Details must not be empty", change: set(["Details", []]), code: "MissingField", field: "Details" },
  { rule: "a line needs Quantity", change: set(["Details[0].Quantity", undefined]), code: "MissingField", field: "Details[0].Quantity" },
  { rule: "a line needs NetTotal", change: set(["Details[0].NetTotal", undefined]), code: "MissingField", field: "Details[0].NetTotal" },
  { rule: "a line needs VATTotal", change: set(["Details[0].VATTotal", undefined]), code: "MissingField", field: "Details[0].VATTotal" },
  { rule: "a line needs Total", change: set(["Details[0].Total", undefined]), code: "MissingField", field: "Details[0].Total" },
  { rule: "a line needs VatCategoryCode", change: set(["Details[0].VatCategoryCode", undefined]), code: "MissingField", field: "Details[0].VatCategoryCode" },
  { rule: "VatCategoryCode is 1–10", change: set(["Details[0].VatCategoryCode", 11]), code: "InvalidCode", field: "Details[0].VatCategoryCode" },
  { rule: "MeasurementUnitCode is 1–7", change: set(["Details[0].MeasurementUnitCode", 8]), code: "InvalidCode", field: "Details[0].MeasurementUnitCode" },
  {
    rule: "VatExemptionCategoryCode is 1–31", change: zeroRated(32), code: "InvalidCode", field: "Details[0].VatExemptionCategoryCode",
  },
  {
    rule: "PaymentMethodTypeCode is 1–8",
    change: set(["PaymentDetails.PaymentMethods[0].PaymentMethodTypeCode", 9]), code: "InvalidCode",
    field: "PaymentDetails.PaymentMethods[0].PaymentMethodTypeCode",
  },
  { rule: "amounts are numbers", change: set(["Details[0].NetTotal", "six"]), code: "InvalidValue", field: "Details[0].NetTotal" },
  { rule: "Summaries are mandatory", change: set(["Summaries", undefined]), code: "MissingField", field: "Summaries" },
];

const AADE_CASES: Case[] = [
  { rule: "VAT exemption required on category 7", change: zeroRated(undefined), code: "201", field: "Details[0].VatExemptionCategoryCode" },
  { rule: "VAT exemption forbidden on taxed lines", change: set(["Details[0].VatExemptionCategoryCode", 14]), code: "202", field: "Details[0].VatExemptionCategoryCode" },
  {
    rule: "classification category allowed for 5.2",
    change: set(["Details[0].IncomeClassification.ClassificationCategoryCode", "category1_6"]), code: "203",
    field: "Details[0].IncomeClassification.ClassificationCategoryCode",
  },
  {
    rule: "classification type allowed with its category on 5.2",
    change: set(["Details[0].IncomeClassification.ClassificationTypeCode", "E3_561_003"]), code: "203",
    field: "Details[0].IncomeClassification.ClassificationTypeCode",
  },
  {
    rule: "classification amount equals the line net",
    change: set(["Details[0].IncomeClassification.Amount", 6.4]), code: "204", field: "Details[0].IncomeClassification.Amount",
  },
  { rule: "classification present on every 5.2 line", change: set(["Details[0].IncomeClassification", undefined]), code: "205", field: "Details[0].IncomeClassification" },
  { rule: "amounts are not negative", change: set(["Details[0].NetTotal", -6.44]), code: "210", field: "Details[0].NetTotal" },
  { rule: "amounts have at most two decimals", change: set(["Details[0].NetTotal", 0.1 + 0.2]), code: "211", field: "Details[0].NetTotal" },
  { rule: "quantity is positive", change: set(["Details[0].Quantity", 0]), code: "212", field: "Details[0].Quantity" },
  { rule: "line VAT within ±0.01 of net × rate", change: set(["Details[0].VATTotal", 1.57], ["Details[0].Total", 8.01]), code: "229", field: "Details[0].VATTotal" },
  { rule: "line Total = NetTotal + VATTotal", change: set(["Details[0].Total", 8]), code: "230", field: "Details[0].Total" },
  { rule: "TotalNetAmount = Σ line net", change: set(["Summaries.TotalNetAmount", 6.45]), code: "240", field: "Summaries.TotalNetAmount" },
  { rule: "TotalVATAmount = Σ line VAT", change: set(["Summaries.TotalVATAmount", 1.56]), code: "241", field: "Summaries.TotalVATAmount" },
  { rule: "TotalGrossValue = Σ line totals", change: set(["Summaries.TotalGrossValue", 8.99]), code: "242", field: "Summaries.TotalGrossValue" },
  { rule: "VAT analysis VAT per rate", change: set(["vatAnalysis[0].vatAmount", 1.56]), code: "250", field: "VatAnalysis[0].VatAmount" },
  { rule: "VAT analysis underlying value per rate", change: set(["vatAnalysis[0].underlyingValue", 6.45]), code: "250", field: "VatAnalysis[0].UnderlyingValue" },
  { rule: "VAT analysis rates match the lines", change: set(["vatAnalysis[0].percentage", 13]), code: "251", field: "VatAnalysis[0].Percentage" },
  { rule: "payments add up to TotalGrossValue", change: set(["PaymentDetails.PaymentMethods[0].Amount", 7]), code: "407", field: "PaymentDetails.PaymentMethods[0].Amount" },
  {
    rule: "a Greek counterparty AFM has a valid check digit",
    change: set(["CounterParty.Vat", "EL123456789"], ["CounterParty.Address.CountryCode", "GR"]), code: "102", field: "CounterParty.Vat",
  },
  { rule: "a 5.1 names the MARKs it corrects", change: set(["InvoiceTypeCode", "5.1"]), code: "260", field: "CorrelatedInvoices" },
  { rule: "a 5.2 is not correlated", change: set(["CorrelatedInvoices", [400001000000001]]), code: "261", field: "CorrelatedInvoices" },
];

/**
 * Sends the changed sample; the findings with their fields come from /MyData/status (the 400 itself
 * carries AADE's words and codes only), or are null when the document cannot be looked up.
 */
async function rejectionFor(change: (doc: Json) => void): Promise<{ status: number; body: ValidationAnswer; findings: Finding[] | null }> {
  const doc = sampleDocument();
  change(doc);
  const result = await send(sandbox, doc);
  const internalId = internalIdOf(doc);
  const looked = internalId === "undefined" ? null : await lookUp(sandbox, `internalId=${internalId}`);
  const findings = looked?.status === 200 ? json<{ errors: Finding[] }>(looked).errors : null;
  return { status: result.status, body: json<ValidationAnswer>(result), findings };
}

/** Every 400 has the observed shape, whatever the finding. */
function expectObservedShape(body: ValidationAnswer): void {
  expect(Object.keys(body)).toEqual(["myDataResponse", "myDataErrors", "errorMessage", "myDataRequest", "success", "message"]);
  expect(body).toMatchObject({ errorMessage: "ValidationError", success: false });
  expect(body.myDataResponse).toContain("<statusCode>ValidationError</statusCode>");
  expect(body.myDataRequest).toMatch(/<InvoicesDoc /);
  expect(body.myDataErrors.map((error) => error.key)).toEqual(body.myDataErrors.map((_, index) => index + 1));
  expect(body.message).toBe(`Aade Validation Error: ${body.myDataErrors.map((error) => error.value).join(" | ")}`);
}

describe("provider-level validation", () => {
  it.each(PROVIDER_CASES)("$rule → 400 with AADE code for $code, naming $field", async ({ change, code, field }) => {
    const { status, body, findings } = await rejectionFor(change);
    expect(status).toBe(400);
    expectObservedShape(body);
    expect(errorCodes(body)).toContain(AADE_CODE[code]);
    if (findings === null) expect(body.myDataErrors.map((error) => error.value).join("\n")).toContain(field);
    else expect(findings).toContainEqual(expect.objectContaining({ code, field }));
  });

  it("words the Greek AFM rule like the provider", async () => {
    const { body } = await rejectionFor(set(["CounterParty.Vat", "EL12"], ["CounterParty.Address.CountryCode", "GR"]));
    expect(body.myDataErrors.map((error) => error.value)).toContain("Invalid Counterparty VAT Number (AFM) for Country Code -GR-");
    expect(errorCodes(body)).toContain("102");
  });
});

describe("myDATA-level validation", () => {
  it.each(AADE_CASES)("$rule → 400 <code>$code</code> naming $field", async ({ change, code, field }) => {
    const { status, body, findings } = await rejectionFor(change);
    expect(status).toBe(400);
    expectObservedShape(body);
    expect(errorCodes(body)).toContain(code);
    expect(body.myDataRequest).toContain("<invoiceDetails>");
    expect(findings).toContainEqual(expect.objectContaining({ code, field }));
  });

  it("names the invoice line in line-level errors", async () => {
    const { body } = await rejectionFor(set(["Details[0].VATTotal", 1.57], ["Details[0].Total", 8.01]));
    const index = errorCodes(body).indexOf("229");
    expect(body.myDataErrors[index]?.value).toMatch(/ invoice line: 1$/);
    expect(body.myDataResponse).toMatch(/<message>[^<]* invoice line: 1<\/message>\r\n {8}<code>229<\/code>/);
  });

  it("accepts a 0% line that carries an exemption reason", async () => {
    const doc = sampleDocument();
    zeroRated(14)(doc);
    expect((await send(sandbox, doc)).status).toBe(201);
  });

  it("does not consume the number: the corrected document is then accepted", async () => {
    const doc = sampleDocument();
    setPath(doc, "Details[0].VATTotal", 1.6);
    setPath(doc, "Details[0].Total", 8.04);
    expect((await send(sandbox, doc)).status).toBe(400);
    setPath(doc, "Details[0].VATTotal", 1.55);
    setPath(doc, "Details[0].Total", 7.99);
    expect((await send(sandbox, doc)).status).toBe(201);
  });
});
