import "server-only";
import type { DocumentStatus, NextAction } from "@/lib/db/schema";
import type { AcceptedDocument, LookupOutcome } from "@/lib/provider/types";
import { lookupMatches, type OurIdentity } from "@/lib/sending/provider-match";
import { describeLookupError, type RecordedError } from "@/lib/sending/recorded-error";

/** What a look-up asked for by a person changes; null when it only goes on the timeline. */
export type RefreshEffect = { status: "accepted"; accepted: AcceptedDocument } | { status: "rejected"; error: RecordedError } | null;

/**
 * The effect of a manual look-up (document list, or status look-up when switched on). Pure. The
 * provider showing OUR document accepted (same internal id where stated, series/number/MARK, and
 * for a list row the counterparty and gross) settles it as accepted from any state but a
 * needs_attention caused by another document holding our number, or refreshes the stored
 * MARK/UID/URL of an accepted one. A rejection settles only an `unknown`
 * document waiting for an ordinary look-up that no worker is handling right now. Everything
 * else is left to the worker.
 */
export function refreshEffect(
  current: { status: DocumentStatus; nextAction: NextAction | null; leaseLive: boolean; lastErrorKind?: string | null | undefined },
  outcome: LookupOutcome,
  ours: OurIdentity,
): RefreshEffect {
  if (outcome.kind !== "found") return null;
  if (outcome.status === "accepted") {
    if (outcome.mark === undefined || !lookupMatches(outcome, ours).ok) return null;
    // Another document was shown to hold our number: a list row (which names no internal id) cannot overturn that.
    if (current.lastErrorKind === "mismatch" && current.status === "needs_attention" && outcome.internalId === undefined) return null;
    const { mark, uid = "", authenticationCode = "", url = "", qrUrl } = outcome;
    return { status: "accepted", accepted: qrUrl === undefined ? { mark, uid, authenticationCode, url } : { mark, uid, authenticationCode, url, qrUrl } };
  }
  if (outcome.status === "rejected" && current.status === "unknown" && current.nextAction === "lookup" && !current.leaseLive) {
    return { status: "rejected", error: describeLookupError(outcome) };
  }
  return null;
}
