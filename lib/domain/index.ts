/** The pure, provider-neutral core: money, parsing, code lists and their labels, VAT numbers, line amounts, totals. */
export * from "./types";
export * from "./money";
export * from "./parse-number";
export * from "./codes";
export * from "./line-amounts";
export * from "./totals";
export * from "./vat-number";
export * from "./athens-time";
export * from "./search-text";
export { measurementUnitShortLabel, paymentMethodLabel } from "./code-labels";
