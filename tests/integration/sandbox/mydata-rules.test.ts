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

const set = (...pairs: [string, unknown][]) => (doc: Json): void => {
  // A fresh copy each time: the cases share their pieces, and a document must not change another's.
  for (const [path, value] of pairs) setPath(doc, path, structuredClone(value));
};
const both = (...changes: ((doc: Json) => void)[]) => (doc: Json): void => {
  for (const change of changes) change(doc);
};

/** The sample's line as a 100,00 € service at 24% (VAT 24,00), payments adding up to `gross`. */
const service = (gross: number) => set(
  ["Details[0].Quantity", 1], ["Details[0].UnitPrice", 100], ["Details[0].NetTotal", 100], ["Details[0].VATTotal", 24],
  ["Details[0].Total", 124], ["Details[0].IncomeClassification.Amount", 100],
  ["vatAnalysis", [{ name: "24", percentage: 24, vatAmount: 24, underlyingValue: 100 }]],
  ["Summaries", { TotalNetAmount: 100, TotalVATAmount: 24, TotalGrossValue: gross }],
  ["PaymentDetails.PaymentMethods[0].Amount", gross],
);

/** 20% withholding (3, management fees) and 1.2% stamp duty (1) on the service: 124 − 20 + 1.20 = 105.20 payable. */
const withholdingAndStamp = both(
  service(105.2),
  set(
    ["Details[0].WithheldAmount", 20], ["Details[0].WithheldPercentCategoryCode", 3],
    ["Details[0].StampDutyAmount", 1.2], ["Details[0].StampDutyPercentCategoryCode", 1],
    ["Summaries.TotalWithheldAmount", 20], ["Summaries.TotalStampDutyAmount", 1.2], ["Summaries.TotalFeesAmount", 0],
    ["Summaries.TotalOtherTaxesAmount", 0], ["Summaries.TotalDeductionsAmount", 0], ["Summaries.TotalPayableAmount", 105.2],
  ),
);

/** The sample's line at VAT category `category` with no VAT (0% or 8), all amounts following. */
const noVat = (category: number, invoiceType: string) => set(
  ["InvoiceTypeCode", invoiceType], ["Details[0].VatCategoryCode", category], ["Details[0].VATTotal", 0], ["Details[0].Total", 6.44],
  ["vatAnalysis", [{ percentage: 0, vatAmount: 0, underlyingValue: 6.44 }]],
  ["Summaries", { TotalNetAmount: 6.44, TotalVATAmount: 0, TotalGrossValue: 6.44 }], ["PaymentDetails.PaymentMethods[0].Amount", 6.44],
);

const today = new Intl.DateTimeFormat("en-CA", { timeZone: "Europe/Athens" }).format(new Date());

interface Rule {
  rule: string;
  rejected: (doc: Json) => void;
  code: string;
  field: string;
  accepted: (doc: Json) => void;
}

