import { editableDraftOf } from "@/lib/domain/editable-draft";
import { scaledFromDecimalText } from "@/lib/domain/decimal-text";
import { computeLineAmounts } from "@/lib/domain/line-amounts";
import { getTaxCategory, type TaxFamily } from "@/lib/domain/fiscal-codes";
import type { CreditNoteInput, DocumentIdentity, LineInput, LineTaxesInput, PartyAddress, PriceEntry } from "@/lib/domain/types";

/**
 * Stored request bodies read back into provider-neutral values: a composed document
 * (`POST /Invoice/json`) into the credit note it was built from, a credit of an issued document
 * into its fields. Only the one-time backfill of stored drafts (lib/db/migrations/005) and the
 * credit panel of the detail page read these bodies; everything else reads the stored draft.
 * Pure; never throws on odd input (missing parts read as empty values, unreadable numbers as 0).
 */

type Json = Record<string, unknown>;

const obj = (value: unknown): Json => (typeof value === "object" && value !== null && !Array.isArray(value) ? (value as Json) : {});
const text = (value: unknown): string => (typeof value === "string" ? value : typeof value === "number" ? String(value) : "");
const list = (value: unknown): unknown[] => (Array.isArray(value) ? value : []);
/** A provider number scaled exactly (2 decimals → cents, 3 → thousandths), 0 when unreadable. */
const scaled = (value: unknown, scale: number): number => scaledFromDecimalText(value, scale) ?? 0;
const cents = (value: unknown): number => scaled(value, 2);
const code = (value: unknown): number => scaled(value, 0);

function addressOf(value: unknown): PartyAddress {
  const address = obj(value);
  return { countryCode: text(address.CountryCode), city: text(address.City), street: text(address.Street), postalCode: text(address.Postal) };
}

/** The provider fields of each family of taxes beyond VAT (impact-api.md §8.3). */
const TAX_FIELDS: readonly [TaxFamily, string, string][] = [
  ["withheld", "WithheldAmount", "WithheldPercentCategoryCode"],
  ["fees", "FeesAmount", "FeesPercentCategoryCode"],
  ["stampDuty", "StampDutyAmount", "StampDutyPercentCategoryCode"],
  ["otherTaxes", "OtherTaxesAmount", "OtherTaxesPercentCategoryCode"],
];

/**
 * A line's taxes beyond VAT read back: each family whose category the line carries, with the
 * amount kept only for an amount category (a percentage category's amount is computed from the
 * net again), and the deductions. Undefined when the line carries none, as on a plain line.
 */
function taxesOf(detail: Json): LineTaxesInput | undefined {
  const taxes: LineTaxesInput = {};
  for (const [family, amountField, categoryField] of TAX_FIELDS) {
    if (detail[categoryField] === undefined) continue;
    const category = code(detail[categoryField]);
    const known = getTaxCategory(family, category);
    taxes[family] = { category, amountCents: known?.kind === "percent" ? null : cents(detail[amountField]) };
  }
  const deductions = cents(detail.DeductionsAmount);
  if (deductions > 0) taxes.deductionsCents = deductions;
  return Object.keys(taxes).length > 0 ? taxes : undefined;
}

/** A provider line read back as typed with `entry` prices and the discount that gives its net; `exact` when every amount comes out the same. */
function lineFor(detail: Json, entry: PriceEntry): { line: LineInput; exact: boolean } {
  const classification = obj(detail.IncomeClassification);
  const taxes = taxesOf(detail);
  const base: Omit<LineInput, "discountBasisPoints"> = {
    description: text(list(detail.Descriptions)[0]),
    quantityMilli: scaled(detail.Quantity, 3),
    unitCode: code(detail.MeasurementUnitCode) || 1,
    unitPriceCents: cents(entry === "net" ? detail.UnitPrice : detail.CatalogUnitPrice),
    vatCategory: code(detail.VatCategoryCode),
    vatExemptionCategory: detail.VatExemptionCategoryCode === undefined ? null : code(detail.VatExemptionCategoryCode),
    incomeClassification: { category: text(classification.ClassificationCategoryCode), type: classification.ClassificationTypeCode === undefined ? null : text(classification.ClassificationTypeCode) },
    ...(taxes === undefined ? {} : { taxes }),
  };
  const netCents = cents(detail.NetTotal);
  const amountsAt = (discountBasisPoints: number) => {
    try {
      return computeLineAmounts({ ...base, discountBasisPoints }, entry);
    } catch {
      return null;
    }
  };
  // Net entry: the discount that gives the net. Gross entry gives back the typed line gross, so
  // the discount is the one that gives the line total (net + VAT), whatever the VAT's rounding.
  const discountBasisPoints = entry === "net"
    ? discountFor(netCents, (bp) => amountsAt(bp)?.netCents ?? null)
    : discountFor(cents(detail.Total), (bp) => amountsAt(bp)?.totalCents ?? null);
  const amounts = discountBasisPoints === null ? null : amountsAt(discountBasisPoints);
  // Every amount the line carries must come out the same, so that resending rebuilds the same document.
  const exact = amounts !== null && amounts.netCents === netCents && amounts.vatCents === cents(detail.VATTotal) && amounts.catalogNetCents === cents(detail.CatalogNetTotal) &&
    amounts.unitNetPriceCents === cents(detail.UnitPrice) && amounts.unitGrossPriceCents === cents(detail.CatalogUnitPrice);
  return { line: { ...base, discountBasisPoints: discountBasisPoints ?? 0 }, exact };
}

