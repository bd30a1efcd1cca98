import { vatRatePercent } from "@/lib/domain/codes";
import { parseAmount, parsePercent, parseQuantity } from "@/lib/domain/parse-number";
import { computeTotals } from "@/lib/domain/totals";
import type { Cents, DocumentTotals, LineInput, PaymentInput, PriceEntry } from "@/lib/domain/types";
import type { ComposeLine, ComposePayment } from "./draft-snapshot";

/**
 * Totals of a draft that is still being typed, with the very functions the server uses
 * (`computeTotals`): lines whose numbers cannot be read yet are left out and reported, so the
 * panel shows what the finished lines add up to instead of nothing.
 */

/** The line as the domain reads it, or null while its quantity, price, discount or VAT are unreadable. */
export function lineInputOf(line: ComposeLine): LineInput | null {
  const quantity = parseQuantity(line.quantity);
  const price = parseAmount(line.unitPrice);
  const discount = parsePercent(line.discountPercent.trim() === "" ? "0" : line.discountPercent);
  if (!quantity.ok || !price.ok || !discount.ok || discount.value >= 10_000) return null;
  if (vatRatePercent(line.vatCategory) === null) return null;
  return {
    description: line.description,
    quantityMilli: quantity.value,
    unitCode: line.unitCode,
    unitPriceCents: price.value,
    discountBasisPoints: discount.value,
    vatCategory: line.vatCategory,
    vatExemptionCategory: line.vatExemptionCategory,
    incomeClassification: { category: line.incomeClassification.category, type: line.incomeClassification.type },
  };
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

/**
 * What is left to pay for one payment row: gross − the other rows (never below 0), in cents.
 * The "rest" button writes it into that row.
 */
export function restOfPayment(grossCents: Cents, payments: readonly ComposePayment[], index: number): Cents {
  const others = payments.reduce((sum, payment, i) => (i === index ? sum : sum + paymentCentsOf(payment)), 0);
  return Math.max(0, grossCents - others);
}
