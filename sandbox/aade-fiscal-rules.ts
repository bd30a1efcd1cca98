/**
 * myDATA rules around the amounts that the sandbox enforces like myDATA: countries of the
 * CountryType, the foreign counterpart's address, the number, the issue date, the currency's
 * rate, VAT category 8 on credit notes, and the taxes beyond VAT on each line.
 */
import { AadeCode } from "./aade-codes";
import { formatCents } from "./amounts";
import {
  COUNTRY_CODES, FEE_CATEGORIES, OTHER_TAX_CATEGORIES, OTHER_TAX_CATEGORIES_NO_LONGER_ACCEPTED, STAMP_DUTY_CATEGORIES, WITHHELD_TAX_CATEGORIES,
} from "./codes-data";
import { athensDateTime } from "./ids";
import type { AadeIssue, ParsedDocument, ParsedLine, ParsedLineTax, ParsedLineTaxes } from "./types";

const COUNTRIES: ReadonlySet<string> = new Set(COUNTRY_CODES);
/** Other-tax categories the code data marks acceptedNoLonger: myDATA refuses them on a new document. */
const OTHER_TAXES_NO_LONGER_ACCEPTED: ReadonlySet<number> = new Set(OTHER_TAX_CATEGORIES_NO_LONGER_ACCEPTED);

interface TaxCategoryRow {
  code: number;
  kind: "percent" | "amount";
  ratePercent: number | null;
}

const TAX_FAMILIES = [
  ["withheld", "WithheldAmount", "WithheldPercentCategoryCode", WITHHELD_TAX_CATEGORIES],
  ["fees", "FeesAmount", "FeesPercentCategoryCode", FEE_CATEGORIES],
  ["stampDuty", "StampDutyAmount", "StampDutyPercentCategoryCode", STAMP_DUTY_CATEGORIES],
  ["otherTaxes", "OtherTaxesAmount", "OtherTaxesPercentCategoryCode", OTHER_TAX_CATEGORIES],
] as const;

const NO_TAX: ParsedLineTax = { category: null, amountCents: 0 };
const NO_TAXES: ParsedLineTaxes = { withheld: NO_TAX, fees: NO_TAX, stampDuty: NO_TAX, otherTaxes: NO_TAX, deductionsCents: 0 };

/** A line's taxes; a document stored before they were read (a credit of an old document) has none. */
function taxesOf(line: ParsedLine): ParsedLineTaxes {
  return (line.taxes as ParsedLineTaxes | undefined) ?? NO_TAXES;
}

function issue(code: number, text: string, field: string, line: number | null = null): AadeIssue {
  return { code, text, field, line };
}

/** Rate × net in cents, half-up, from the rate's decimal text (1.2% of 10.05 → 0.12). */
export function percentOfNet(netCents: number, ratePercent: number): number {
  const [whole = "0", fraction = ""] = String(ratePercent).split(".");
  const basisPoints = Number(whole) * 100 + Number(fraction.padEnd(2, "0").slice(0, 2));
  return Math.floor((netCents * basisPoints + 5_000) / 10_000);
}

function countryIssues(doc: ParsedDocument): AadeIssue[] {
  const parties = [["Issuer", doc.issuer], ["CounterParty", doc.counterparty]] as const;
  return parties.flatMap(([path, party]) => {
    if (party === null || party.countryCode === "" || COUNTRIES.has(party.countryCode)) return [];
    return [issue(AadeCode.InvalidCountry, `Country code ${party.countryCode} is not a valid CountryType value (ISO 3166; Greece is GR).`, `${path}.Address.CountryCode`)];
  });
}

/** A counterpart outside Greece must carry its name and its address' city and postal code. */
function counterpartIssues(doc: ParsedDocument): AadeIssue[] {
  const party = doc.counterparty;
  if (party === null || party.countryCode === "GR" || party.countryCode === "") return [];
  const missing: [string, string][] = [];
  if (party.name.trim() === "") missing.push(["name", "CounterParty.RegisteredName"]);
  if (party.city.trim() === "") missing.push(["city", "CounterParty.Address.City"]);
  if (party.postalCode.trim() === "") missing.push(["postal code", "CounterParty.Address.Postal"]);
  return missing.map(([what, field]) => issue(AadeCode.CounterpartIncomplete, `The ${what} of a counterpart outside Greece is mandatory.`, field));
}

function identityIssues(doc: ParsedDocument, now: Date): AadeIssue[] {
  const issues: AadeIssue[] = [];
  if (!/^[1-9]\d*$/.test(doc.number)) {
    issues.push(issue(AadeCode.InvalidNumber, `The document number (aa) ${doc.number} must be a positive integer without leading zeros.`, "Number"));
  }
  const today = athensDateTime(now).slice(0, 10);
  if (doc.issueDate > today) issues.push(issue(AadeCode.FutureIssueDate, `The issue date ${doc.issueDate} is later than today (${today}).`, "DateIssued"));
  if (doc.currency !== "EUR" && doc.exchangeRate === null) {
    issues.push(issue(AadeCode.ExchangeRateMissing, `An exchange rate is mandatory with currency ${doc.currency}.`, "PaymentDetails.ExchangeCurrencyRate"));
  }
  return issues;
}

