"use client";

import { useMutation, useQuery } from "@tanstack/react-query";
import { useRef } from "react";
import { Button } from "@/components/ui/button";
import { fixDocument } from "@/components/transmissions/transmission-api";
import { ApiError, type ApiFieldError } from "@/components/ui/fetch-json";
import { Notice } from "@/components/ui/notice";
import { useLocale } from "@/components/ui/locale-provider";
import { queryKeys } from "@/components/ui/query-keys";
import { clerkT } from "@/lib/i18n/clerk-messages";
import { composeT } from "@/lib/i18n/compose-messages";
import { assignedWords } from "@/lib/i18n/plain-messages";
import { ht } from "@/lib/i18n/history-messages";
import type { ComposeValues } from "@/lib/validation/draft-snapshot";
import { issueDraft, previewDraft, type IssueAnswer } from "./compose-api";
import { DocumentView } from "./document-view";
import { EnvironmentNotice, type Environment } from "./environment-notice";
import type { FixMode } from "./fix-mode";

interface ReviewStepProps {
  environment: Environment;
  values: ComposeValues;
  fix: FixMode | undefined;
  onIssued: (answer: Pick<IssueAnswer, "id">) => void;
  onIssuing: () => void;
  onRefused: (errors: readonly ApiFieldError[]) => void;
}

/**
 * Step 5: the exact document the server will send (the server's own preview, readable and as
 * JSON), the environment it goes to, and an Issue button that cannot send twice: it locks on
 * the first click, and the draft id makes any repeat answer with the same document. In fix mode
 * the button sends the correction of the rejected document instead, with its number. Field
 * errors of a refusal go back onto the wizard's fields.
 */
export function ReviewStep({ environment, values, fix, onIssued, onIssuing, onRefused }: ReviewStepProps) {
  const locale = useLocale();
  // A fix is previewed with the document's own number (the server keeps it whatever is sent).
  const draft = fix ? { ...values, number: fix.identity.number } : values;
  const draftJson = JSON.stringify(draft);
  const preview = useQuery({ queryKey: queryKeys.preview(draftJson), queryFn: () => previewDraft(draft, locale), staleTime: 0, retry: false });
  const locked = useRef(false);
  const issue = useMutation({
    mutationFn: (): Promise<Pick<IssueAnswer, "id"> & Partial<IssueAnswer>> => (fix ? fixDocument(fix.documentId, { ...values, number: fix.identity.number }, locale) : issueDraft(values, locale)),
    onSuccess: onIssued,
    onError: (error) => { if (error instanceof ApiError && error.fieldErrors.length > 0) onRefused(error.fieldErrors); },
  });

  function onIssue() {
    if (locked.current) return;
    locked.current = true;
    onIssuing();
    issue.mutate(undefined, { onError: () => { locked.current = false; } });
  }

  const numberPending = preview.data?.assignedAtIssue.includes("Number") ?? true;
  return (
    <div className="space-y-4">
      <EnvironmentNotice environment={environment} />
      {values.sendPdf && values.emails.length > 0 && (
        <Notice tone="info"><span data-testid="review-send-pdf">{clerkT("review.sendPdf", locale, { to: values.emails.join(", ") })}</span></Notice>
      )}
      {preview.isPending && <p role="status" className="text-sm">{composeT("review.loading", locale)}</p>}
      {preview.isError && (
        <Notice tone="error">
          {composeT("review.failed", locale)} {preview.error.message}{" "}
          <Button size="sm" variant="secondary" onClick={() => void preview.refetch()}>{composeT("review.retry", locale)}</Button>
        </Notice>
      )}
      {preview.data && (
        <>
          <section aria-labelledby="review-document-title" className="rounded border border-slate-200 p-4">
            <h3 id="review-document-title" className="mb-3 font-semibold">{composeT("review.document", locale)}</h3>
            <DocumentView document={preview.data.document} numberPending={numberPending} />
            {preview.data.assignedAtIssue.length > 0 && (
              <p className="mt-3 text-xs text-slate-500">{composeT("review.assigned", locale, { fields: assignedWords(preview.data.assignedAtIssue, locale) })}</p>
            )}
          </section>
          <details className="rounded border border-slate-200 p-3">
            <summary className="cursor-pointer text-sm font-semibold">{composeT("review.json", locale)}</summary>
            <pre data-testid="preview-json" className="mt-2 max-h-96 overflow-auto bg-slate-50 p-2 text-xs">{JSON.stringify(preview.data.document, null, 2)}</pre>
          </details>
        </>
      )}
      {issue.isError && <Notice tone="error">{fix ? ht("fix.failed", locale) : composeT("review.issueFailed", locale)} {issue.error.message}</Notice>}
      {issue.isSuccess && issue.data.series !== undefined && (
        <Notice tone="success">{composeT("review.issued", locale, { series: issue.data.series, number: issue.data.number ?? "" })}</Notice>
      )}
      <Button onClick={onIssue} disabled={!preview.data || issue.isPending || issue.isSuccess} className="px-6 py-2 text-base">
        {issue.isPending ? composeT("review.issuing", locale) : fix ? ht("fix.submit", locale) : composeT("review.issue", locale)} ({environment})
      </Button>
    </div>
  );
}
