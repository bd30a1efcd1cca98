/** The pure core: money, parsing, code lists, VAT numbers, line amounts, totals and the provider document. */
export * from "./types";
export * from "./money";
export * from "./parse-number";
export * from "./codes";
export * from "./line-amounts";
export * from "./totals";
export * from "./vat-number";
export * from "./athens-time";
export * from "./document";
export * from "./document-types";
export { measurementUnitShortLabel, paymentMethodLabel, vatCategoryLabel } from "./provider-labels";
