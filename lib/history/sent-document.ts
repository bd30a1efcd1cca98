import { TAX_FAMILIES, type TaxFamily } from "@/lib/domain/fiscal-codes";
import { parseQuantity } from "@/lib/domain/parse-number";
import type { LineAmounts } from "@/lib/domain/types";
import { readCreditRequest } from "@/lib/provider/impact/read-document";
import { computeLenientTotals, lineAmountsOf, lineTaxesOf, paymentCentsOf } from "@/lib/validation/lenient-totals";
import type { EditableAddress, EditableDraft } from "@/lib/validation/draft-snapshot";

/**
 * A sent document read back for people: the parts of a composed 5.2 grouped as the compose
 * wizard groups them (from its stored draft, never from the wire format), or the fields of a
 * credit of an issued document. Amounts in cents. Pure; tolerant of anything odd.
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
  /** The line's taxes beyond VAT, with their amounts, and its payable amount; only on a line carrying some. */
  taxes?: { list: SentLineTax[]; payableCents: number };
}

/** One tax beyond VAT of a sent line: its family, its category (none for deductions), its amount. */
export interface SentLineTax {
  family: TaxFamily | "deductions";
  category: number | null;
  amountCents: number;
}

/** A document's totals of the taxes beyond VAT and its payable amount (myDATA's totalGrossValue). */
export interface SentTaxTotals {
  withheldCents: number;
  feesCents: number;
  stampDutyCents: number;
  otherTaxesCents: number;
  deductionsCents: number;
  payableCents: number;
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
      /** Only when some line carries a tax beyond VAT. */
      taxTotals?: SentTaxTotals;
      vatAnalysis: { vatCategory: number; percentage: number; underlyingCents: number; vatCents: number; exemption: number | null }[];
      reference: string | null;
      emails: string[];
    }
  | { kind: "credit_existing"; authenticationCode: string; mark: string; relateCredit: boolean; series: string; number: string };

/** A stored party as the panel shows it: the address on one line. */
function partyOf(party: { name: string; vat: string; address: EditableAddress }, emails: string[], branchCode: number | null): SentParty {
  const { street, city, postalCode, countryCode } = party.address;
  return { name: party.name, vat: party.vat, address: [street, city, postalCode, countryCode].filter(Boolean).join(", "), emails, branchCode };
}

const AMOUNT_OF: Record<TaxFamily, keyof LineAmounts> = { withheld: "withheldCents", fees: "feesCents", stampDuty: "stampDutyCents", otherTaxes: "otherTaxesCents" };

/** The taxes beyond VAT a line carries, with their amounts (as the server computes them); undefined on a plain line. */
function sentTaxesOf(line: EditableDraft["lines"][number], amounts: LineAmounts | null): SentLine["taxes"] {
  const taxes = lineTaxesOf(line);
  if (taxes === undefined) return undefined;
  const list: SentLineTax[] = [];
  for (const family of TAX_FAMILIES) {
    const tax = taxes[family];
    if (tax) list.push({ family, category: tax.category, amountCents: amounts === null ? 0 : amounts[AMOUNT_OF[family]] });
  }
  if (taxes.deductionsCents) list.push({ family: "deductions", category: null, amountCents: taxes.deductionsCents });
  return { list, payableCents: amounts?.payableCents ?? 0 };
}

/**
 * A composed document as the panel shows it, from its stored draft: every amount recomputed
 * from the draft with the domain's functions (integer cents, half-up per line, totals the sums
 * of the rounded lines), exactly as the payload's amounts were computed when it was built. A
 * line whose numbers cannot be read (a draft kept although today's rules refuse it) shows
 * zeros and is left out of the totals.
 */
export function sentDocumentOfDraft(draft: EditableDraft): SentDocument {
  const { totals } = computeLenientTotals(draft);
  const none = { netCents: 0, vatCents: 0, totalCents: 0, unitNetPriceCents: 0 };
  return {
    kind: "compose",
    issuer: partyOf(draft.issuer, [], draft.issuer.branchCode),
    counterparty: partyOf(draft.counterparty, draft.counterparty.emails, null),
    series: draft.series,
    number: draft.number,
    issuedAt: draft.issuedAt,
    lines: draft.lines.map((line, index) => {
      const computed = lineAmountsOf(line, draft.priceEntry);
      const amounts = computed ?? none;
      const quantity = parseQuantity(line.quantity);
      const taxes = sentTaxesOf(line, computed);
      return {
        lineNo: index + 1,
        description: line.description,
        quantity: quantity.ok ? quantity.value / 1000 : 0,
        unitCode: line.unitCode,
        unitNetCents: amounts.unitNetPriceCents,
        netCents: amounts.netCents,
        vatCents: amounts.vatCents,
        totalCents: amounts.totalCents,
        vatCategory: line.vatCategory,
        vatExemptionCategory: line.vatExemptionCategory,
        classification: [line.incomeClassification.category, line.incomeClassification.type ?? ""].filter(Boolean).join(" / "),
        ...(taxes === undefined ? {} : { taxes }),
      };
    }),
    payments: draft.payments.map((payment) => ({ methodCode: payment.methodCode, amountCents: paymentCentsOf(payment) })),
    totals: { netCents: totals.netCents, vatCents: totals.vatCents, grossCents: totals.grossCents },
    ...(draft.lines.some((line) => lineTaxesOf(line) !== undefined)
      ? { taxTotals: { withheldCents: totals.withheldCents, feesCents: totals.feesCents, stampDutyCents: totals.stampDutyCents, otherTaxesCents: totals.otherTaxesCents, deductionsCents: totals.deductionsCents, payableCents: totals.grossCents } }
      : {}),
    vatAnalysis: totals.vatAnalysis.map((row) => ({ vatCategory: row.vatCategory, percentage: row.ratePercent, underlyingCents: row.underlyingValueCents, vatCents: row.vatCents, exemption: row.vatExemptionCategory })),
    reference: draft.reference || null,
    emails: draft.emails,
  };
}

/**
 * What the "sent document" panel shows: a composed document from its stored draft (null
 * without one), a credit of an issued document from the fields it asked for (null when its
 * stored body is not JSON).
 */
export function readSentDocument(kind: "compose" | "credit_existing", stored: { payloadJson: string; draft: EditableDraft | null }): SentDocument | null {
  if (kind === "compose") return stored.draft === null ? null : sentDocumentOfDraft(stored.draft);
  const credit = readCreditRequest(stored.payloadJson);
  return credit === null ? null : { kind, ...credit };
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
