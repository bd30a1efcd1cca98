import type { ComposeMessageKey } from "@/lib/i18n/compose-messages";
import type { ComposeLine, ComposePayment, ComposeValues, EditableDraft } from "@/lib/validation/draft-snapshot";
import type { IssuerProfileView, SeriesView } from "@/lib/settings/views";
import { WIZARD_STEPS, type WizardStepId } from "@/lib/validation/steps";

/** Each step's title (the steps themselves are lib/validation/steps.ts). */
const STEP_TITLES: Record<WizardStepId, ComposeMessageKey> = {
  issuer: "wizard.step.issuer",
  counterparty: "wizard.step.counterparty",
  lines: "wizard.step.lines",
  vat_payment: "wizard.step.payment",
  review: "wizard.step.review",
};

/** The title of the step at `index` (the first step's for an index out of range). */
export function stepTitle(index: number): ComposeMessageKey {
  return STEP_TITLES[WIZARD_STEPS[index]?.id ?? "issuer"];
}

/** Income classification offered on new lines when the issuer has no default of its own. */
export const FALLBACK_CLASSIFICATION = { category: "category1_1", type: "E3_561_001" } as const;

/** A fresh line: one piece at 24%, with the issuer's default classification. */
export function newLine(classification: { category: string; type: string | null } | null): ComposeLine {
  const chosen = classification ?? FALLBACK_CLASSIFICATION;
  return {
    description: "",
    quantity: "1",
    unitCode: 1,
    unitPrice: "",
    discountPercent: "",
    vatCategory: 1,
    vatExemptionCategory: null,
    incomeClassification: { category: chosen.category, type: chosen.type },
  };
}

/** A fresh payment row: cash, amount to be filled in (or by "rest"). */
export function newPayment(): ComposePayment {
  return { methodCode: 3, amount: "" };
}

/** The issuer part of the draft as a saved profile spells it. */
export function issuerFromProfile(profile: IssuerProfileView, branchCode = 0): ComposeValues["issuer"] {
  return { vat: profile.vat, name: profile.name, branchCode, address: { ...profile.address } };
}

/**
 * A new draft's values: the first saved issuer and its first series when there are any, no
 * issue time (the moment of issuing), one line and one payment row.
 */
export function newDraftValues(id: string, profiles: readonly IssuerProfileView[], series: readonly SeriesView[]): ComposeValues {
  const profile = profiles[0];
  const firstSeries = profile ? series.find((s) => s.issuerVat === profile.vat) : undefined;
  return {
    id,
    issuerProfileId: profile?.id ?? null,
    issuer: profile ? issuerFromProfile(profile) : { vat: "", name: "", branchCode: 0, address: { countryCode: "GR", city: "", street: "", postalCode: "" } },
    series: firstSeries?.code ?? "",
    issuedAt: null,
    counterparty: { name: "", vat: "", code: "", address: { countryCode: "GR", city: "", street: "", postalCode: "" }, emails: [] },
    priceEntry: "net",
    lines: [newLine(profile?.defaultClassification ?? null)],
    payments: [newPayment()],
    emails: [],
    sendPdf: false,
    reference: "",
    notes: "",
  };
}

/**
 * The wizard's values for Fix & resend of document `id`: its draft read back, with the identity the
 * document keeps (the number is the document's and not a form field) and no issuer profile.
 */
export function fixValuesOf(id: string, draft: EditableDraft): ComposeValues {
  const { number: _number, ...values } = draft;
  return { ...values, id, issuerProfileId: null };
}

/** How many fields are in error in a react-hook-form error tree (each leaf with a message counts once). */
export function countErrors(errors: unknown): number {
  if (!errors || typeof errors !== "object") return 0;
  const node = errors as { message?: unknown };
  if (typeof node.message === "string") return 1;
  return Object.entries(errors).reduce((sum, [key, child]) => (key === "ref" ? sum : sum + countErrors(child)), 0);
}
