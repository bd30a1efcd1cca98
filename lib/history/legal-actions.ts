/**
 * Which actions a document offers, decided from its state alone (mirrors what lib/sending
 * allows, so a button is never shown that the server would refuse). Pure.
 */

export type DocumentAction = "refresh" | "retry" | "fix" | "correct" | "copy" | "close_out";

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
  /** A person closed it out (voided it) with a reason. */
  closed?: boolean | undefined;
}

/**
 * - Refresh status (a look-up at the provider): whenever the outcome is open or may be stale —
 *   `sending`, `unknown`, `needs_attention`, and an `accepted` document still missing its links.
 * - Retry (resend the identical document): `unknown` or `needs_attention`, while no worker holds it.
 * - Fix & resend: `rejected` composed documents only (a credit of an existing document has no
 *   content of ours to fix).
 * - Copy as new draft: any composed document.
 * - Correct & resend a rejected credit of an issued document (its code, 5.1/5.2), with its number.
 * - Close out (void with a reason): `rejected` or `needs_attention`, not yet closed, while no worker holds it.
 * - Never "credit this document": everything this dashboard issues is a credit note, which is
 *   not credited (invoices are credited from "Issued invoices").
 * A closed-out entry offers only Copy. People who may only read (viewers) get none.
 */
export function legalActions(facts: ActionFacts): DocumentAction[] {
  if (!facts.canAct) return [];
  const actions: DocumentAction[] = [];
  const { status } = facts;
  if (status === "sending" || status === "unknown" || status === "needs_attention" || (status === "accepted" && facts.authenticationCode === null)) {
    actions.push("refresh");
  }
  const open = facts.closed !== true;
  if ((status === "unknown" || status === "needs_attention") && !facts.leaseLive && open) actions.push("retry");
  if (status === "rejected" && facts.kind === "compose" && open) actions.push("fix");
  if (status === "rejected" && facts.kind === "credit_existing" && open) actions.push("correct");
  if (facts.kind === "compose") actions.push("copy");
  if ((status === "rejected" || status === "needs_attention") && !facts.leaseLive && open) actions.push("close_out");
  return actions;
}

/** Statuses that still change on their own; pages showing them poll until none is left. */
export const MOVING_STATUSES = ["queued", "sending", "unknown"] as const;

/** True while the worker may still change a document of this status by itself. */
export function isMoving(status: string): boolean {
  return (MOVING_STATUSES as readonly string[]).includes(status);
}
