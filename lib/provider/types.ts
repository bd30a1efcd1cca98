/**
 * What the provider adapter answers. Every call ends in exactly one of these; transport
 * surprises never escape as exceptions.
 */

export interface ProviderFieldError {
  /** Provider or myDATA code when one was given (e.g. "229"). */
  code: string | null;
  message: string;
  /** Document field the error concerns, in provider JSON terms (e.g. "Details[0].VATTotal"), when known. */
  field: string | null;
}

export interface AcceptedDocument {
  mark: string;
  uid: string;
  authenticationCode: string;
  url: string;
  series?: string | undefined;
  number?: string | undefined;
  internalId?: string | undefined;
}

export type SendOutcome =
  /** 201 with a MARK: registered at myDATA. */
  | ({ kind: "accepted"; httpStatus: number; body: string } & AcceptedDocument)
  /** 400: provider or myDATA validation; final for this attempt, never retried automatically. */
  | { kind: "rejected"; httpStatus: number; body: string; message: string; errors: ProviderFieldError[]; isAadeError: boolean }
  /** 401: the key does not belong to Issuer.Vat. */
  | { kind: "unauthorized"; httpStatus: number; body: string; message: string }
  /** 409, or 2xx success:false "already transmitted". */
  | { kind: "duplicate"; httpStatus: number; body: string; message: string }
  /** The provider said it could not take the document now (408, 5xx). It may still hold it (5xx after storing). */
  | { kind: "unavailable"; httpStatus: number; body: string; message: string; retryAfterMs: number | null }
  /** No usable answer: connect failure, timeout, reset, unreadable 2xx, redirect. */
  | { kind: "ambiguous"; reason: "connect" | "timeout" | "reset" | "malformed" | "redirect" | "unexpected"; httpStatus: number | null; body: string | null; message: string; connected: boolean };

export type LookupOutcome =
  | ({ kind: "found"; status: "accepted" | "processing" | "rejected"; httpStatus: number; body: string; message: string | null; errors: ProviderFieldError[] } & Partial<AcceptedDocument>)
  | { kind: "not_found"; httpStatus: number; body: string }
  | { kind: "unavailable"; httpStatus: number | null; body: string | null; message: string }
  | { kind: "ambiguous"; reason: "connect" | "timeout" | "reset" | "malformed" | "redirect" | "unexpected"; httpStatus: number | null; body: string | null; message: string; connected: boolean };

/** Body of POST /Invoice/credit. */
export interface CreditExistingRequest {
  issuerTin: string;
  authenticationCode: string;
  mark: number | string;
  series: string;
  number: string;
  internalId: string;
  relateCredit: boolean;
  preventDocumentMapping: boolean;
}
