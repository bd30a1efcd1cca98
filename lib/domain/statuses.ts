/**
 * Where a sent document stands (see lib/sending/state-machine.ts for the moves between them):
 * `queued → sending → accepted | rejected | unknown | needs_attention`.
 */
export const DOCUMENT_STATUSES = ["queued", "sending", "accepted", "rejected", "unknown", "needs_attention"] as const;

export type DocumentStatus = (typeof DOCUMENT_STATUSES)[number];