function vatCategoryIssues(doc: ParsedDocument): AadeIssue[] {
  if (!doc.invoiceType.startsWith("5.")) return [];
  return doc.lines.flatMap((line, index) => line.vatCategory !== 8 ? [] : [issue(
    AadeCode.VatCategoryNotAllowed, `VAT category 8 (records without VAT) is not allowed for invoice type ${doc.invoiceType}.`,
    `Details[${index}].VatCategoryCode`, line.lineNo,
  )]);
}

function lineTaxIssues(line: ParsedLine, index: number): AadeIssue[] {
  const issues: AadeIssue[] = [];
  for (const [family, amountField, categoryField, rows] of TAX_FAMILIES) {
    const tax: ParsedLineTax = taxesOf(line)[family];
    const path = `Details[${index}]`;
    if (tax.category === null) {
      if (tax.amountCents > 0) issues.push(issue(AadeCode.TaxCategoryMissing, `${amountField} ${formatCents(tax.amountCents)} needs its ${categoryField}.`, `${path}.${categoryField}`, line.lineNo));
      continue;
    }
    if (family === "otherTaxes" && OTHER_TAXES_NO_LONGER_ACCEPTED.has(tax.category)) {
      const text = `${categoryField} ${tax.category} is no longer accepted by myDATA on a new document.`;
      issues.push(issue(AadeCode.TaxCategoryNoLongerAccepted, text, `${path}.${categoryField}`, line.lineNo));
      continue;
    }
    const row: TaxCategoryRow | undefined = (rows as readonly TaxCategoryRow[]).find((entry) => entry.code === tax.category);
    if (row === undefined) continue; // an unknown code is refused by the provider stage
    if (row.kind === "amount" || row.ratePercent === null) {
      if (tax.amountCents <= 0) issues.push(issue(AadeCode.TaxAmount, `${categoryField} ${tax.category} is an amount: ${amountField} is mandatory.`, `${path}.${amountField}`, line.lineNo));
      continue;
    }
    const expected = percentOfNet(line.netCents, row.ratePercent);
    if (Math.abs(tax.amountCents - expected) > 1) {
      const text = `${amountField} ${formatCents(tax.amountCents)} differs from net value ${formatCents(line.netCents)} × ${row.ratePercent}% = ${formatCents(expected)}.`;
      issues.push(issue(AadeCode.TaxAmount, text, `${path}.${amountField}`, line.lineNo));
    }
  }
  return issues;
}

/** Σ of each tax over the lines. */
export function lineTaxTotals(lines: readonly ParsedLine[]) {
  const sum = (pick: (line: ParsedLine) => number) => lines.reduce((total, line) => total + pick(line), 0);
  return {
    withheldCents: sum((line) => taxesOf(line).withheld.amountCents),
    feesCents: sum((line) => taxesOf(line).fees.amountCents),
    stampDutyCents: sum((line) => taxesOf(line).stampDuty.amountCents),
    otherTaxesCents: sum((line) => taxesOf(line).otherTaxes.amountCents),
    deductionsCents: sum((line) => taxesOf(line).deductionsCents),
  };
}

/** The tax totals a document states must be the sums of its lines (an absent total is not checked). */
function summaryTaxIssues(doc: ParsedDocument): AadeIssue[] {
  const fromLines = lineTaxTotals(doc.lines);
  const fields = [
    ["withheldCents", "TotalWithheldAmount"], ["feesCents", "TotalFeesAmount"], ["stampDutyCents", "TotalStampDutyAmount"],
    ["otherTaxesCents", "TotalOtherTaxesAmount"], ["deductionsCents", "TotalDeductionsAmount"],
  ] as const;
  return fields.flatMap(([key, name]) => {
    const stated = (doc.summary[key] as number | null | undefined) ?? null;
    if (stated === null || stated === fromLines[key]) return [];
    return [issue(AadeCode.SummaryTaxes, `${name} ${formatCents(stated)} differs from the sum of the lines ${formatCents(fromLines[key])}.`, `Summaries.${name}`)];
  });
}

export function fiscalIssues(doc: ParsedDocument, now: Date = new Date()): AadeIssue[] {
  return [
    ...countryIssues(doc), ...counterpartIssues(doc), ...identityIssues(doc, now), ...vatCategoryIssues(doc),
    ...doc.lines.flatMap(lineTaxIssues), ...summaryTaxIssues(doc),
  ];
}
