import "server-only";
import type { z } from "zod";
import { ValidationFailure } from "@/lib/http/errors";
import { validationText } from "@/lib/i18n/compose-messages";
import { fieldLabel } from "@/lib/i18n/field-labels";
import type { Locale } from "@/lib/i18n/locale";
import { codeOfDefaultIssue } from "@/lib/validation/errors";

/**
 * Parses a request body or query with one of the shared schemas; a failure becomes a 422 whose
 * errors name each field and say what is wrong in the caller's language.
 */
export function parseInput<S extends z.ZodType>(schema: S, raw: unknown, locale: Locale): z.output<S> {
  const result = schema.safeParse(raw, { error: (issue) => codeOfDefaultIssue(issue) });
  if (result.success) return result.data;
  const seen = new Set<string>();
  const errors = [];
  for (const issue of result.error.issues) {
    const path = issue.path.map(String).join(".");
    const code = issue.message;
    if (seen.has(`${path}|${code}`)) continue;
    seen.add(`${path}|${code}`);
    errors.push({ path, code, message: `${fieldLabel(path, locale)}: ${validationText(code, locale)}` });
  }
  throw new ValidationFailure(errors);
}
