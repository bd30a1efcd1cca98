import "server-only";
import type { DocumentStatus, NextAction } from "@/lib/db/schema";
import type { AcceptedDocument, LookupOutcome } from "@/lib/provider/types";
import { lookupMatches, type OurIdentity } from "@/lib/sending/provider-match";
import { describeLookupError, type RecordedError } from "@/lib/sending/recorded-error";

/** What a look-up asked for by a person changes; null when it only goes on the timeline. */
export type RefreshEffect = { status: "accepted"; accepted: AcceptedDocument } | { status: "rejected"; error: RecordedError } | null;

/**
 * The effect of a manual status look-up. Pure. The provider accepting OUR document (same
 * internal id, and series/number/MARK where stated) settles it as accepted from any state, or
 * refreshes the stored MARK/UID/URL of an accepted one. A rejection settles only an `unknown`
 * document waiting for an ordinary look-up that no worker is handling right now. Everything
 * else is left to the worker.
 */
export function refreshEffect(
  current: { status: DocumentStatus; nextAction: NextAction | null; leaseLive: boolean },
  outcome: LookupOutcome,
  ours: OurIdentity,
): RefreshEffect {
  if (outcome.kind !== "found") return null;
  if (outcome.status === "accepted") {
    if (outcome.mark === undefined || !lookupMatches(outcome, ours).ok) return null;
    const { mark, uid = "", authenticationCode = "", url = "" } = outcome;
    return { status: "accepted", accepted: { mark, uid, authenticationCode, url } };
  }
  if (outcome.status === "rejected" && current.status === "unknown" && current.nextAction === "lookup" && !current.leaseLive) {
    return { status: "rejected", error: describeLookupError(outcome) };
  }
  return null;
}
