/**
 * Shapes shared by the sandbox modules. Amounts are integer euro cents; nothing here is a float
 * except the quantities, which the provider sends as plain numbers.
 */

/** One entry of a 400 answer's `errors` array. */
export interface FieldError {
  /** Provider code (e.g. "MissingField") or myDATA code (e.g. "229"). */
  code: string;
  message: string;
  /** Provider JSON path in PascalCase, e.g. "Details[0].VATTotal"; null when no field applies. */
  field: string | null;
}

/** A myDATA-level finding before it is worded as an "Aade Validation Error". */
export interface AadeIssue {
  code: number;
  text: string;
  field: string;
  /** 1-based line number when the issue concerns one invoice line. */
  line: number | null;
}

export interface ParsedParty {
  /** As sent, e.g. "EL094259216" or "DE123456789". */
  vat: string;
  /** Normalised: the EL/GR prefix removed, so Greek parties are bare digits. */
  afm: string;
  name: string;
  branch: number;
  countryCode: string;
  street: string;
  city: string;
  postalCode: string;
}

export interface ParsedClassification {
  category: string;
  type: string | null;
  amountCents: number;
}

/** One tax beyond VAT on a line as sent: its category code (null when absent) and amount (0 when absent). */
export interface ParsedLineTax {
  category: number | null;
  amountCents: number;
}

export interface ParsedLineTaxes {
  withheld: ParsedLineTax;
  fees: ParsedLineTax;
  stampDuty: ParsedLineTax;
  otherTaxes: ParsedLineTax;
  deductionsCents: number;
}

export interface ParsedLine {
  lineNo: number;
  descriptions: string[];
  quantity: number;
  unitCode: number | null;
  unitPriceCents: number | null;
  netCents: number;
  vatCents: number;
  totalCents: number;
  vatCategory: number;
  vatExemption: number | null;
  classifications: ParsedClassification[];
  taxes: ParsedLineTaxes;
}

/** A VatAnalysis row as the sender stated it. */
export interface StatedVatRow {
  ratePercent: number;
  underlyingCents: number;
  vatCents: number;
  exemption: number | null;
}

export interface ParsedPayment {
  code: number;
  amountCents: number;
}

/** The document after provider-level checks: every mandatory field present and typed. */
/** Summaries as sent; the tax totals are null when absent (a plain document sends only the first three). */
export interface ParsedSummaryTotals {
  netCents: number;
  vatCents: number;
  grossCents: number;
  withheldCents: number | null;
  feesCents: number | null;
  stampDutyCents: number | null;
  otherTaxesCents: number | null;
  deductionsCents: number | null;
}

export interface ParsedDocument {
  invoiceType: string;
  documentTypeCode: string;
  currency: string;
  series: string;
  number: string;
  /** As sent, e.g. "2023-03-24T00:00:00". */
  dateIssued: string;
  /** YYYY-MM-DD part of dateIssued. */
  issueDate: string;
  internalId: string;
  issuer: ParsedParty;
  counterparty: ParsedParty | null;
  lines: ParsedLine[];
  summary: ParsedSummaryTotals;
  vatAnalysis: StatedVatRow[];
  payments: ParsedPayment[];
  correlatedMarks: string[];
  reference: string | null;
  /** ExchangeRate (or PaymentDetails.ExchangeCurrencyRate) when sent: mandatory with a currency other than EUR. */
  exchangeRate: number | null;
}

/** An accepted document as kept in the store. */
export interface StoredDocument {
  mark: string;
  uid: string;
  authenticationCode: string;
  /**
   * Secret token of the document's portal links: `{portal}/f/EL{afm}/{uid}/{signature}` (and the
   * older `{portal}/v/{signature}`). 32 uppercase hex digits; earlier journals hold 40 lowercase ones.
   */
  signature: string;
  internalId: string;
  issuerAfm: string;
  receivedAt: string;
  acceptedAt: string;
  /**
   * When myDATA registered it: later than acceptedAt only for FAKE_IAPR_DELAYED_TIMEOUT, whose
   * document is in flight until then. Absent in older journals (= acceptedAt).
   */
  registeredAt?: string;
  origin: "json" | "credit";
  /** MARK of the document this one credits (origin "credit" only). */
  creditOfMark: string | null;
  document: ParsedDocument;
  payload: unknown;
}

/** The last rejection of an InternalDocumentId, kept for status look-ups. */
export interface RejectionRecord {
  internalId: string;
  uid: string | null;
  issuerAfm: string;
  at: string;
  message: string;
  errors: FieldError[];
}

/** Identity of one submission, used for the "still processing" and duplicate checks. */
export interface SubmissionIdentity {
  /** InternalDocumentIds are unique per issuer, so every look-up is scoped by the issuer's AFM. */
  issuerAfm: string;
  uid: string | null;
  internalId: string | null;
}
