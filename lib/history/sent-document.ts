/**
 * The stored request body read back for people: the parts of a composed 5.2 grouped as the
 * compose wizard groups them, or the fields of a credit of an issued document. Amounts in cents.
 * Pure; tolerant of anything odd in the stored text (missing parts read as empty).
 */

export interface SentParty {
  name: string;
  vat: string;
  address: string;
  emails: string[];
  branchCode: number | null;
}

export interface SentLine {
  lineNo: number;
  description: string;
  quantity: number;
  unitCode: number;
  unitNetCents: number;
  netCents: number;
  vatCents: number;
  totalCents: number;
  vatCategory: number;
  vatExemptionCategory: number | null;
  classification: string;
}

export type SentDocument =
  | {
      kind: "compose";
      issuer: SentParty;
      counterparty: SentParty;
      series: string;
      number: string;
      issuedAt: string;
      lines: SentLine[];
      payments: { methodCode: number; amountCents: number }[];
      totals: { netCents: number; vatCents: number; grossCents: number };
      vatAnalysis: { percentage: number; underlyingCents: number; vatCents: number; exemption: number | null }[];
      reference: string | null;
      emails: string[];
    }
  | { kind: "credit_existing"; authenticationCode: string; mark: string; relateCredit: boolean; series: string; number: string };

type Json = Record<string, unknown>;
const obj = (value: unknown): Json => (typeof value === "object" && value !== null && !Array.isArray(value) ? (value as Json) : {});
const text = (value: unknown): string => (typeof value === "string" ? value : typeof value === "number" ? String(value) : "");
const num = (value: unknown): number => (typeof value === "number" && Number.isFinite(value) ? value : Number(text(value)) || 0);
const list = (value: unknown): unknown[] => (Array.isArray(value) ? value : []);
const cents = (value: unknown): number => Math.round(num(value) * 100);

function partyOf(value: unknown): SentParty {
  const party = obj(value);
  const address = obj(party.Address);
  return {
    name: text(party.RegisteredName),
    vat: text(party.Vat),
    address: [text(address.Street), text(address.City), text(address.Postal), text(address.CountryCode)].filter(Boolean).join(", "),
    emails: list(party.Emails).map(text),
    branchCode: party.BranchCode === undefined ? null : num(party.BranchCode),
  };
}

/** Reads a stored payload; null when the text is not JSON at all. */
export function readSentDocument(payloadJson: string, kind: "compose" | "credit_existing"): SentDocument | null {
  let payload: unknown;
  try {
    payload = JSON.parse(payloadJson);
  } catch {
    return null;
  }
  const doc = obj(payload);
  if (kind === "credit_existing") {
    return {
      kind, authenticationCode: text(doc.authenticationCode), mark: text(doc.mark), relateCredit: doc.relateCredit === true, series: text(doc.series), number: text(doc.number),
    };
  }
  const summaries = obj(doc.Summaries);
  return {
    kind,
    issuer: partyOf(doc.Issuer),
    counterparty: partyOf(doc.CounterParty),
    series: text(doc.Series),
    number: text(doc.Number),
    issuedAt: text(doc.DateIssued),
    lines: list(doc.Details).map(obj).map((line, index) => {
      const classification = obj(line.IncomeClassification);
      return {
        lineNo: num(line.LineNo) || index + 1,
        description: text(list(line.Descriptions)[0]),
        quantity: num(line.Quantity),
        unitCode: num(line.MeasurementUnitCode),
        unitNetCents: cents(line.UnitPrice),
        netCents: cents(line.NetTotal),
        vatCents: cents(line.VATTotal),
        totalCents: cents(line.Total),
        vatCategory: num(line.VatCategoryCode),
        vatExemptionCategory: line.VatExemptionCategoryCode === undefined ? null : num(line.VatExemptionCategoryCode),
        classification: [text(classification.ClassificationCategoryCode), text(classification.ClassificationTypeCode)].filter(Boolean).join(" / "),
      };
    }),
    payments: list(obj(doc.PaymentDetails).PaymentMethods).map(obj).map((method) => ({ methodCode: num(method.PaymentMethodTypeCode), amountCents: cents(method.Amount) })),
    totals: { netCents: cents(summaries.TotalNetAmount), vatCents: cents(summaries.TotalVATAmount), grossCents: cents(summaries.TotalGrossValue) },
    vatAnalysis: list(doc.vatAnalysis ?? doc.VatAnalysis).map(obj).map((row) => ({
      percentage: num(row.percentage), underlyingCents: cents(row.underlyingValue), vatCents: cents(row.vatAmount), exemption: row.vatExemptionCode === undefined ? null : num(row.vatExemptionCode),
    })),
    reference: text(obj(doc.MiscellaneousData).PurchaseOrderNumber) || null,
    emails: list(obj(doc.AdditionalDetails).AccountingDepartmentEmails).map(text),
  };
}

const SECRET_KEY = /(api[-_]?key|apikey|token|password|secret|authorization)/i;

/**
 * The stored body pretty-printed for display, with the value of every key that names a secret
 * replaced. The dashboard never puts its provider key in a body; this keeps it that way should
 * any body ever carry one.
 */
export function redactedPretty(json: string): string {
  let value: unknown;
  try {
    value = JSON.parse(json);
  } catch {
    return json.replace(/(api[-_]?key|apikey|token|password|secret)(["'\s:=]+)([^"'\s,}]+)/gi, "$1$2•••");
  }
  const walk = (node: unknown): unknown => {
    if (Array.isArray(node)) return node.map(walk);
    if (typeof node !== "object" || node === null) return node;
    return Object.fromEntries(Object.entries(node).map(([key, inner]) => [key, SECRET_KEY.test(key) ? "•••" : walk(inner)]));
  };
  return JSON.stringify(walk(value), null, 2);
}
