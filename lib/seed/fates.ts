import type { DocumentStatus } from "@/lib/db/schema";

/** Rejections as the provider and myDATA word them, each naming the field it concerns. */
export const REJECTIONS: { isAade: boolean; errors: { code: string; message: string; field: string }[] }[] = [
  { isAade: true, errors: [{ code: "229", field: "Details[0].VATTotal", message: "Aade Validation Error: <code>229</code> VAT amount of the line does not match its VAT category [invoice line: 1]" }] },
  { isAade: true, errors: [{ code: "102", field: "CounterParty.Vat", message: "Aade Validation Error: <code>102</code> Vat number of the counterpart is not valid" }] },
  { isAade: true, errors: [{ code: "407", field: "PaymentDetails.PaymentMethods[0].Amount", message: "Aade Validation Error: <code>407</code> Sum of payment methods does not match the total value" }] },
  { isAade: false, errors: [{ code: "InvalidAfm", field: "CounterParty.Vat", message: "Invalid Counterparty VAT Number (AFM) for Country Code -GR-" }] },
  {
    isAade: true,
    errors: [
      { code: "203", field: "Details[0].IncomeClassification.ClassificationTypeCode", message: "Aade Validation Error: <code>203</code> Income classification type is not allowed for this invoice type [invoice line: 1]" },
      { code: "241", field: "Summaries.TotalVATAmount", message: "Aade Validation Error: <code>241</code> Total VAT amount does not equal the sum of the lines" },
    ],
  },
];

/** What the state of a seeded document is and how it got there. */
export type SeedFate = DocumentStatus | "accepted_after_retry";

/** The fate of the document `fromNewest` places from the newest: the newest few are still moving. */
export function fateOf(random: () => number, fromNewest: number, movingCount: number): SeedFate {
  if (fromNewest < movingCount) return (["queued", "sending", "unknown"] as const)[fromNewest % 3] ?? "queued";
  const draw = random();
  if (draw < 0.05) return "rejected";
  if (draw < 0.08) return "needs_attention";
  if (draw < 0.11) return "accepted_after_retry";
  return "accepted";
}

