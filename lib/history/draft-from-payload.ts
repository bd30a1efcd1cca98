import { computeLineAmounts } from "@/lib/domain/line-amounts";
import { scaledToDecimalString } from "@/lib/domain/money";
import type { LineInput, PriceEntry } from "@/lib/domain/types";
import type { EditableDraft as EditableDraftValues } from "@/lib/validation/draft-snapshot";
import type { LineValues } from "@/lib/validation/line";

/**
 * A draft as Fix & resend edits it and `POST /api/transmissions/{id}/fix` takes it (PRODUCT.md
 * "Draft"): amounts and quantities as decimal strings written the Greek way ("7,99"). The shapes
 * are the shared schemas' (lib/validation); these names stay for the code that reads drafts back.
 */
export type EditableDraft = EditableDraftValues;
export type EditableLine = LineValues;
export type EditableAddress = EditableDraft["counterparty"]["address"];

type Json = Record<string, unknown>;

const obj = (value: unknown): Json => (typeof value === "object" && value !== null && !Array.isArray(value) ? (value as Json) : {});
const text = (value: unknown): string => (typeof value === "string" ? value : typeof value === "number" ? String(value) : "");
const num = (value: unknown): number => (typeof value === "number" && Number.isFinite(value) ? value : Number(text(value)) || 0);
const list = (value: unknown): unknown[] => (Array.isArray(value) ? value : []);
/** A 2-decimal provider amount as integer cents. */
const cents = (value: unknown): number => Math.round(num(value) * 100);
/** Greek decimal comma, no grouping: what the draft parser reads unambiguously. */
const greek = (scaled: number, scale: number): string => scaledToDecimalString(scaled, scale).replace(/\.?0+$/, "").replace(".", ",") || "0";

function addressOf(value: unknown): EditableAddress {
  const address = obj(value);
  return { countryCode: text(address.CountryCode), city: text(address.City), street: text(address.Street), postalCode: text(address.Postal) };
}

/** A provider line read back as typed with `entry` prices and the discount that gives its net; `exact` when every amount comes out the same. */
function lineFor(detail: Json, entry: PriceEntry): { line: LineInput; exact: boolean } {
  const classification = obj(detail.IncomeClassification);
  const base = {
    description: text(list(detail.Descriptions)[0]),
    quantityMilli: Math.round(num(detail.Quantity) * 1000),
    unitCode: num(detail.MeasurementUnitCode) || 1,
    unitPriceCents: cents(entry === "net" ? detail.UnitPrice : detail.CatalogUnitPrice),
    vatCategory: num(detail.VatCategoryCode),
    vatExemptionCategory: detail.VatExemptionCategoryCode === undefined ? null : num(detail.VatExemptionCategoryCode),
    incomeClassification: { category: text(classification.ClassificationCategoryCode), type: classification.ClassificationTypeCode === undefined ? null : text(classification.ClassificationTypeCode) },
  };
  const netCents = cents(detail.NetTotal);
  const vatCents = cents(detail.VATTotal);
  const catalogNet = cents(detail.CatalogNetTotal);
  const unitNet = cents(detail.UnitPrice);
  const unitGross = cents(detail.CatalogUnitPrice);
  const amountsAt = (discountBasisPoints: number) => {
    try {
      return computeLineAmounts({ ...base, discountBasisPoints }, entry);
    } catch {
      return null;
    }
  };
  const discountBasisPoints = discountFor(netCents, (bp) => amountsAt(bp)?.netCents ?? null);
  const amounts = discountBasisPoints === null ? null : amountsAt(discountBasisPoints);
  // Every amount the line carries must come out the same, so that resending rebuilds the same document.
  const exact = amounts !== null && amounts.netCents === netCents && amounts.vatCents === vatCents && amounts.catalogNetCents === catalogNet &&
    amounts.unitNetPriceCents === unitNet && amounts.unitGrossPriceCents === unitGross;
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

function editableLine(line: LineInput): EditableLine {
  return {
    description: line.description,
    quantity: greek(line.quantityMilli, 3),
    unitCode: line.unitCode,
    unitPrice: greek(line.unitPriceCents, 2),
    discountPercent: greek(line.discountBasisPoints, 2),
    vatCategory: line.vatCategory,
    vatExemptionCategory: line.vatExemptionCategory,
    incomeClassification: line.incomeClassification,
  };
}

/**
 * The draft a stored provider document (`POST /Invoice/json` body) was built from, so that a
 * document can be fixed or copied when its original draft is gone. Prices come back the way they
 * were typed: net when every line's net and VAT are reproduced from the net unit price, else
 * gross (then the gross unit price reproduces them); discounts are found the same way. A line
 * that neither reproduces keeps its unit price and nearest whole-percent discount; the server
 * recomputes every amount on resend anyway.
 * Pure; never throws on odd input (missing parts become empty values the draft schema reports).
 */
export function draftFromPayload(payload: unknown): EditableDraft {
  const doc = obj(payload);
  const issuer = obj(doc.Issuer);
  const party = obj(doc.CounterParty);
  const details = list(doc.Details).map(obj);
  const net = details.map((detail) => lineFor(detail, "net"));
  const gross = details.map((detail) => lineFor(detail, "gross"));
  const priceEntry: PriceEntry = net.every((read) => read.exact) || !gross.every((read) => read.exact) ? "net" : "gross";
  const lines = (priceEntry === "net" ? net : gross).map((read) => read.line);
  const reference = text(obj(doc.MiscellaneousData).PurchaseOrderNumber);
  return {
    issuer: { vat: text(issuer.Vat), name: text(issuer.RegisteredName), branchCode: num(issuer.BranchCode), address: addressOf(issuer.Address) },
    series: text(doc.Series),
    number: text(doc.Number),
    issuedAt: text(doc.DateIssued),
    counterparty: {
      name: text(party.RegisteredName),
      vat: text(party.Vat),
      code: text(party.Code),
      address: addressOf(party.Address),
      emails: list(party.Emails).map(text),
    },
    priceEntry,
    lines: lines.map(editableLine),
    payments: list(obj(doc.PaymentDetails).PaymentMethods).map(obj).map((method) => ({ methodCode: num(method.PaymentMethodTypeCode), amount: greek(cents(method.Amount), 2) })),
    emails: list(obj(doc.AdditionalDetails).AccountingDepartmentEmails).map(text),
    reference,
    notes: "",
  };
}
