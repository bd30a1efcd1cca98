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
  /** How long a queued `delay` fault held this request before it went on (its outcome is then the usual one). */
  delayedMs?: number;
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
  /** The PDF e-mail the provider sends when it registers a document with SendAsPdf (once: a repeated POST is a 409). */
  pdfEmail: { to: string[] } | null;
}

export type DuplicateShape = "409" | "2xx";

export interface RuntimeSettings {
  duplicateShape: DuplicateShape;
  processingWindowMs: number;
  /** Wait before the 408 of FAKE_IAPR_DELAYED_TIMEOUT. */
  delayedTimeoutMs: number;
  /** When that document is registered, from its arrival; at or below delayedTimeoutMs the call answers 201 instead. */
  delayedRegisterMs: number;
  /** How long a series|number stays locked after the save-error 500. */
  resendLockMs: number;
  /** Rows per page of GET /api/Invoice/GetDocuments. */
  documentsPageSize: number;
  /** Lifetime of access tokens issued from now on. */
  accessTokenTtlMs: number;
}

/** The settings POST /__control/settings may change, each a whole number ≥ its minimum. */
export const NUMERIC_SETTINGS = {
  processingWindowMs: 0, delayedTimeoutMs: 0, delayedRegisterMs: 0, resendLockMs: 0, documentsPageSize: 1, accessTokenTtlMs: 1,
} as const satisfies Partial<Record<keyof RuntimeSettings, number>>;
