import type { z } from "zod";
import type { Locale } from "@/lib/i18n/locale";
import { codeOfDefaultIssue, toFieldErrors } from "@/lib/validation/errors";
import { ValidationFailure } from "./errors";

/** Parses with coded field errors, throwing ValidationFailure (→ 422) on bad input. */
export function parseOrFail<S extends z.ZodType>(schema: S, raw: unknown, locale: Locale): z.output<S> {
  const result = schema.safeParse(raw, { error: (issue) => codeOfDefaultIssue(issue) });
  if (!result.success) throw new ValidationFailure(toFieldErrors(result.error, locale));
  return result.data;
}

/** The query string as a plain object, empty values left out. */
export function queryOf(req: Request): Record<string, string> {
  const params = new URL(req.url).searchParams;
  return Object.fromEntries([...params.entries()].filter(([, value]) => value !== ""));
}
