import { getPaymentMethod } from "./codes";

/**
 * Short Greek unit labels printed next to quantities. myDATA only reads MeasurementUnitCode;
 * the label is for the document's reader.
 */
const UNIT_SHORT_LABELS: Readonly<Record<number, string>> = {
  1: "ΤΕΜ",
  2: "ΚΙΛ",
  3: "ΛΙΤ",
  4: "ΜΕΤ",
  5: "Μ2",
  6: "Μ3",
  7: "ΛΟΙΠΑ",
};

/** Short Greek label of a myDATA measurement unit code ("ΤΕΜ" for 1), or "" for an unknown code. */
export function measurementUnitShortLabel(code: number): string {
  return UNIT_SHORT_LABELS[code] ?? "";
}

/** Greek label of a myDATA payment method code ("Μετρητά" for 3), or "" for an unknown code. */
export function paymentMethodLabel(code: number): string {
  return getPaymentMethod(code)?.nameEl ?? "";
}