/** Each rule run both ways: the document myDATA refuses (its code, its field) and its accepted twin. */
const RULES: Rule[] = [
  { rule: "a counterpart country outside CountryType (XI)", rejected: set(["CounterParty.Address.CountryCode", "XI"]), code: "103",
    field: "CounterParty.Address.CountryCode", accepted: set(["CounterParty.Address.CountryCode", "DE"]) },
  { rule: "EL as the issuer's country (the VAT prefix, not a country)", rejected: set(["Issuer.Address.CountryCode", "EL"]), code: "103",
    field: "Issuer.Address.CountryCode", accepted: set(["Issuer.Address.CountryCode", "GR"]) },
  { rule: "a foreign counterpart without its name", rejected: set(["CounterParty.RegisteredName", ""]), code: "105",
    field: "CounterParty.RegisteredName", accepted: set(["CounterParty.RegisteredName", "FOREIGN COMPANY"]) },
  { rule: "a foreign counterpart without its city", rejected: set(["CounterParty.Address.City", ""]), code: "105",
    field: "CounterParty.Address.City", accepted: set(["CounterParty.Address.City", "Reutlingen"]) },
  { rule: "a foreign counterpart without its postal code", rejected: set(["CounterParty.Address.Postal", ""]), code: "105",
    field: "CounterParty.Address.Postal",
    // A Greek counterpart may leave it out.
    accepted: set(["CounterParty.Address.Postal", ""], ["CounterParty.Address.CountryCode", "GR"], ["CounterParty.Vat", "EL997645488"]) },
  { rule: "a currency other than EUR without its exchange rate", rejected: set(["CurrencyCode", "USD"]), code: "270",
    field: "PaymentDetails.ExchangeCurrencyRate", accepted: set(["CurrencyCode", "USD"], ["PaymentDetails.ExchangeCurrencyRate", 1.08]) },
  { rule: "number 0", rejected: set(["Number", "0"]), code: "213", field: "Number", accepted: set(["Number", "17"]) },
  { rule: "number ABC", rejected: set(["Number", "ABC"]), code: "213", field: "Number", accepted: set(["Number", "18"]) },
  { rule: "number with a leading zero", rejected: set(["Number", "019"]), code: "213", field: "Number", accepted: set(["Number", "19"]) },
  { rule: "an issue date in the future", rejected: set(["DateIssued", "2099-01-01T00:00:00"]), code: "214", field: "DateIssued",
    accepted: set(["DateIssued", `${today}T00:00:00`]) },
  { rule: "VAT category 8 on a 5.2", rejected: noVat(8, "5.2"), code: "206", field: "Details[0].VatCategoryCode",
    accepted: both(noVat(7, "5.2"), set(["Details[0].VatExemptionCategoryCode", 14], ["vatAnalysis[0].vatExemptionCode", 14])) },
  { rule: "the gross written as net + VAT although the line carries withholding and stamp duty",
    rejected: both(withholdingAndStamp, set(["Summaries.TotalGrossValue", 124], ["Summaries.TotalPayableAmount", 124], ["PaymentDetails.PaymentMethods[0].Amount", 124])),
    code: "242", field: "Summaries.TotalGrossValue", accepted: withholdingAndStamp },
  { rule: "payments adding up to net + VAT instead of the payable amount",
    rejected: both(withholdingAndStamp, set(["PaymentDetails.PaymentMethods[0].Amount", 124])), code: "407",
    field: "PaymentDetails.PaymentMethods[0].Amount", accepted: withholdingAndStamp },
  { rule: "a percentage withholding that is not its rate × the net",
    rejected: both(withholdingAndStamp, set(["Details[0].WithheldAmount", 19], ["Summaries.TotalWithheldAmount", 19], ["Summaries.TotalGrossValue", 106.2], ["PaymentDetails.PaymentMethods[0].Amount", 106.2])),
    code: "232", field: "Details[0].WithheldAmount", accepted: withholdingAndStamp },
  { rule: "an amount-category withholding (17) without its amount",
    rejected: both(service(124), set(["Details[0].WithheldPercentCategoryCode", 17])), code: "232", field: "Details[0].WithheldAmount",
    accepted: both(service(119), set(["Details[0].WithheldPercentCategoryCode", 17], ["Details[0].WithheldAmount", 5])) },
  { rule: "a fee amount without its category",
    rejected: both(service(126), set(["Details[0].FeesAmount", 2])), code: "231", field: "Details[0].FeesPercentCategoryCode",
    accepted: both(service(126), set(["Details[0].FeesAmount", 2], ["Details[0].FeesPercentCategoryCode", 10])) },
  { rule: "a stated tax total that is not the sum of the lines",
    rejected: both(withholdingAndStamp, set(["Summaries.TotalStampDutyAmount", 1.5])), code: "243", field: "Summaries.TotalStampDutyAmount",
    accepted: withholdingAndStamp },
  { rule: "other-tax category 1 (no longer accepted by myDATA)",
    rejected: both(service(139), set(["Details[0].OtherTaxesAmount", 15], ["Details[0].OtherTaxesPercentCategoryCode", 1])),
    code: "233", field: "Details[0].OtherTaxesPercentCategoryCode",
    // Category 4 is also 15 % of the net.
    accepted: both(service(139), set(["Details[0].OtherTaxesAmount", 15], ["Details[0].OtherTaxesPercentCategoryCode", 4])) },
  { rule: "other-tax category 2 (no longer accepted by myDATA)",
    rejected: both(service(129), set(["Details[0].OtherTaxesAmount", 5], ["Details[0].OtherTaxesPercentCategoryCode", 2])),
    code: "233", field: "Details[0].OtherTaxesPercentCategoryCode",
    accepted: both(service(129), set(["Details[0].OtherTaxesAmount", 5], ["Details[0].OtherTaxesPercentCategoryCode", 17])) },
  { rule: "other taxes and deductions in the gross formula",
    rejected: both(service(120), set(["Details[0].OtherTaxesAmount", 3], ["Details[0].OtherTaxesPercentCategoryCode", 17], ["Details[0].DeductionsAmount", 2])),
    code: "242", field: "Summaries.TotalGrossValue",
    accepted: both(service(125), set(["Details[0].OtherTaxesAmount", 3], ["Details[0].OtherTaxesPercentCategoryCode", 17], ["Details[0].DeductionsAmount", 2])) },
];

async function answerTo(change: (doc: Json) => void) {
  const doc = sampleDocument();
  change(doc);
  const result = await send(sandbox, doc);
  const looked = await lookUp(sandbox, `internalId=${internalIdOf(doc)}`);
  const findings = looked.status === 200 ? json<{ errors: { code: string; field: string | null; message: string }[] }>(looked).errors : null;
  return { result, findings };
}

describe("the sandbox enforces myDATA's rules both ways", () => {
  it.each(RULES)("$rule → 400 <code>$code</code> on $field", async ({ rejected, code, field }) => {
    const { result, findings } = await answerTo(rejected);
    expect(result.status).toBe(400);
    const body = json<ValidationAnswer>(result);
    expect(Object.keys(body)).toEqual(["myDataResponse", "myDataErrors", "errorMessage", "myDataRequest", "success", "message"]);
    expect(body).toMatchObject({ errorMessage: "ValidationError", success: false });
    expect(errorCodes(body)).toContain(code);
    expect(findings).toContainEqual(expect.objectContaining({ code, field }));
  });

  it.each(RULES)("$rule, corrected → 201", async ({ accepted }) => {
    const { result } = await answerTo(accepted);
    expect(result.status, result.text).toBe(201);
  });
});
