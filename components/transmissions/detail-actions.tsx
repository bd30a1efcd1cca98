"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import { ApiError } from "@/components/ui/fetch-json";
import { useLocale } from "@/components/ui/locale-provider";
import { Notice } from "@/components/ui/notice";
import { queryKeys } from "@/components/ui/query-keys";
import type { DocumentAction } from "@/lib/history/legal-actions";
import { creditT } from "@/lib/i18n/credit-messages";
import { ht } from "@/lib/i18n/history-messages";
import { plainT } from "@/lib/i18n/plain-messages";
import { CloseOutForm } from "./close-out-form";
import { CorrectCreditForm } from "./correct-credit-form";
import { runDocumentAction } from "./transmission-api";

const linkClass = "inline-flex items-center rounded border border-slate-300 bg-white px-4 py-1.5 text-sm font-semibold text-brand hover:bg-slate-50";

/**
 * The actions legal for the document now (decided on the server from its state and the viewer's
 * role). Refresh and Retry run here and re-render the page; Fix & resend and Copy as new draft
 * lead to their pages; Close out opens a small form asking why.
 */
export function DetailActions({ id, actions, identity, canAct = true }: {
  id: string;
  actions: DocumentAction[];
  identity: { series: string; number: string };
  /** False for a viewer: "no action" is then about the role, not the document's state. */
  canAct?: boolean;
}) {
  const locale = useLocale();
  const router = useRouter();
  const client = useQueryClient();
  const [closing, setClosing] = useState(false);
  const [correcting, setCorrecting] = useState(false);
  const run = useMutation({
    mutationFn: (action: "refresh" | "retry") => runDocumentAction(id, action, locale),
    onSuccess: async () => {
      await client.invalidateQueries({ queryKey: queryKeys.transmissions.all });
      router.refresh();
    },
  });
  if (!canAct) return <p className="text-sm text-slate-500" data-testid="no-actions">{plainT("role.viewerNoActions", locale)}</p>;
  if (actions.length === 0) return <p className="text-sm text-slate-500" data-testid="no-actions">{plainT("state.noActions", locale)}</p>;
  return (
    <div className="space-y-3">
      <div className="flex flex-wrap gap-2">
        {actions.includes("refresh") && (
          <Button onClick={() => run.mutate("refresh")} disabled={run.isPending}>{ht("action.refresh", locale)}</Button>
        )}
        {actions.includes("retry") && (
          <Button variant="secondary" onClick={() => run.mutate("retry")} disabled={run.isPending}>{ht("action.retry", locale)}</Button>
        )}
        {actions.includes("fix") && <Link href={`/transmissions/${id}/fix`} className={linkClass}>{ht("action.fix", locale)}</Link>}
        {actions.includes("copy") && <Link href={`/credit-notes/new?from=${id}`} className={linkClass}>{ht("action.copy", locale)}</Link>}
        {actions.includes("correct") && (
          <Button aria-expanded={correcting} onClick={() => setCorrecting((open) => !open)}>{creditT("correct.title", locale)}</Button>
        )}
        {actions.includes("close_out") && (
          <Button variant="secondary" aria-expanded={closing} onClick={() => setClosing((open) => !open)}>{creditT("closeOut.title", locale)}</Button>
        )}
      </div>
      {run.isPending && <p role="status" className="text-sm">{ht("action.working", locale)}</p>}
      {run.isSuccess && <Notice tone="success">{ht("action.done", locale, { status: ht(`status.${run.data.status}` as "status.queued", locale) })}</Notice>}
      {run.error && <Notice tone="error">{run.error instanceof ApiError ? run.error.message : ht("action.failed", locale)}</Notice>}
      {correcting && <CorrectCreditForm id={id} {...identity} />}
      {closing && <CloseOutForm id={id} {...identity} />}
    </div>
  );
}
