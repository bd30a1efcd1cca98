import { z } from "zod";
import { isAllowedClassification52 } from "@/lib/domain/codes";
import { normalizeVatNumber } from "@/lib/domain/vat-number";
import { addressSchema } from "./draft";
import { optionalTextField, textField } from "./fields";

/**
 * Schemas of the settings screens (issuer profiles, branches, series); shared by their forms and
 * their route handlers. Messages are error codes, turned into words by lib/i18n.
 */

const SERIES_PATTERN = /^[\p{L}\p{N}\-/]+$/u;

/** A Greek VAT number in any accepted spelling, normalised to `EL` + 9 digits. */
export const greekVatField = z
  .string()
  .trim()
  .min(1, "required")
  .max(20, "too_long")
  .transform((raw, ctx) => {
    const vat = normalizeVatNumber("GR", raw);
    if (!vat.ok) {
      ctx.addIssue({ code: "custom", message: vat.code });
      return z.NEVER;
    }
    return vat.vat;
  });

/** The income classification offered on new lines; must be a 5.2 combination. */
export const defaultClassificationSchema = z
  .object({
    category: z.string().trim().min(1, "required").max(40, "too_long"),
    type: z.string().trim().max(40, "too_long").nullable().optional().transform((t) => (t ? t : null)),
  })
  .superRefine((value, ctx) => {
    if (!isAllowedClassification52(value.category, value.type)) {
      ctx.addIssue({ code: "custom", message: "classification_not_allowed", path: ["type"] });
    }
  });

function isBlankClassification(value: unknown): boolean {
  if (value === undefined || value === null) return true;
  return typeof value === "object" && "category" in value && (value.category === "" || value.category === null);
}

/** Body of POST /api/issuer-profiles and PATCH /api/issuer-profiles/{id}. */
export const issuerProfileBodySchema = z.object({
  vat: greekVatField,
  name: textField(200),
  address: addressSchema.refine((address) => address.countryCode === "GR", { message: "issuer_not_greek", path: ["countryCode"] }),
  // A form's "no default" (empty category) and an absent value both mean null.
  defaultClassification: z
    .preprocess((value) => (isBlankClassification(value) ? null : value), defaultClassificationSchema.nullable())
    .optional()
    .transform((c) => c ?? null),
});

export type IssuerProfileBody = z.output<typeof issuerProfileBodySchema>;
export type IssuerProfileFormValues = z.input<typeof issuerProfileBodySchema>;

/** Body of POST /api/issuer-profiles/{id}/branches (and PATCH of one branch). Branch 0 is the head office. */
export const branchBodySchema = z.object({
  branchCode: z.coerce.number("invalid_type").int("invalid_type").min(1, "branch_code_range").max(999_999, "branch_code_range"),
  name: textField(200),
});

export type BranchBody = z.output<typeof branchBodySchema>;

/** Body of POST /api/series. */
export const seriesBodySchema = z.object({
  issuerVat: greekVatField,
  code: z.string().trim().min(1, "required").max(50, "too_long").regex(SERIES_PATTERN, "invalid_series"),
  nextNumber: z.coerce.number("invalid_type").int("invalid_type").min(1, "next_number_range").max(999_999_999_999, "next_number_range").default(1),
  description: optionalTextField(200),
});

export type SeriesBody = z.output<typeof seriesBodySchema>;

/** Body of PATCH /api/series/{id}: the next number and/or the description. */
export const seriesPatchSchema = z.object({
  nextNumber: z.coerce.number("invalid_type").int("invalid_type").min(1, "next_number_range").max(999_999_999_999, "next_number_range").optional(),
  description: optionalTextField(200),
});

export type SeriesPatch = z.output<typeof seriesPatchSchema>;
