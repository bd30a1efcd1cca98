import { z } from "zod";
import { DOCUMENT_STATUSES } from "@/lib/domain/statuses";
import { numberField } from "./fields";
import { HISTORY_SORTS } from "./history-sorts";

/** Body of POST /api/credit-notes/credit-existing. */
export const creditExistingSchema = z.object({
  authenticationCode: z.string().trim().min(1, "required").max(200, "too_long"),
  // A pasted MARK may carry spaces ("400 001 000 000 003"); they are not part of it.
  mark: z.union([z.string(), z.number()]).transform((v) => String(v).replace(/\s/g, "")).pipe(z.string().regex(/^\d{1,20}$/, "invalid_number")),
  relateCredit: z.boolean("invalid_type").default(false),
  series: z.string().trim().min(1, "required").max(50, "too_long").regex(/^[\p{L}\p{N}\-/]+$/u, "invalid_series"),
  number: z.union([z.string(), z.number()]).transform((v) => String(v).trim()).pipe(z.string().regex(/^[1-9]\d{0,49}$/, "invalid_document_number")).optional(),
  issuerVat: z.string().trim().max(20, "too_long").optional(),
  /** The day the "Issued invoices" page listed the original on: looked at first. */
  issuedOn: z.string().trim().regex(/^\d{4}-\d{2}-\d{2}$/, "invalid_date").optional(),
  /** An admin's written reason for crediting beyond what remains (audited). */
  overrideReason: z.string().trim().max(500, "too_long").optional(),
});

const calendarDay = z.string().trim().regex(/^\d{4}-\d{2}-\d{2}$/, "invalid_date");

/** Query of GET /api/issued-documents and the "Issued invoices" page. */
export const issuedQuerySchema = z.object({
  from: calendarDay.optional().or(z.literal("").transform(() => undefined)),
  to: calendarDay.optional().or(z.literal("").transform(() => undefined)),
  q: z.string().trim().max(200, "too_long").optional(),
  issuerVat: z.string().trim().max(20, "too_long").optional().transform((v) => (v === "" ? undefined : v)),
});

/** Query of GET /api/issued-documents/{mark}. */
export const originalQuerySchema = z.object({
  issuerVat: z.string().trim().max(20, "too_long").optional().transform((v) => (v === "" ? undefined : v)),
  on: calendarDay.optional().or(z.literal("").transform(() => undefined)),
});

/** Body of POST /api/issued-documents/{mark}/credit-part: the original's lines and the quantity of each to credit. */
export const creditPartSchema = z.object({
  parts: z
    .array(z.object({
      lineNumber: z.number("invalid_type").int("invalid_type").min(1, "invalid_type").max(100_000, "invalid_type"),
      quantity: z.union([z.string(), z.number()]).transform((v) => String(v).trim()).pipe(z.string().max(40, "too_long")).optional(),
      /** Net euros to credit of the line ("12,40"), instead of a quantity: a credit of value. */
      amount: z.union([z.string(), z.number()]).transform((v) => String(v).trim()).pipe(z.string().max(40, "too_long")).optional(),
    }).refine((part) => (part.quantity === undefined) !== (part.amount === undefined), { message: "quantity_or_amount", path: ["quantity"] }))
    .min(1, "no_lines_chosen")
    .max(1000, "too_long"),
  series: z.string().trim().min(1, "required").max(50, "too_long").regex(/^[\p{L}\p{N}\-/]+$/u, "invalid_series").optional(),
  issuerVat: z.string().trim().max(20, "too_long").optional().transform((v) => (v === "" ? undefined : v)),
  on: calendarDay.optional(),
});

/** Body of POST /api/transmissions/{id}/correct-credit: a rejected credit's corrected code, and 5.1 or 5.2. */
export const correctCreditSchema = z.object({
  authenticationCode: z.string("required").trim().min(1, "required").max(200, "too_long"),
  relateCredit: z.boolean("invalid_type").default(false),
});

/** Body of POST /api/transmissions/{id}/close-out: why a rejected or needs-attention entry is closed out. */
export const closeOutSchema = z.object({
  reason: z.string("required").trim().min(3, "too_short").max(500, "too_long"),
});

const isoInstant = z
  .string()
  .trim()
  .refine((v) => /^\d{4}-\d{2}-\d{2}/.test(v) && !Number.isNaN(Date.parse(v)), "invalid_datetime");

/** Query of GET /api/transmissions and its CSV export. */
export const transmissionQuerySchema = z.object({
  status: z
    .string()
    .optional()
    .transform((v) => (v ? v.split(",").map((s) => s.trim()).filter(Boolean) : []))
    .pipe(z.array(z.enum(DOCUMENT_STATUSES, "invalid_type"))),
  from: isoInstant.optional(),
  to: isoInstant.optional(),
  q: z.string().trim().max(200, "too_long").optional(),
  series: z.string().trim().max(50, "too_long").optional(),
  mark: z.string().trim().max(30, "too_long").optional(),
  counterpartyVat: z.string().trim().max(40, "too_long").optional(),
  minGross: numberField("amount").optional(),
  maxGross: numberField("amount").optional(),
  issuedBy: z.string().trim().max(200, "too_long").optional(),
  counterparty: z.string().trim().max(200, "too_long").optional(),
  sort: z.enum(HISTORY_SORTS, "invalid_type").optional(),
  cursor: z.string().trim().max(500, "too_long").optional(),
  limit: z.coerce.number("invalid_type").int("invalid_type").min(1, "too_short").max(200, "too_long").default(50),
});

export type TransmissionQuery = z.output<typeof transmissionQuerySchema>;