/**
 * The discount (basis points) that gives a line its net, preferring a whole percent. The line's
 * net never grows as the discount does, so the discounts giving `target` form one range, found by
 * two binary searches; null when no discount gives it.
 */
function discountFor(target: number, netAt: (bp: number) => number | null): number | null {
  const MAX = 9_999;
  const search = (isRight: (net: number) => boolean): number => {
    let low = 0;
    let high = MAX + 1;
    while (low < high) {
      const mid = (low + high) >> 1;
      const net = netAt(mid);
      if (net === null) return -1;
      if (isRight(net)) high = mid;
      else low = mid + 1;
    }
    return low;
  };
  const first = search((net) => net <= target);
  const last = search((net) => net < target) - 1;
  if (first < 0 || first > MAX || first > last || netAt(first) !== target) return null;
  const whole = Math.ceil(first / 100) * 100;
  return whole <= last ? whole : first;
}

/**
 * The credit note a composed provider document was built from, and its identity. Prices come
 * back the way they were typed: net when every line's net and VAT are reproduced from the net
 * unit price, else gross (then the gross unit price reproduces them); discounts are found the
 * same way. A line that neither reproduces keeps its unit price and nearest whole-percent
 * discount; the server recomputes every amount on resend anyway. Amounts are read from the
 * numbers' decimal text, never through float arithmetic.
 */
export function readComposedDocument(payload: unknown): { input: CreditNoteInput; identity: Pick<DocumentIdentity, "series" | "number" | "issuedAt"> } {
  const doc = obj(payload);
  const issuer = obj(doc.Issuer);
  const party = obj(doc.CounterParty);
  const details = list(doc.Details).map(obj);
  const net = details.map((detail) => lineFor(detail, "net"));
  const gross = details.map((detail) => lineFor(detail, "gross"));
  const priceEntry: PriceEntry = net.every((read) => read.exact) || !gross.every((read) => read.exact) ? "net" : "gross";
  const reference = text(obj(doc.MiscellaneousData).PurchaseOrderNumber);
  return {
    input: {
      issuer: { vat: text(issuer.Vat), name: text(issuer.RegisteredName), branchCode: code(issuer.BranchCode), address: addressOf(issuer.Address) },
      counterparty: {
        name: text(party.RegisteredName),
        vat: text(party.Vat),
        ...(party.Code === undefined ? {} : { code: text(party.Code) }),
        address: addressOf(party.Address),
        emails: list(party.Emails).map(text),
      },
      priceEntry,
      lines: (priceEntry === "net" ? net : gross).map((read) => read.line),
      payments: list(obj(doc.PaymentDetails).PaymentMethods).map(obj).map((method) => ({ methodCode: code(method.PaymentMethodTypeCode), amountCents: cents(method.Amount) })),
      emails: list(obj(doc.AdditionalDetails).AccountingDepartmentEmails).map(text),
      ...(obj(doc.AdditionalDetails).SendAsPdf === true ? { sendPdf: true } : {}),
      ...(reference === "" ? {} : { reference }),
    },
    identity: { series: text(doc.Series), number: text(doc.Number), issuedAt: text(doc.DateIssued) },
  };
}

/** The draft (in the compose form's editable text) a composed provider document was built from; see `readComposedDocument`. */
export function editableDraftOfDocument(payload: unknown): ReturnType<typeof editableDraftOf> {
  const { input, identity } = readComposedDocument(payload);
  return editableDraftOf(input, identity);
}

/** What a credit of an issued document asked for (its stored `creditExisting` body); null when the text is not JSON. */
export function readCreditRequest(payloadJson: string): { authenticationCode: string; mark: string; relateCredit: boolean; series: string; number: string } | null {
  let payload: unknown;
  try {
    payload = JSON.parse(payloadJson);
  } catch {
    return null;
  }
  const doc = obj(payload);
  return { authenticationCode: text(doc.authenticationCode), mark: text(doc.mark), relateCredit: doc.relateCredit === true, series: text(doc.series), number: text(doc.number) };
}
