import { z } from "zod";
import { isMyDataCountry, normalizeCountryCode } from "@/lib/domain/fiscal-codes";
import { parseAmount, parsePercent, parseQuantity } from "@/lib/domain/parse-number";

type NumberKind = "amount" | "quantity" | "percent";

const parsers = { amount: parseAmount, quantity: parseQuantity, percent: parsePercent } as const;

/**
 * A number typed by a person or sent by a client (string or JSON number), parsed by the
 * domain parser into integer cents / thousandths / basis points. Errors carry codes such
 * as `amount.ambiguous_separators`.
 */
export function numberField(kind: NumberKind, options: { positive?: boolean; whenEmpty?: string } = {}) {
  // With a default, an absent key is allowed and reaches the transform as undefined.
  const input = options.whenEmpty === undefined ? z.unknown() : z.unknown().optional();
  return input.transform((value, ctx) => {
    const isEmpty = value === undefined || value === null || value === "";
    const result = parsers[kind](isEmpty && options.whenEmpty !== undefined ? options.whenEmpty : value);
    if (!result.ok) {
      ctx.addIssue({ code: "custom", message: `${kind}.${result.code}` });
      return z.NEVER;
    }
    if (options.positive && result.value <= 0) {
      ctx.addIssue({ code: "custom", message: `${kind}.must_be_positive` });
      return z.NEVER;
    }
    return result.value;
  });
}

/** Trimmed non-empty text with a maximum length. */
export function textField(max: number) {
  return z.string().trim().min(1, "required").max(max, "too_long");
}

/** Optional trimmed text: empty becomes undefined. */
export function optionalTextField(max: number) {
  return z
    .string()
    .trim()
    .max(max, "too_long")
    .optional()
    .nullable()
    .transform((value) => (value ? value : undefined));
}

/** A small positive integer code (JSON number or numeric string). */
export function codeField() {
  return z
    .union([z.number(), z.string().trim().regex(/^\d{1,3}$/, "invalid_type")])
    .transform(Number)
    .pipe(z.number().int("invalid_type").min(0, "invalid_type"));
}

/**
 * A country of myDATA's CountryType: upper-cased, "EL" (what clerks type, the Greek VAT prefix)
 * read as GR; two letters outside the list (e.g. XI) are refused by name.
 */
export const countryCodeField = z
  .string()
  .transform(normalizeCountryCode)
  .pipe(z.string().regex(/^[A-Z]{2}$/, "invalid_country"))
  .superRefine((code, ctx) => {
    if (!isMyDataCountry(code)) ctx.addIssue({ code: "custom", message: "unknown_country", params: { code } });
  });

export const emailListField = z
  .array(z.string().trim())
  .max(10, "too_many_emails")
  .default([])
  .transform((list) => list.filter((email) => email !== ""))
  .pipe(z.array(z.email("invalid_email")));

/** Text as a clerk typed it, kept while the draft is unfinished: bounded, empty by default. */
export function typedText(max: number) {
  return z.string().max(max, "too_long").default("");
}

/** A code as the form holds it (a select's number), bounded. */
export const typedCode = z.number("invalid_type").int("invalid_type").min(0, "invalid_type").max(999, "invalid_type");
