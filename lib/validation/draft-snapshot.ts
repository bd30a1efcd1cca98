import { z } from "zod";
import { MAX_LINES, MAX_PAYMENTS } from "./draft";
import { typedCode, typedText } from "./fields";
import { lineValuesSchema, type LineValues } from "./line";
import { WIZARD_STEP_COUNT } from "./steps";

/**
 * What the compose form holds while a clerk types, and what autosave stores: the draft of
 * docs/DRAFT.md with every number kept as the text that was typed (`"7,99"`), so a half-finished
 * draft can be saved and restored exactly. It is deliberately lenient (an empty field is fine
 * here; `draftSchema` judges the draft when a step is left, previewed or issued) but typed and
 * bounded, so that nothing but a draft-shaped object of reasonable size is ever stored.
 * Missing keys get their defaults, so a parsed snapshot is always a complete set of values.
 */

const text = typedText;
const code = typedCode;

const addressValues = z
  .object({ countryCode: text(2), city: text(150), street: text(150), postalCode: text(20) })
  .default({ countryCode: "GR", city: "", street: "", postalCode: "" });

export const paymentValuesSchema = z.object({ methodCode: code.default(3), amount: text(40) });

const emailValues = z.array(z.string().max(320, "too_long")).max(10, "too_many_emails").default([]);

/** The compose form's values (see the module comment). */
export const composeValuesSchema = z.object({
  id: z.uuid("invalid_uuid"),
  issuerProfileId: z.string().max(100, "too_long").nullable().default(null),
  issuer: z
    .object({ vat: text(20), name: text(200), branchCode: z.number("invalid_type").int("invalid_type").min(0, "invalid_type").max(999_999, "invalid_type").default(0), address: addressValues })
    .default({ vat: "", name: "", branchCode: 0, address: { countryCode: "GR", city: "", street: "", postalCode: "" } }),
  series: text(50),
  issuedAt: z.string().max(19, "too_long").nullable().default(null),
  counterparty: z
    .object({ name: text(200), vat: text(30), code: text(50), address: addressValues, emails: emailValues })
    .default({ name: "", vat: "", code: "", address: { countryCode: "GR", city: "", street: "", postalCode: "" }, emails: [] }),
  priceEntry: z.enum(["net", "gross"], "invalid_type").default("net"),
  lines: z.array(lineValuesSchema).max(MAX_LINES, "too_many_lines").default([]),
  payments: z.array(paymentValuesSchema).max(MAX_PAYMENTS, "too_long").default([]),
  emails: emailValues,
  sendPdf: z.boolean("invalid_type").default(false),
  reference: text(200),
  notes: text(1000),
  /** Set for a credit of part of an issued invoice (a 5.1 correlated to this MARK); never typed. */
  correlatedMark: z.string().regex(/^\d{1,20}$/, "invalid_number").optional(),
});

export type ComposeValues = z.output<typeof composeValuesSchema>;

/**
 * A sent document's draft as Fix & resend starts from it: the form's values with the document's
 * identity (number and issue time are the document's, never chosen), without the compose-only id
 * and issuer profile.
 */
export const editableDraftSchema = composeValuesSchema
  .omit({ id: true, issuerProfileId: true })
  .extend({ number: text(50), issuedAt: text(19) });

export type EditableDraft = z.output<typeof editableDraftSchema>;
/** A line of an editable draft, as Fix & resend and the stored draft hold it. */
export type EditableLine = EditableDraft["lines"][number];
/** A party's address in an editable draft. */
export type EditableAddress = EditableDraft["counterparty"]["address"];
export type ComposeLine = LineValues;
export type ComposePayment = z.output<typeof paymentValuesSchema>;

/** Body of PUT /api/drafts/{id}: the form values and the step the clerk was on. */
export const draftSnapshotSchema = z.object({
  draft: composeValuesSchema,
  step: z.number("invalid_type").int("invalid_type").min(0, "invalid_type").max(WIZARD_STEP_COUNT - 1, "invalid_type").default(0),
});

export type DraftSnapshot = z.output<typeof draftSnapshotSchema>;
