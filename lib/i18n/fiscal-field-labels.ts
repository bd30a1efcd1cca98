import type { Locale } from "./locale";

/** Names of the draft's fields of the taxes beyond VAT on a line (docs/DRAFT.md). */
export const fiscalFieldLabels: Record<string, Record<Locale, string>> = {
  "lines.withheldCategory": { el: "Κατηγορία παρακράτησης φόρου", en: "Withholding tax category" },
  "lines.withheldAmount": { el: "Ποσό παρακράτησης φόρου", en: "Withholding tax amount" },
  "lines.feesCategory": { el: "Κατηγορία τέλους", en: "Fee category" },
  "lines.feesAmount": { el: "Ποσό τέλους", en: "Fee amount" },
  "lines.stampDutyCategory": { el: "Κατηγορία χαρτοσήμου", en: "Stamp duty category" },
  "lines.stampDutyAmount": { el: "Ποσό χαρτοσήμου", en: "Stamp duty amount" },
  "lines.otherTaxesCategory": { el: "Κατηγορία λοιπών φόρων", en: "Other taxes category" },
  "lines.otherTaxesAmount": { el: "Ποσό λοιπών φόρων", en: "Other taxes amount" },
  "lines.deductionsAmount": { el: "Ποσό κρατήσεων", en: "Deductions amount" },
};
