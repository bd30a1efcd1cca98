import { vatRatePercent } from "./codes";
import { computeLineTaxes, grossOf } from "./line-taxes";
import { roundHalfUpDiv, toSafeNumber } from "./money";
import type { Cents, LineAmounts, LineInput, PriceEntry } from "./types";

/** What a line's amounts depend on: its quantity, price, discount and VAT category. */
export type LineAmountInput = Pick<LineInput, "quantityMilli" | "unitPriceCents" | "discountBasisPoints" | "vatCategory" | "taxes">;

const MILLI = 1000n;
const FULL_BASIS_POINTS = 10_000n;

/**
 * VAT of a net amount: half-up(net × rate / 100), in cents. Every Greek rate is a whole
 * percent, so the product is exact.
 */
export function vatOfNet(netCents: Cents, ratePercent: number): Cents {
  return toSafeNumber(roundHalfUpDiv(BigInt(netCents) * BigInt(ratePercent), 100n));
}

/**
 * The net and VAT of a typed line gross: net + VAT always equals `grossCents`.
 *
 * total(n) = n + half-up(n × rate / 100) grows by 1 or 2 cents for each cent of net (rate ≤
 * 100), so at most one net reproduces a gross with VAT = half-up(net × rate); when one does, it
 * is taken (7.99 at 24% → 6.44 + 1.55). When none does (the total jumps from gross − 1 to
 * gross + 1, e.g. 10.00 at 24%), net = half-up(gross × 100 / (100 + rate)) and VAT = gross − net,
 * which lies within 1 cent of net × rate; `vatAdjustmentCents` = VAT − half-up(net × rate) says by
 * how much (±1), so the line can be marked.
 */
export function netFromGross(grossCents: Cents, ratePercent: number): { netCents: Cents; vatCents: Cents; vatAdjustmentCents: Cents } {
  const total = (net: number) => net + vatOfNet(net, ratePercent);
  let net = toSafeNumber((BigInt(grossCents) * 100n) / BigInt(100 + ratePercent));
  // Walk to the largest net whose total does not exceed the gross; a step or two at most.
  while (net > 0 && total(net) > grossCents) net -= 1;
  while (total(net + 1) <= grossCents) net += 1;
  if (total(net) === grossCents) return { netCents: net, vatCents: vatOfNet(net, ratePercent), vatAdjustmentCents: 0 };
  const netCents = toSafeNumber(roundHalfUpDiv(BigInt(grossCents) * 100n, BigInt(100 + ratePercent)));
  const vatCents = grossCents - netCents;
  return { netCents, vatCents, vatAdjustmentCents: vatCents - vatOfNet(netCents, ratePercent) };
}

function assertLine(line: LineAmountInput): number {
  if (!Number.isSafeInteger(line.quantityMilli) || line.quantityMilli <= 0) {
    throw new RangeError("quantityMilli must be a positive integer");
  }
  if (!Number.isSafeInteger(line.unitPriceCents) || line.unitPriceCents < 0) {
    throw new RangeError("unitPriceCents must be a non-negative integer");
  }
  if (!Number.isInteger(line.discountBasisPoints) || line.discountBasisPoints < 0 || line.discountBasisPoints > 10_000) {
    throw new RangeError("discountBasisPoints must be an integer from 0 to 10000");
  }
  const rate = vatRatePercent(line.vatCategory);
  if (rate === null) throw new RangeError(`VAT category ${line.vatCategory} has no rate and cannot carry a credit-note line`);
  return rate;
}

/** half-up(quantityMilli × unitPrice × (10000 − discount) / (1000 × 10000)): one rounding, no intermediate. */
function discountedLineCents(line: LineAmountInput): Cents {
  const exact = BigInt(line.quantityMilli) * BigInt(line.unitPriceCents) * (FULL_BASIS_POINTS - BigInt(line.discountBasisPoints));
  return toSafeNumber(roundHalfUpDiv(exact, MILLI * FULL_BASIS_POINTS));
}

/** half-up(quantityMilli × unitPrice / 1000): the line before its discount. */
function undiscountedLineCents(line: LineAmountInput): Cents {
  return toSafeNumber(roundHalfUpDiv(BigInt(line.quantityMilli) * BigInt(line.unitPriceCents), MILLI));
}

/**
 * Amounts of one credit-note line, all in integer cents, rounded half up once each.
 *
 * Net entry (unit price typed without VAT): net = half-up(qty × price × (1 − discount)) from the
 * exact product; VAT = half-up(net × rate); total = net + VAT; gross unit price =
 * half-up(price × (100 + rate) / 100).
 *
 * Gross entry (unit price typed with VAT): the typed line gross = half-up(qty × price × (1 −
 * discount)); net and VAT = `netFromGross` of it, so net + VAT always equals the typed gross
 * (7.99 at 24% → 6.44 + 1.55; 10.00 at 24% → 8.06 + 1.94, `vatAdjustmentCents` 1).
 * Net unit price = half-up(price × 100 / (100 + rate)); catalog net = `netFromGross` of the
 * undiscounted gross.
 *
 * Rate 0 (category 7): VAT 0 and net = gross.
 *
 * Taxes beyond VAT (`line.taxes`, see line-taxes.ts) are computed on the line net; `payableCents`
 * is myDATA's line gross, net + VAT − withheld + fees + stamp duty + other taxes − deductions.
 * @throws RangeError for a non-positive quantity, negative price, discount outside 0–10000, or a
 * VAT category without a rate (8 or unknown). Validation refuses those before this is called.
 */
export function computeLineAmounts(line: LineAmountInput, priceEntry: PriceEntry): LineAmounts {
  const amounts = computeVatAmounts(line, priceEntry);
  const taxes = computeLineTaxes(line.taxes, amounts.netCents);
  return { ...amounts, ...taxes, payableCents: grossOf(amounts.netCents, amounts.vatCents, taxes) };
}

type VatAmounts = Omit<LineAmounts, "withheldCents" | "feesCents" | "stampDutyCents" | "otherTaxesCents" | "deductionsCents" | "payableCents">;

function computeVatAmounts(line: LineAmountInput, priceEntry: PriceEntry): VatAmounts {
  const rate = assertLine(line);
  if (priceEntry === "net") {
    const netCents = discountedLineCents(line);
    const vatCents = vatOfNet(netCents, rate);
    return {
      catalogNetCents: undiscountedLineCents(line),
      netCents,
      vatCents,
      totalCents: netCents + vatCents,
      unitNetPriceCents: line.unitPriceCents,
      unitGrossPriceCents: toSafeNumber(roundHalfUpDiv(BigInt(line.unitPriceCents) * BigInt(100 + rate), 100n)),
      vatAdjustmentCents: 0,
    };
  }
  const { netCents, vatCents, vatAdjustmentCents } = netFromGross(discountedLineCents(line), rate);
  return {
    catalogNetCents: netFromGross(undiscountedLineCents(line), rate).netCents,
    netCents,
    vatCents,
    totalCents: netCents + vatCents,
    unitNetPriceCents: toSafeNumber(roundHalfUpDiv(BigInt(line.unitPriceCents) * 100n, BigInt(100 + rate))),
    unitGrossPriceCents: line.unitPriceCents,
    vatAdjustmentCents,
  };
}
