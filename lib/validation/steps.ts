/**
 * The compose wizard's steps, in order: the one list the wizard (which `trigger`s a step's
 * fields before leaving it), the drafts list, the draft snapshot's bounds and the placing of
 * provider errors all read. Pure.
 *
 * `fields` are the draft's top-level keys a step owns (what `trigger` checks); `controls` are the
 * paths the step has a control for, `#` standing for a line or payment index. An error on a path
 * without a control is shown under the step's heading instead of beside a field.
 */
export const WIZARD_STEPS = [
  {
    id: "issuer",
    fields: ["issuerProfileId", "issuer", "series", "number", "issuedAt"],
    controls: ["issuerProfileId", "issuer.branchCode", "series", "issuedAt"],
  },
  {
    id: "counterparty",
    fields: ["counterparty"],
    controls: [
      "counterparty.name", "counterparty.code", "counterparty.vat", "counterparty.emails",
      "counterparty.address.countryCode", "counterparty.address.street", "counterparty.address.postalCode", "counterparty.address.city",
    ],
  },
  {
    id: "lines",
    fields: ["priceEntry", "lines"],
    controls: [
      "priceEntry", "lines.#.description", "lines.#.quantity", "lines.#.unitCode", "lines.#.unitPrice", "lines.#.discountPercent",
      "lines.#.vatCategory", "lines.#.vatExemptionCategory", "lines.#.incomeClassification.category", "lines.#.incomeClassification.type",
    ],
  },
  {
    id: "vat_payment",
    fields: ["payments", "emails", "sendPdf", "reference", "notes"],
    controls: ["payments", "payments.#.methodCode", "payments.#.amount", "reference", "emails", "sendPdf", "notes"],
  },
  // A credit of part of an issued invoice is correlated to its MARK: set from "Issued invoices", shown on every step, never typed.
  { id: "review", fields: ["correlatedMark"], controls: [] },
] as const satisfies readonly { id: string; fields: readonly string[]; controls: readonly string[] }[];

export type WizardStepId = (typeof WIZARD_STEPS)[number]["id"];

export const WIZARD_STEP_COUNT = WIZARD_STEPS.length;
export const LAST_STEP = WIZARD_STEP_COUNT - 1;

/** A path with its indices written as `#` (`lines.3.quantity` → `lines.#.quantity`). */
function patternOf(path: string): string {
  return path.replace(/\.\d+(?=\.|$)/g, ".#");
}

/** The step that owns a draft path (its top-level key); paths the draft does not have belong to the review. */
export function stepOfPath(path: string | null): WizardStepId {
  const root = path?.split(".")[0] ?? "";
  return WIZARD_STEPS.find((step) => (step.fields as readonly string[]).includes(root))?.id ?? "review";
}

/** The index of a step in the wizard. */
export function stepIndexOf(id: WizardStepId): number {
  return WIZARD_STEPS.findIndex((step) => step.id === id);
}

/** True when the wizard has a control for exactly this path (a field of a line, a payment's amount …). */
export function hasControl(path: string | null): boolean {
  if (path === null) return false;
  const pattern = patternOf(path);
  return WIZARD_STEPS.some((step) => (step.controls as readonly string[]).includes(pattern));
}
