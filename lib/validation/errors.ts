import type { z } from "zod";
import { formatCents } from "@/lib/domain/money";
import { fieldLabel } from "@/lib/i18n/field-labels";
import type { Locale } from "@/lib/i18n/locale";
import { interpolate, validationMessages } from "@/lib/i18n/validation-messages";

/** One problem with one field, as the API answers it (422) and the form shows it. */
export interface FieldError {
  /** Dotted path into the draft, e.g. `lines.1.unitPrice`. */
  path: string;
  code: string;
  /** "Field: problem" in the caller's language. */
  message: string;
}

/** Turns zod's default issue kinds into our codes; our own checks already carry codes. */
export function codeOfDefaultIssue(issue: { code: string; input?: unknown; format?: string; origin?: string }): string {
  switch (issue.code) {
    case "invalid_type":
    case "invalid_union":
      return issue.input === undefined || issue.input === null ? "required" : "invalid_type";
    case "too_big":
      return "too_long";
    case "too_small":
      return issue.origin === "array" ? "required" : "too_short";
    case "invalid_format":
      return issue.format === "email" ? "invalid_email" : issue.format === "uuid" ? "invalid_uuid" : "invalid_type";
    case "invalid_value":
      return "invalid_type";
    default:
      return "invalid_type";
  }
}

/** The message of a code in a language; quantity/percent codes fall back to the amount wording. */
export function messageOfCode(code: string, locale: Locale, params: Record<string, string | number> = {}): string {
  const entry = validationMessages[code] ?? validationMessages[code.replace(/^(quantity|percent)\./, "amount.")];
  return interpolate(entry?.[locale] ?? code, params);
}

function paramsOf(issue: z.core.$ZodIssue, locale: Locale): Record<string, string | number> {
  const raw = (issue as { params?: Record<string, unknown> }).params ?? {};
  const out: Record<string, string | number> = { max: 1000 };
  for (const [key, value] of Object.entries(raw)) {
    if (typeof value === "number" && key.endsWith("Cents")) out[key.slice(0, -5)] = `${formatCents(value, locale)} €`;
    else if (typeof value === "number" || typeof value === "string") out[key] = value;
  }
  return out;
}

/** Converts a failed parse into field errors, in the caller's language, naming each field. */
export function toFieldErrors(error: z.ZodError, locale: Locale, prefix: string[] = []): FieldError[] {
  const seen = new Set<string>();
  const errors: FieldError[] = [];
  for (const issue of error.issues) {
    const path = [...prefix, ...issue.path.map(String)].join(".");
    const code = issue.message;
    if (seen.has(`${path}|${code}`)) continue;
    seen.add(`${path}|${code}`);
    const label = fieldLabel(path.replace(/^draft\./, ""), locale);
    errors.push({ path, code, message: `${label}: ${messageOfCode(code, locale, paramsOf(issue, locale))}` });
  }
  return errors;
}
