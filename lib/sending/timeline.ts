import "server-only";
import type { NewEvent } from "@/lib/db/events";
import type { DocumentStatus } from "@/lib/db/schema";
import type { LookupOutcome } from "@/lib/provider/types";
import type { DocumentRow } from "@/lib/sending/leases";
import type { Transition } from "@/lib/sending/state-machine";

/** The timeline entry of a transition (its type is the new status); none when nothing changed. */
export function statusEvent(doc: DocumentRow, from: DocumentStatus, transition: Transition, at: string): NewEvent[] {
  if (transition.status === from && transition.nextAction === doc.next_action) return [];
  return [
    {
      documentId: doc.id,
      at,
      type: transition.status,
      detail: {
        reason: transition.reason,
        from,
        ...(transition.nextAction === null ? {} : { nextAction: transition.nextAction, inMs: transition.delayMs }),
        ...(transition.accepted === undefined ? {} : { mark: transition.accepted.mark }),
      },
    },
  ];
}

/** What the timeline keeps of a look-up answer. */
export function lookupDetail(outcome: LookupOutcome, reason?: string): Record<string, unknown> {
  const base = { result: outcome.kind, httpStatus: outcome.httpStatus, ...(reason === undefined ? {} : { reason }) };
  switch (outcome.kind) {
    case "found":
      return { ...base, status: outcome.status, mark: outcome.mark ?? null, message: outcome.message, ...(outcome.source === undefined ? {} : { source: outcome.source }) };
    case "not_found":
      return base;
    case "unavailable":
      return { ...base, message: outcome.message };
    case "ambiguous":
      return { ...base, message: outcome.message, failure: outcome.reason };
  }
}
