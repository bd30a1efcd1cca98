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

/** A document the provider registered at myDATA, as its answer (or its document list) shows it. */
export interface AcceptedDocument {
  /** myDATA's MARK, as the exact digits the provider wrote. */
  mark: string;
  uid: string;
  authenticationCode: string;
  /** The provider's portal page of the document (`{url}/pdf`, `{url}/aade`). */
  url: string;
  /** AADE's QR link (`erpQrCode`); absent when the answer did not carry it. */
  qrUrl?: string | undefined;
  series?: string | undefined;
  number?: string | undefined;
  internalId?: string | undefined;
}

type Ambiguous = {
  kind: "ambiguous";
  reason: "connect" | "timeout" | "reset" | "malformed" | "redirect" | "unexpected";
  httpStatus: number | null;
  body: string | null;
  message: string;
  connected: boolean;
};

export type SendOutcome =
  /** 2xx with a MARK: registered at myDATA. */
  | ({ kind: "accepted"; httpStatus: number; body: string } & AcceptedDocument)
  /** `/Invoice/credit` answered 2xx `{}`: the credit was made, its MARK is read from the document list. */
  | { kind: "accepted_without_mark"; httpStatus: number; body: string; message: string }
  /** 400: provider or myDATA validation; final for this attempt, never retried automatically. */
  | { kind: "rejected"; httpStatus: number; body: string; message: string; errors: ProviderFieldError[]; isAadeError: boolean }
  /** 401: the key does not belong to Issuer.Vat. */
  | { kind: "unauthorized"; httpStatus: number; body: string; message: string }
  /**
   * 409, or 2xx success:false "already transmitted": a document with the same myDATA UID is
   * registered. `registered` is the stored document the provider sent back (null when the answer
   * carried no MARK); it may belong to another system's document with the same series and number.
   */
  | { kind: "duplicate"; httpStatus: number; body: string; message: string; registered: AcceptedDocument | null }
  /**
   * 408 "… is already being transmitted.": an earlier call for the same document is in flight, or
   * the number is locked after a 500 (about 2 minutes). Send the identical document again later.
   */
  | { kind: "locked"; httpStatus: number; body: string; message: string; retryAfterMs: number | null }
  /**
   * The provider could not take the document now. `registered: "no"` for the 500 "Please resend."
   * (nothing registered, the number locked for about 2 minutes); `"maybe"` for 408 "IAPR Timeout"
   * (myDATA may still register it), other 5xx and 429.
   */
  | { kind: "unavailable"; httpStatus: number; body: string; message: string; retryAfterMs: number | null; registered: "no" | "maybe" }
  /** No usable answer: connect failure, timeout, reset, unreadable 2xx, redirect. */
  | Ambiguous;

/** What the provider's document list (or the optional status look-up) shows besides the identifiers. */
export interface ListedDetails {
  invoiceType?: string | undefined;
  dateIssued?: string | undefined;
  counterpartyVat?: string | undefined;
  /** Gross and VAT totals as the provider wrote them (decimal text, euros). */
  totalAmount?: string | undefined;
  totalVatAmount?: string | undefined;
}

export type LookupOutcome =
  | ({
      kind: "found";
      status: "accepted" | "processing" | "rejected";
      httpStatus: number;
      body: string;
      message: string | null;
      errors: ProviderFieldError[];
      /** Where the answer came from: the portal's document list or the status look-up. */
      source?: "document_list" | "status" | undefined;
      listed?: ListedDetails | undefined;
    } & Partial<AcceptedDocument>)
  | { kind: "not_found"; httpStatus: number; body: string }
  | { kind: "unavailable"; httpStatus: number | null; body: string | null; message: string }
  | Ambiguous;

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
