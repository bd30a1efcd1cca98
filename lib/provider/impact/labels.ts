/** Labels Impact's document carries beside myDATA's codes, in the style of the provider's own samples. */

/** VAT rate label in the sample's style: 24 → "24.0", 0 → "0.0". */
export function vatCategoryLabel(ratePercent: number): string {
  return Number.isInteger(ratePercent) ? `${ratePercent}.0` : String(ratePercent);
}

/** Country name the sample writes in addresses: "ΕΛΛΑΔΑ" for GR; other countries send only the code. */
export function addressCountryName(countryCode: string): string | undefined {
  return countryCode.trim().toUpperCase() === "GR" ? "ΕΛΛΑΔΑ" : undefined;
}
