import { vatRatePercent } from "@/lib/domain/codes";
import { getTaxCategory, TAX_FAMILIES } from "@/lib/domain/fiscal-codes";
import { parseAmount, parsePercent, parseQuantity } from "@/lib/domain/parse-number";
import { computeLineAmounts, type LineAmountInput } from "@/lib/domain/line-amounts";
import { sumCents } from "@/lib/domain/money";
import { computeTotals } from "@/lib/domain/totals";
import type { Cents, DocumentTotals, LineAmounts, LineInput, LineTaxesInput, PaymentInput, PriceEntry } from "@/lib/domain/types";
import type { ComposeLine, ComposePayment } from "./draft-snapshot";

/**
 * Totals of a draft that is still being typed, with the very functions the server uses
 * (`computeTotals`): lines whose numbers cannot be read yet are left out and reported, so the
 * panel shows what the finished lines add up to instead of nothing.
 */

/** The draft's fields of a line's taxes beyond VAT, as typed. */
const TAX_FIELD_NAMES = [
  "withheldCategory", "withheldAmount", "feesCategory", "feesAmount", "stampDutyCategory", "stampDutyAmount",
  "otherTaxesCategory", "otherTaxesAmount", "deductionsAmount",
] as const satisfies readonly (keyof ComposeLine)[];

/** The fields of a line its amounts depend on, as typed (the taxes beyond VAT are optional). */
export type LineAmountFields = Pick<ComposeLine, "quantity" | "unitPrice" | "discountPercent" | "vatCategory">
  & Partial<Pick<ComposeLine, (typeof TAX_FIELD_NAMES)[number]>>;

/** A text that changes whenever one of a line's tax fields does (what the panel remembers). */
function taxKeyOf(line: LineAmountFields): string {
  return TAX_FIELD_NAMES.map((name) => line[name] ?? "").join("|");
}

/**
 * The taxes beyond VAT of a line being typed, as the server would read them; a tax whose
 * category is unknown, or whose amount category has no readable amount yet, is left out.
 */
export function lineTaxesOf(line: LineAmountFields): LineTaxesInput | undefined {
  const taxes: LineTaxesInput = {};
  for (const family of TAX_FAMILIES) {
    const code = line[`${family}Category`];
    const category = code === null || code === undefined ? undefined : getTaxCategory(family, code);
    if (!category) continue;
    if (category.kind === "percent") taxes[family] = { category: category.code, amountCents: null };
    else {
      const amount = parseAmount(line[`${family}Amount`] ?? "");
      if (amount.ok && amount.value > 0) taxes[family] = { category: category.code, amountCents: amount.value };
    }
  }
  const deductions = parseAmount(line.deductionsAmount ?? "");
  if (deductions.ok && deductions.value > 0) taxes.deductionsCents = deductions.value;
  return Object.keys(taxes).length > 0 ? taxes : undefined;
}

/** A line's quantity, price, discount and VAT as the domain reads them, or null while any is unreadable. */
export function lineAmountInputOf(line: LineAmountFields): LineAmountInput | null {
  const quantity = parseQuantity(line.quantity);
  const price = parseAmount(line.unitPrice);
  const discount = parsePercent(line.discountPercent.trim() === "" ? "0" : line.discountPercent);
  if (!quantity.ok || !price.ok || !discount.ok || discount.value >= 10_000) return null;
  if (vatRatePercent(line.vatCategory) === null) return null;
  const taxes = lineTaxesOf(line);
  return {
    quantityMilli: quantity.value, unitPriceCents: price.value, discountBasisPoints: discount.value, vatCategory: line.vatCategory,
    ...(taxes === undefined ? {} : { taxes }),
  };
}

/** The line as the domain reads it, or null while its quantity, price, discount or VAT are unreadable. */
export function lineInputOf(line: ComposeLine): LineInput | null {
  const numbers = lineAmountInputOf(line);
  if (numbers === null) return null;
  return {
    ...numbers,
    description: line.description,
    unitCode: line.unitCode,
    vatExemptionCategory: line.vatExemptionCategory,
    incomeClassification: { category: line.incomeClassification.category, type: line.incomeClassification.type },
  };
}

/** One line's net, VAT and total (the server's `computeLineAmounts`), or null while the line is unreadable. */
export function lineAmountsOf(line: LineAmountFields, priceEntry: PriceEntry): LineAmounts | null {
  const numbers = lineAmountInputOf(line);
  return numbers === null ? null : computeLineAmounts(numbers, priceEntry);
}

