import type { Locale } from "@/lib/i18n/locale";
import { draftSchema, toIssueRequest, type IssueRequest } from "./draft";
import { parseFields, parseOrFail, type ParseResult } from "./parse";

export type ParseDraftResult = ParseResult<IssueRequest>;

/**
 * Validates a draft (docs/DRAFT.md) and converts it into an issue request.
 * Never throws on bad input: every problem becomes a field error with a code and a message.
 */
export function parseDraft(raw: unknown, locale: Locale = "el", pathPrefix: string[] = []): ParseDraftResult {
  const result = parseFields(draftSchema, raw, locale, { prefix: pathPrefix });
  return result.ok ? { ok: true, value: toIssueRequest(result.value) } : result;
}

/** The draft of a request body (`draft.` paths) as an issue request, or a ValidationFailure (→ 422). */
export function issueRequestOrFail(raw: unknown, locale: Locale): IssueRequest {
  return toIssueRequest(parseOrFail(draftSchema, raw, locale, { prefix: ["draft"] }));
}
