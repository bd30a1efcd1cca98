import { getTaxCategory, taxRateBasisPoints, type TaxFamily } from "./fiscal-codes";
import { roundHalfUpDiv, toSafeNumber } from "./money";
import type { Cents, LineTaxesInput, LineTaxInput } from "./types";

/** The amounts of a line's taxes beyond VAT, in cents (0 where the line carries none). */
export interface LineTaxAmounts {
  withheldCents: Cents;
  feesCents: Cents;
  stampDutyCents: Cents;
  otherTaxesCents: Cents;
  deductionsCents: Cents;
}

export const NO_LINE_TAXES: LineTaxAmounts = { withheldCents: 0, feesCents: 0, stampDutyCents: 0, otherTaxesCents: 0, deductionsCents: 0 };

/**
 * One tax of a line: a percentage category is half-up(net × rate), rounded once from the exact
 * product (1,2% stamp duty of 10,05 → 0,12); an amount category is the amount typed on the line.
 * @throws RangeError for an unknown category or an amount category without its amount
 * (validation refuses both before this is called).
 */
export function taxAmountCents(family: TaxFamily, tax: LineTaxInput, netCents: Cents): Cents {
  const category = getTaxCategory(family, tax.category);
  if (!category) throw new RangeError(`${family} category ${tax.category} is unknown`);
  const basisPoints = taxRateBasisPoints(category);
  if (basisPoints !== null) return toSafeNumber(roundHalfUpDiv(BigInt(netCents) * BigInt(basisPoints), 10_000n));
  if (tax.amountCents === null || !Number.isSafeInteger(tax.amountCents) || tax.amountCents < 0) {
    throw new RangeError(`${family} category ${tax.category} is an amount and needs one`);
  }
  return tax.amountCents;
}

/** The taxes beyond VAT of a line whose net is `netCents`. */
export function computeLineTaxes(taxes: LineTaxesInput | undefined, netCents: Cents): LineTaxAmounts {
  if (taxes === undefined) return NO_LINE_TAXES;
  const of = (family: TaxFamily, tax: LineTaxInput | null | undefined) => (tax ? taxAmountCents(family, tax, netCents) : 0);
  return {
    withheldCents: of("withheld", taxes.withheld),
    feesCents: of("fees", taxes.fees),
    stampDutyCents: of("stampDuty", taxes.stampDuty),
    otherTaxesCents: of("otherTaxes", taxes.otherTaxes),
    deductionsCents: taxes.deductionsCents ?? 0,
  };
}

/**
 * myDATA's gross value: net + VAT − withheld + fees + stamp duty + other taxes − deductions (the
 * InvoicesDoc totalGrossValue; with no taxes beyond VAT it is net + VAT).
 */
export function grossOf(netCents: Cents, vatCents: Cents, taxes: LineTaxAmounts): Cents {
  return netCents + vatCents - taxes.withheldCents + taxes.feesCents + taxes.stampDutyCents + taxes.otherTaxesCents - taxes.deductionsCents;
}
