import type { z } from "zod";
import type { FieldError } from "@/lib/domain/errors";
import { formatCents } from "@/lib/domain/money";
import { fieldLabel } from "@/lib/i18n/field-labels";
import type { Locale } from "@/lib/i18n/locale";
import { messageOfCode } from "@/lib/i18n/validation-messages";

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
    case "unrecognized_keys":
      return "unrecognized_keys";
    case "invalid_value":
      return "invalid_type";
    default:
      return "invalid_type";
  }
}

/** How field errors are worded: a path prefix (`["draft"]`), labels of the caller's own fields, fixed message parameters. */
export interface FieldErrorOptions {
  prefix?: readonly string[];
  /** Field names for paths the shared labels do not know (or name differently), e.g. a user's "name". */
  labels?: Readonly<Record<string, Record<Locale, string>>>;
  params?: Readonly<Record<string, string | number>>;
}

function paramsOf(issue: z.core.$ZodIssue, locale: Locale, fixed: Readonly<Record<string, string | number>>): Record<string, string | number> {
  const raw = (issue as { params?: Record<string, unknown> }).params ?? {};
  const out: Record<string, string | number> = { max: 1000, ...fixed };
  // A text over its limit names the limit ("at most 300 characters").
  const { code, origin, maximum } = issue as { code: string; origin?: unknown; maximum?: unknown };
  if (code === "too_big" && origin === "string" && typeof maximum === "number") out.chars = maximum;
  for (const [key, value] of Object.entries(raw)) {
    if (typeof value === "number" && key.endsWith("Cents")) out[key.slice(0, -5)] = `${formatCents(value, locale)} €`;
    else if (typeof value === "number" || typeof value === "string") out[key] = value;
  }
  return out;
}

/** The label of a field path: the caller's own labels first, then the shared ones; an unknown path is quoted (shortened). */
function labelOf(path: string, locale: Locale, labels: FieldErrorOptions["labels"]): string {
  const own = labels?.[path]?.[locale];
  if (own !== undefined) return own;
  const shared = fieldLabel(path.replace(/^draft\./, ""), locale);
  return shared.length > 60 ? `${shared.slice(0, 57)}…` : shared;
}

/** One field error, worded like every other ("Field: problem"). */
export function fieldErrorOf(path: string, code: string, locale: Locale, options: FieldErrorOptions = {}, params: Record<string, string | number> = {}): FieldError {
  return { path, code, message: `${labelOf(path, locale, options.labels)}: ${messageOfCode(code, locale, { ...options.params, ...params })}` };
}

/** Converts a failed parse into field errors, in the caller's language, naming each field. */
export function toFieldErrors(error: z.ZodError, locale: Locale, options: FieldErrorOptions = {}): FieldError[] {
  const seen = new Set<string>();
  const errors: FieldError[] = [];
  for (const issue of error.issues) {
    // An unknown key is reported on the key itself, so the caller sees which one.
    const segments = issue.code === "unrecognized_keys" ? [...issue.path.map(String), String(issue.keys[0] ?? "")] : issue.path.map(String);
    const path = [...(options.prefix ?? []), ...segments].join(".");
    const code = issue.message;
    if (seen.has(`${path}|${code}`)) continue;
    seen.add(`${path}|${code}`);
    errors.push(fieldErrorOf(path, code, locale, options, paramsOf(issue, locale, options.params ?? {})));
  }
  return errors;
}
