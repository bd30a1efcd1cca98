import { requestJson } from "@/components/ui/fetch-json";
import { queryKeys } from "@/components/ui/query-keys";
import type { HistoryItem, HistoryPageData } from "@/lib/history/views";
import type { Locale } from "@/lib/i18n/locale";
import type { ComposeValues } from "@/lib/validation/draft-snapshot";

/** The history screens' keys (components/ui/query-keys.ts), under the name the wizard's fix mode imports. */
export const transmissionKeys = queryKeys.transmissions;

/** What an action answers. */
export interface ActionAnswer {
  id: string;
  status: string;
  changed?: boolean;
  series?: string;
  number?: string;
}

/** One page of the history for an API query (the same one the server rendered). */
export function fetchHistoryPage(apiQuery: string, locale: Locale, signal?: AbortSignal): Promise<HistoryPageData> {
  return requestJson(`/api/transmissions?${apiQuery}`, { locale, signal });
}

/** A document's current state (only the summary fields are read by the live views). */
export function fetchTransmission(id: string, locale: Locale, signal?: AbortSignal): Promise<HistoryItem> {
  return requestJson(`/api/transmissions/${encodeURIComponent(id)}`, { locale, signal });
}

/** Refresh status (look-up at the provider now) or Retry (resend the identical document). */
export function runDocumentAction(id: string, action: "refresh" | "retry", locale: Locale): Promise<ActionAnswer> {
  return requestJson(`/api/transmissions/${encodeURIComponent(id)}/${action}`, { method: "POST", locale });
}

/** Fix & resend a rejected document with the corrected draft of the wizard; it keeps its number. */
export function fixDocument(id: string, draft: ComposeValues & { number: string }, locale: Locale): Promise<ActionAnswer> {
  return requestJson(`/api/transmissions/${encodeURIComponent(id)}/fix`, { method: "POST", body: { draft }, locale });
}

/** Corrects a rejected credit of an issued document (its code, 5.1/5.2) and sends it again with its number. */
export function correctCredit(id: string, body: { authenticationCode: string; relateCredit: boolean }, locale: Locale): Promise<ActionAnswer> {
  return requestJson(`/api/transmissions/${encodeURIComponent(id)}/correct-credit`, { method: "POST", body, locale });
}

/** Closes out a rejected or needs-attention entry with a written reason; its number stays used. */
export function closeOutEntry(id: string, reason: string, locale: Locale): Promise<ActionAnswer> {
  return requestJson(`/api/transmissions/${encodeURIComponent(id)}/close-out`, { method: "POST", body: { reason }, locale });
}
