/**
 * Which actions a document offers, decided from its state alone (mirrors what lib/sending
 * allows, so a button is never shown that the server would refuse). Pure.
 */

export type DocumentAction = "refresh" | "retry" | "fix" | "copy" | "credit";

/** What the decision needs to know about a document. */
export interface ActionFacts {
  status: "queued" | "sending" | "accepted" | "rejected" | "unknown" | "needs_attention";
  kind: "compose" | "credit_existing";
  mark: string | null;
  authenticationCode: string | null;
  /** A worker holds the document right now (lease not expired). */
  leaseLive: boolean;
  /** May the viewer act (clerk or admin)? */
  canAct: boolean;
}

/**
 * - Refresh status (a look-up at the provider): whenever the outcome is open or may be stale —
 *   `sending`, `unknown`, `needs_attention`, and an `accepted` document still missing its links.
 * - Retry (resend the identical document): `unknown` or `needs_attention`, while no worker holds it.
 * - Fix & resend: `rejected` composed documents only (a credit of an existing document has no
 *   content of ours to fix).
 * - Copy as new draft: any composed document.
 * - Credit this document: an `accepted` document with its MARK and authentication code.
 * People who may only read (viewers) get none.
 */
export function legalActions(facts: ActionFacts): DocumentAction[] {
  if (!facts.canAct) return [];
  const actions: DocumentAction[] = [];
  const { status } = facts;
  if (status === "sending" || status === "unknown" || status === "needs_attention" || (status === "accepted" && facts.authenticationCode === null)) {
    actions.push("refresh");
  }
  if ((status === "unknown" || status === "needs_attention") && !facts.leaseLive) actions.push("retry");
  if (status === "rejected" && facts.kind === "compose") actions.push("fix");
  if (facts.kind === "compose") actions.push("copy");
  if (status === "accepted" && facts.mark !== null && facts.authenticationCode !== null) actions.push("credit");
  return actions;
}

/** Statuses that still change on their own; pages showing them poll until none is left. */
export const MOVING_STATUSES = ["queued", "sending", "unknown"] as const;

/** True while the worker may still change a document of this status by itself. */
export function isMoving(status: string): boolean {
  return (MOVING_STATUSES as readonly string[]).includes(status);
}
