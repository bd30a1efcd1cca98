/** The myDATA stage: runs after the provider's own checks and words findings like the provider relays them. */
import { documentIssues } from "./aade-document-rules";
import { lineIssues } from "./aade-line-rules";
import type { AadeIssue, FieldError, ParsedDocument } from "./types";

/**
 * All myDATA findings for a document. Amount-format findings (sign, decimals, quantity) stop
 * here on their own: sums over malformed amounts would only repeat them.
 */
export function checkAadeRules(doc: ParsedDocument, formatIssues: AadeIssue[]): AadeIssue[] {
  if (formatIssues.length > 0) return formatIssues;
  return [...lineIssues(doc.lines, doc.invoiceType), ...documentIssues(doc)];
}

/** AADE's words for a finding ("… invoice line: 1") under its code; the 400 relays them as they are. */
export function wordAadeIssue(issue: AadeIssue): FieldError {
  const line = issue.line === null ? "" : ` invoice line: ${issue.line}`;
  return { code: String(issue.code), message: `${issue.text}${line}`, field: issue.field === "" ? null : issue.field };
}
