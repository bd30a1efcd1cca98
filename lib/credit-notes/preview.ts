import "server-only";
import { formatAthensDateTime } from "@/lib/domain/athens-time";
import { buildProviderDocument } from "@/lib/provider/impact/document";
import { computeTotals } from "@/lib/domain/totals";
import type { DocumentTotals } from "@/lib/domain/types";
import type { Locale } from "@/lib/i18n/locale";
import { fieldFailure } from "@/lib/validation/parse";
import { issueRequestOrFail } from "@/lib/validation/parse-draft";
import { getReadyDb } from "@/lib/db/ready";
import { definedIssueRequest } from "./issuer-profile";
import { checkIssueDate, lastIssuedAtOfDb, type LastIssuedAt } from "./issue-date";

/** Placeholder identity fields: assigned for real, once, when the draft is issued. */
export const PREVIEW_INTERNAL_ID = "00000000-0000-0000-0000-000000000000";

export interface PreviewResult {
  document: ReturnType<typeof buildProviderDocument>;
  totals: DocumentTotals;
  /** Identity fields that the preview could not know yet and that issuing assigns. */
  assignedAtIssue: string[];
}

/** Reads `{ draft }` from a request body, failing with a field error when it is missing. */
export function draftOfBody(body: unknown, locale: Locale): unknown {
  if (typeof body !== "object" || body === null || !("draft" in body)) {
    throw fieldFailure("draft", "required", locale);
  }
  return (body as { draft: unknown }).draft;
}

/**
/**
 * `POST /api/credit-notes/preview`: the draft checked against the defined issuers and series
 * (the same refusals as issuing), then previewed as it would be issued, with the issue-date
 * rules against the series' last document.
 */
export async function previewFromBody(body: unknown, locale: Locale, now: Date = new Date()): Promise<PreviewResult> {
  const { draft } = await definedIssueRequest(await getReadyDb(), draftOfBody(body, locale), locale);
  return previewCreditNote({ draft }, locale, now, lastIssuedAtOfDb);
}

/**
 * Validates a draft (with the issue-date rules of `checkIssueDate`; the series' last date when
 * `lastIssuedAt` is given) and builds the exact provider document and totals it would produce. */
export async function previewCreditNote(body: unknown, locale: Locale, now: Date = new Date(), lastIssuedAt?: LastIssuedAt): Promise<PreviewResult> {
  const request = issueRequestOrFail(draftOfBody(body, locale), locale);
  await checkIssueDate(request, locale, now, lastIssuedAt);
  // Issuing gives every document a fresh UUID InternalDocumentId (the draft id only guards
  // against issuing twice), so the preview never knows it.
  const assignedAtIssue: string[] = ["DistributionDetails.InternalDocumentId"];
  if (!request.number) assignedAtIssue.push("Number");
  if (!request.issuedAt) assignedAtIssue.push("DateIssued");
  const document = buildProviderDocument(request.input, {
    internalDocumentId: PREVIEW_INTERNAL_ID,
    series: request.series,
    number: request.number ?? "0",
    issuedAt: request.issuedAt ?? formatAthensDateTime(now),
  });
  return { document, totals: computeTotals(request.input), assignedAtIssue };
}
