/** Shapes of the control API's answers; shared with the test helper that reads them. */

export interface RequestLogEntry {
  seq: number;
  /** ISO timestamp of arrival. */
  at: string;
  method: string;
  /** Path as requested (original case, no query). */
  path: string;
  /** Null while pending, or when the answer was a reset or a hang. */
  status: number | null;
  internalId?: string;
  uid?: string;
  /** "accepted" | "rejected" | "duplicate" | "processing" | "unauthorized" | "fault:<mode>" | … */
  outcome: string;
  apiKeyPresent: boolean;
  bearerPresent: boolean;
}

export interface StoredDocumentSummary {
  internalId: string;
  uid: string;
  mark: string;
  series: string;
  number: string;
  invoiceType: string;
  /** Euros as JSON numbers, the way the provider document states them (e.g. 7.99). */
  totals: { net: number; vat: number; gross: number };
  acceptedAt: string;
}

export type DuplicateShape = "409" | "2xx";

export interface RuntimeSettings {
  duplicateShape: DuplicateShape;
  processingWindowMs: number;
}
