/**
 * Every react-query key of the dashboard, from one factory, so that a mutation invalidates
 * exactly what it changed and two screens asking for the same thing share one cache entry.
 * Keys start with their area; invalidating an area's `all` reaches every key below it.
 */
export const queryKeys = {
  transmissions: {
    /** Actions on a document invalidate this: a document that changed may sit in any list. */
    all: ["transmissions"] as const,
    /** One page of the history, by the API query the server rendered it with. */
    list: (apiQuery: string) => ["transmissions", "list", apiQuery] as const,
    detail: (id: string) => ["transmissions", "detail", id] as const,
  },
  counterparties: {
    all: ["counterparties"] as const,
    /** The address-book search of the compose wizard, by its settled term. */
    search: (term: string) => ["counterparties", term] as const,
  },
  /** The server's preview of a draft, by the draft's JSON. */
  preview: (draftJson: string) => ["preview", draftJson] as const,
  drafts: ["drafts"] as const,
};
