import { requestJson } from "@/components/ui/fetch-json";
import type { ProviderDocument } from "@/lib/provider/impact/document-types";
import type { DocumentTotals } from "@/lib/domain/types";
import type { CounterpartyView, DraftSummary } from "@/lib/settings/views";
import type { Locale } from "@/lib/i18n/locale";
import type { ComposeValues } from "@/lib/validation/draft-snapshot";

export interface PreviewAnswer {
  document: ProviderDocument;
  totals: DocumentTotals;
  assignedAtIssue: string[];
}

export interface IssueAnswer {
  id: string;
  status: string;
  series: string;
  number: string;
}

export function searchCounterparties(term: string, locale: Locale, signal?: AbortSignal): Promise<{ items: CounterpartyView[] }> {
  return requestJson(`/api/counterparties?${new URLSearchParams({ q: term, limit: "8" })}`, { locale, signal });
}

export function saveCounterparty(entry: ComposeValues["counterparty"], locale: Locale): Promise<{ counterparty: CounterpartyView }> {
  return requestJson("/api/counterparties", { method: "POST", body: entry, locale });
}

export function previewDraft(draft: ComposeValues & { number?: string }, locale: Locale): Promise<PreviewAnswer> {
  return requestJson("/api/credit-notes/preview", { method: "POST", body: { draft }, locale });
}

/** Issues the draft; its id makes a repeated call answer with the same document. */
export function issueDraft(draft: ComposeValues, locale: Locale): Promise<IssueAnswer> {
  return requestJson("/api/credit-notes", { method: "POST", body: { draft }, locale });
}

export function saveDraftSnapshot(draft: ComposeValues, step: number, locale: Locale, keepalive = false): Promise<{ id: string; updatedAt: string }> {
  return requestJson(`/api/drafts/${draft.id}`, { method: "PUT", body: { draft, step }, locale, keepalive });
}

export function deleteDraft(id: string, locale: Locale): Promise<{ deleted: boolean }> {
  return requestJson(`/api/drafts/${id}`, { method: "DELETE", locale });
}

export function duplicateDraft(id: string, locale: Locale): Promise<{ id: string }> {
  return requestJson(`/api/drafts/${id}/duplicate`, { method: "POST", locale });
}

export function listDrafts(locale: Locale): Promise<{ items: DraftSummary[] }> {
  return requestJson("/api/drafts", { locale });
}