/** A payment amount in cents, 0 while it cannot be read. */
export function paymentCentsOf(payment: ComposePayment): Cents {
  const amount = parseAmount(payment.amount);
  return amount.ok ? amount.value : 0;
}

export interface LenientTotals {
  totals: DocumentTotals;
  /** 0-based indexes of the lines left out because they cannot be read yet. */
  unreadableLines: number[];
}

/** Totals over the readable lines; payments that cannot be read count as 0. */
export function computeLenientTotals(values: { priceEntry: PriceEntry; lines: readonly ComposeLine[]; payments: readonly ComposePayment[] }): LenientTotals {
  const lines: LineInput[] = [];
  const unreadableLines: number[] = [];
  values.lines.forEach((line, index) => {
    const input = lineInputOf(line);
    if (input === null) unreadableLines.push(index);
    else lines.push(input);
  });
  const payments: PaymentInput[] = values.payments.map((payment) => ({ methodCode: payment.methodCode, amountCents: paymentCentsOf(payment) }));
  return { totals: computeTotals({ priceEntry: values.priceEntry, lines, payments }), unreadableLines };
}

/** What the always-visible totals panel shows. */
export interface PanelTotals {
  netCents: Cents;
  vatCents: Cents;
  /** myDATA's gross (payable) value: net + VAT ∓ the taxes beyond VAT. */
  grossCents: Cents;
  /** Σ payments − gross. */
  paymentDifferenceCents: Cents;
  /** 0-based indexes of the lines left out because they cannot be read yet. */
  unreadableLines: number[];
}

/** What a line's amounts were computed from, and what they came to (see createPanelTotals). */
interface RememberedLine {
  priceEntry: PriceEntry;
  quantity: string;
  unitPrice: string;
  discountPercent: string;
  vatCategory: LineAmountFields["vatCategory"];
  taxKey: string;
  amounts: LineAmounts | null;
}

/**
 * A totals function for a panel that recomputes on every keystroke: each line's amounts are
 * remembered with the four fields (and the price entry) they were computed from, by position, so
 * a keystroke computes one line, not all of them, and compares the others field by field without
 * building anything. A line moved or inserted is computed again at its new place. The figures are
 * those of `computeLenientTotals` (sums of the rounded lines); the memory keeps only the lines of
 * the latest call.
 */
export function createPanelTotals(): (values: { priceEntry: PriceEntry; lines: readonly LineAmountFields[]; payments: readonly ComposePayment[] }) => PanelTotals {
  let remembered: RememberedLine[] = [];
  return ({ priceEntry, lines, payments }) => {
    const next: RememberedLine[] = new Array<RememberedLine>(lines.length);
    const unreadableLines: number[] = [];
    let netCents = 0;
    let vatCents = 0;
    let grossCents = 0;
    lines.forEach((line, index) => {
      const before = remembered[index];
      const taxKey = taxKeyOf(line);
      const same = before !== undefined && before.priceEntry === priceEntry && before.quantity === line.quantity && before.unitPrice === line.unitPrice
        && before.discountPercent === line.discountPercent && before.vatCategory === line.vatCategory && before.taxKey === taxKey;
      const entry: RememberedLine = same ? before : {
        priceEntry, quantity: line.quantity, unitPrice: line.unitPrice, discountPercent: line.discountPercent, vatCategory: line.vatCategory,
        taxKey, amounts: lineAmountsOf(line, priceEntry),
      };
      next[index] = entry;
      if (entry.amounts === null) unreadableLines.push(index);
      else {
        netCents += entry.amounts.netCents;
        vatCents += entry.amounts.vatCents;
        grossCents += entry.amounts.payableCents;
      }
    });
    remembered = next;
    const paidCents = sumCents(payments.map(paymentCentsOf));
    return { netCents, vatCents, grossCents, paymentDifferenceCents: paidCents - grossCents, unreadableLines };
  };
}

/**
 * What is left to pay for one payment row: gross − the other rows (never below 0), in cents.
 * The "rest" button writes it into that row.
 */
export function restOfPayment(grossCents: Cents, payments: readonly ComposePayment[], index: number): Cents {
  const others = payments.reduce((sum, payment, i) => (i === index ? sum : sum + paymentCentsOf(payment)), 0);
  return Math.max(0, grossCents - others);
}
