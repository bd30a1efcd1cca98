import type { z } from "zod";
import { ValidationFailure, type FieldError } from "@/lib/domain/errors";
import type { Locale } from "@/lib/i18n/locale";
import { codeOfDefaultIssue, fieldErrorOf, toFieldErrors, type FieldErrorOptions } from "./errors";

export type ParseResult<T> = { ok: true; value: T } | { ok: false; errors: FieldError[] };

/**
 * Parses input with one of the shared schemas; never throws on bad input: every problem becomes
 * a coded field error worded in the caller's language ("Field: problem").
 */
export function parseFields<S extends z.ZodType>(schema: S, raw: unknown, locale: Locale, options: FieldErrorOptions = {}): ParseResult<z.output<S>> {
  const result = schema.safeParse(raw, { error: (issue) => codeOfDefaultIssue(issue) });
  if (result.success) return { ok: true, value: result.data };
  return { ok: false, errors: toFieldErrors(result.error, locale, options) };
}

/**
 * Parses a request body or query, or throws a ValidationFailure (answered 422 with the field
 * errors). The one way a handler or service reads input.
 */
export function parseOrFail<S extends z.ZodType>(schema: S, raw: unknown, locale: Locale, options: FieldErrorOptions = {}): z.output<S> {
  const result = parseFields(schema, raw, locale, options);
  if (!result.ok) throw new ValidationFailure(result.errors);
  return result.value;
}

/** A ValidationFailure about one field that a schema cannot judge (a lookup, a rule of the stored record). */
export function fieldFailure(path: string, code: string, locale: Locale, params: Record<string, string | number> = {}): ValidationFailure {
  return new ValidationFailure([fieldErrorOf(path, code, locale, {}, params)]);
}
