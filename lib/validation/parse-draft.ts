import { codeOfDefaultIssue, toFieldErrors, type FieldError } from "./errors";
import { draftSchema, toIssueRequest, type IssueRequest } from "./draft";
import type { Locale } from "@/lib/i18n/locale";

export type ParseDraftResult = { ok: true; value: IssueRequest } | { ok: false; errors: FieldError[] };

/**
 * Validates a draft (PRODUCT.md "Draft") and converts it into an issue request.
 * Never throws on bad input: every problem becomes a field error with a code and a message.
 */
export function parseDraft(raw: unknown, locale: Locale = "el", pathPrefix: string[] = []): ParseDraftResult {
  const result = draftSchema.safeParse(raw, { error: (issue) => codeOfDefaultIssue(issue) });
  if (!result.success) return { ok: false, errors: toFieldErrors(result.error, locale, pathPrefix) };
  return { ok: true, value: toIssueRequest(result.data) };
}
