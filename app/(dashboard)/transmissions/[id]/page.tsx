import Link from "next/link";
import { notFound } from "next/navigation";
import { AnswerPanel } from "@/components/transmissions/answer-panel";
import { AttemptsTable } from "@/components/transmissions/attempts-table";
import { DetailActions } from "@/components/transmissions/detail-actions";
import { DetailLive } from "@/components/transmissions/detail-live";
import { EventTimeline } from "@/components/transmissions/event-timeline";
import { IdentityPanel } from "@/components/transmissions/identity-panel";
import { PrintAndEmail } from "@/components/transmissions/print-and-email";
import { SentDocumentView } from "@/components/transmissions/sent-document-view";
import { StatusBadge } from "@/components/transmissions/status-badge";
import { Card, CardTitle } from "@/components/ui/card";
import { Notice } from "@/components/ui/notice";
import { requireUser } from "@/lib/auth/current-user";
import { hasRole } from "@/lib/auth/roles";
import { getReadyDb } from "@/lib/db/ready";
import { loadDetail } from "@/lib/history/detail";
import { cleanMessage } from "@/lib/history/error-fields";
import { creditT } from "@/lib/i18n/credit-messages";
import { plainProviderError } from "@/lib/i18n/provider-error-words";
import { ht } from "@/lib/i18n/history-messages";
import { ot } from "@/lib/i18n/outage-messages";
import { getRequestLocale } from "@/lib/i18n/server-locale";
import { plainT, problemWords } from "@/lib/i18n/plain-messages";
import { TechnicalDetails } from "@/components/transmissions/technical-details";

export const dynamic = "force-dynamic";

// /transmissions/{id} — one document: identity, answers, QR/PDF, the document as sent with errors on their fields, attempts, timeline, legal actions (viewer).
export default async function TransmissionPage({ params }: { params: Promise<{ id: string }> }) {
  const user = await requireUser({ role: "viewer" });
  const locale = await getRequestLocale();
  const { id } = await params;
  const db = await getReadyDb();
  const view = await loadDetail(db, id, { canAct: hasRole(user.role, "clerk") });
  if (view === null) notFound();
  const { summary } = view;
  const plain = view.lastError === null ? null : plainProviderError(view.lastError.kind, view.errors.map((error) => error.code), locale);
  return (
    <article aria-labelledby="detail-title" className="space-y-5">
      <Link href="/transmissions" className="text-sm text-brand underline">{ht("detail.back", locale)}</Link>
      <div className="flex flex-wrap items-center gap-3">
        <h1 id="detail-title" className="text-2xl font-semibold">{ht("detail.title", locale, { document: `${summary.series}/${summary.number}` })}</h1>
        <StatusBadge status={summary.status} waitingForProvider={summary.waitingForProvider} />
      </div>
      <DetailLive id={summary.id} status={summary.status} updatedAt={summary.updatedAt} />
      <Card aria-labelledby="actions-title">
        <CardTitle id="actions-title">{ht("action.title", locale)}</CardTitle>
        <DetailActions id={summary.id} actions={view.actions} identity={{ series: summary.series, number: summary.number }} canAct={hasRole(user.role, "clerk")} />
        {view.pdfHref !== null && <PrintAndEmail pdfHref={view.pdfHref} pdfEmailedTo={view.pdfEmailedTo} />}
      </Card>
      {view.closed !== null && (
        <Notice tone="info">
          <span data-testid="closed-out">{creditT("closeOut.done", locale, { who: view.closed.by, at: view.closed.at.slice(0, 16).replace("T", " "), reason: view.closed.reason })}</span>
        </Notice>
      )}
      {summary.waitingForProvider === true && (
        <Notice tone="info">
          <strong data-testid="waiting-for-provider">{ot("outage.waitingDetail", locale)}</strong>
          {view.lastError !== null && <span className="block text-xs">{ot("outage.lastTry", locale, { message: cleanMessage(view.lastError.message) })}</span>}
        </Notice>
      )}
      {view.lastError !== null && summary.waitingForProvider !== true && (
        <Notice tone={summary.status === "rejected" ? "error" : "warning"}>
          {plain !== null && <span className="block font-medium" data-testid="plain-error">{plain}</span>}
          <strong>{ht("detail.lastError", locale)}:</strong> <span data-testid="problem-words">{problemWords(view.lastError.kind, locale)}</span>
          {view.errors.length > 0 && <span className="block text-xs">{ht("detail.errorsIntro", locale)}</span>}
          <TechnicalDetails>
            {view.lastError.httpStatus !== null && <span className="block">{plainT("details.http", locale, { status: view.lastError.httpStatus })}</span>}
            <span className="block">{plainT("details.providerText", locale)}: {cleanMessage(view.lastError.message)}</span>
          </TechnicalDetails>
        </Notice>
      )}
      <div className="grid gap-5 lg:grid-cols-2">
        <Card aria-labelledby="identity-title">
          <CardTitle id="identity-title">{ht("detail.identity", locale)}</CardTitle>
          <IdentityPanel summary={summary} />
        </Card>
        <Card aria-labelledby="answer-title">
          <CardTitle id="answer-title">{ht("detail.answer", locale)}</CardTitle>
          <AnswerPanel view={view} />
        </Card>
      </div>
      {view.sent !== null && (
        <Card aria-labelledby="sent-title">
          <CardTitle id="sent-title">{ht("detail.sent", locale)}</CardTitle>
          <SentDocumentView sent={view.sent} errors={view.errors} />
          <details className="mt-4">
            <summary className="cursor-pointer text-sm font-semibold text-brand">{ht("detail.payload", locale)}</summary>
            <pre className="mt-2 max-h-96 overflow-auto rounded bg-slate-50 p-3 text-xs" data-testid="payload-json">{view.payloadPretty}</pre>
          </details>
        </Card>
      )}
      <Card aria-labelledby="attempts-title">
        <CardTitle id="attempts-title">{ht("detail.attempts", locale)}</CardTitle>
        {view.attempts.length === 0 ? <AttemptsTable attempts={view.attempts} /> : (
          <details data-testid="attempts-details">
            <summary className="cursor-pointer text-sm font-semibold text-brand">{plainT("attempts.summary", locale, { count: view.attempts.length })}</summary>
            <div className="mt-2"><AttemptsTable attempts={view.attempts} /></div>
          </details>
        )}
      </Card>
      <Card aria-labelledby="timeline-title">
        <CardTitle id="timeline-title">{ht("detail.timeline", locale)}</CardTitle>
        <EventTimeline events={view.events} />
      </Card>
    </article>
  );
}
