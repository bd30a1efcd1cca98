import type { DocumentStatus } from "@/lib/domain/statuses";

/** What of a document's last failure tells whether it only waits for the provider. */
interface LastFailure {
  kind: string;
  reason?: string | undefined;
}

/**
 * A document waits for the provider, rather than having an error, when it is due to be sent
 * again automatically and its last try never reached the provider (no connection), or the
 * provider asked to come back later (unavailable, or the series/number locked for a while).
 */
export function isWaitingForProvider(status: DocumentStatus, nextAction: string | null, lastError: LastFailure | null): boolean {
  if (status !== "queued" && status !== "unknown") return false;
  if (nextAction !== "send" || lastError === null) return false;
  if (lastError.kind === "ambiguous") return lastError.reason === "connect";
  return lastError.kind === "locked" || lastError.kind === "unavailable";
}

/** The same from the stored JSON of documents.last_error_json. */
export function isWaitingForProviderRow(row: { status: DocumentStatus; next_action: string | null; last_error_json: string | null }): boolean {
  let lastError: LastFailure | null = null;
  try {
    lastError = row.last_error_json === null ? null : (JSON.parse(row.last_error_json) as LastFailure);
  } catch {
    lastError = null;
  }
  return isWaitingForProvider(row.status, row.next_action, lastError);
}
