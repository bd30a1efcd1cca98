import { z } from "zod";
import { DOCUMENT_STATUSES } from "@/lib/domain/statuses";
import { numberField } from "./fields";
import { HISTORY_SORTS } from "./history-sorts";

/** Body of POST /api/credit-notes/credit-existing. */
export const creditExistingSchema = z.object({
  authenticationCode: z.string().trim().min(1, "required").max(200, "too_long"),
  mark: z.union([z.string(), z.number()]).transform((v) => String(v).trim()).pipe(z.string().regex(/^\d{1,20}$/, "invalid_number")),
  relateCredit: z.boolean("invalid_type").default(false),
  series: z.string().trim().min(1, "required").max(50, "too_long").regex(/^[\p{L}\p{N}\-/]+$/u, "invalid_series"),
  number: z.union([z.string(), z.number()]).transform((v) => String(v).trim()).pipe(z.string().regex(/^[1-9]\d{0,49}$/, "invalid_document_number")).optional(),
  issuerVat: z.string().trim().max(20, "too_long").optional(),
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
