import { vatRatePercent } from "@/lib/domain/codes";
import { parseAmount, parsePercent, parseQuantity } from "@/lib/domain/parse-number";
import { computeLineAmounts, type LineAmountInput } from "@/lib/domain/line-amounts";
import { sumCents } from "@/lib/domain/money";
import { computeTotals } from "@/lib/domain/totals";
import type { Cents, DocumentTotals, LineAmounts, LineInput, PaymentInput, PriceEntry } from "@/lib/domain/types";
import type { ComposeLine, ComposePayment } from "./draft-snapshot";

/**
 * Totals of a draft that is still being typed, with the very functions the server uses
 * (`computeTotals`): lines whose numbers cannot be read yet are left out and reported, so the
 * panel shows what the finished lines add up to instead of nothing.
 */

/** The fields of a line its amounts depend on, as typed. */
export type LineAmountFields = Pick<ComposeLine, "quantity" | "unitPrice" | "discountPercent" | "vatCategory">;

/** A line's quantity, price, discount and VAT as the domain reads them, or null while any is unreadable. */
export function lineAmountInputOf(line: LineAmountFields): LineAmountInput | null {
  const quantity = parseQuantity(line.quantity);
  const price = parseAmount(line.unitPrice);
  const discount = parsePercent(line.discountPercent.trim() === "" ? "0" : line.discountPercent);
  if (!quantity.ok || !price.ok || !discount.ok || discount.value >= 10_000) return null;
  if (vatRatePercent(line.vatCategory) === null) return null;
  return { quantityMilli: quantity.value, unitPriceCents: price.value, discountBasisPoints: discount.value, vatCategory: line.vatCategory };
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
  grossCents: Cents;
  /** Σ payments − gross. */
  paymentDifferenceCents: Cents;
  /** 0-based indexes of the lines left out because they cannot be read yet. */
  unreadableLines: number[];
}

/**
 * A totals function for a panel that recomputes on every keystroke: each line's amounts are
 * remembered by the text they were computed from, so a keystroke computes one line, not all of
 * them. The figures are those of `computeLenientTotals` (sums of the rounded lines); the memory
 * keeps only the lines of the latest call.
 */
export function createPanelTotals(): (values: { priceEntry: PriceEntry; lines: readonly LineAmountFields[]; payments: readonly ComposePayment[] }) => PanelTotals {
  let remembered = new Map<string, LineAmounts | null>();
  return ({ priceEntry, lines, payments }) => {
    const next = new Map<string, LineAmounts | null>();
    const amounts: LineAmounts[] = [];
    const unreadableLines: number[] = [];
    lines.forEach((line, index) => {
      const key = `${priceEntry}\u0000${line.quantity}\u0000${line.unitPrice}\u0000${line.discountPercent}\u0000${line.vatCategory}`;
      let lineAmounts = next.get(key);
      if (lineAmounts === undefined) {
        lineAmounts = remembered.has(key) ? (remembered.get(key) ?? null) : lineAmountsOf(line, priceEntry);
        next.set(key, lineAmounts);
      }
      if (lineAmounts === null) unreadableLines.push(index);
      else amounts.push(lineAmounts);
    });
    remembered = next;
    const netCents = sumCents(amounts.map((a) => a.netCents));
    const vatCents = sumCents(amounts.map((a) => a.vatCents));
    const grossCents = netCents + vatCents;
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
