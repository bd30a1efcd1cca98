/**
 * Shared shapes of the pure core. Amounts are integer euro cents (`…Cents`), quantities are
 * integer thousandths (`quantityMilli`), percentages are integer basis points (`…BasisPoints`,
 * 1% = 100). Nothing here is a float.
 */

/** Integer number of euro cents, never negative on a credit note. */
export type Cents = number;

/** Whether line unit prices were typed without VAT (`net`) or with VAT (`gross`). */
export type PriceEntry = "net" | "gross";

export interface PartyAddress {
  /** ISO 3166-1 alpha-2, `GR` for Greece. */
  countryCode: string;
  city: string;
  street: string;
  postalCode: string;
}

export interface IssuerInput {
  /** As written on documents: `EL` + 9 digits for Greece. */
  vat: string;
  name: string;
  branchCode: number;
  address: PartyAddress;
}

export interface CounterpartyInput {
  name: string;
  /** Greek: `EL` + 9 digits; other countries: their VIES prefix + national number. */
  vat: string;
  code?: string | undefined;
  address: PartyAddress;
  emails: string[];
}

export interface IncomeClassificationInput {
  /** e.g. `category1_1` */
  category: string;
  /** e.g. `E3_561_001`; null only where the 5.2 matrix allows omitting it. */
  type: string | null;
}

/** One tax beyond VAT on a line: its myDATA category and, for an amount category, the amount. */
export interface LineTaxInput {
  category: number;
  /** The amount of an amount category (typed); null for a percentage category (computed from the net). */
  amountCents: Cents | null;
}

/** A line's taxes beyond VAT (docs/DRAFT.md `withheldCategory` … `deductionsAmount`); absent ones are none. */
export interface LineTaxesInput {
  withheld?: LineTaxInput | null;
  fees?: LineTaxInput | null;
  stampDuty?: LineTaxInput | null;
  otherTaxes?: LineTaxInput | null;
  deductionsCents?: Cents;
}

export interface LineInput {
  description: string;
  /** Quantity × 1000, > 0. */
  quantityMilli: number;
  /** myDATA measurement unit code (1–7). */
  unitCode: number;
  /** Unit price as typed, in cents: net or gross according to the document's `priceEntry`. */
  unitPriceCents: Cents;
  /** Line discount, 0–10000 (0%–100%). */
  discountBasisPoints: number;
  /** myDATA VAT category code (1–10). */
  vatCategory: number;
  /** myDATA exemption reason; required exactly when the category is 7 (0%). */
  vatExemptionCategory: number | null;
  incomeClassification: IncomeClassificationInput;
  /** Withholding, fees, stamp duty, other taxes and deductions; absent on a plain line. */
  taxes?: LineTaxesInput;
}

export interface PaymentInput {
  /** myDATA payment method code (1–8). */
  methodCode: number;
  amountCents: Cents;
}

/** A draft whose fields are parsed and checked; what the document builder consumes. */
export interface CreditNoteInput {
  issuer: IssuerInput;
  counterparty: CounterpartyInput;
  priceEntry: PriceEntry;
  lines: LineInput[];
  payments: PaymentInput[];
  /** Accounting-department e-mails that receive the document. */
  emails: string[];
  /**
   * The provider e-mails the PDF to `emails` once, when it registers the document
   * (AdditionalDetails.SendAsPdf + PdfNotificationEmails; docs/reference/observed-uat.md §7).
   */
  sendPdf?: boolean | undefined;
  /** Free-text reference to the original document. */
  reference?: string | undefined;
  notes?: string | undefined;
  /** MARK of the invoice this credits in part: the document is then a 5.1 correlated to it. */
  correlatedMark?: string | undefined;
}

/** The identity a document keeps for every attempt, fixed before the first one. */
export interface DocumentIdentity {
  /** UUID, sent as DistributionDetails.InternalDocumentId. */
  internalDocumentId: string;
  series: string;
  number: string;
  /** Europe/Athens local time, `YYYY-MM-DDTHH:mm:ss` (the provider's format, no zone). */
  issuedAt: string;
}

export interface LineAmounts {
  /** Net before the line discount. */
  catalogNetCents: Cents;
  netCents: Cents;
  vatCents: Cents;
  /** net + VAT */
  totalCents: Cents;
  /** Net unit price (what the provider calls UnitPrice). */
  unitNetPriceCents: Cents;
  /** Gross unit price (what the provider calls CatalogUnitPrice). */
  unitGrossPriceCents: Cents;
  /**
   * Gross entry only: VAT − half-up(net × rate), ±1 when no net gives the typed gross with the
   * rounded VAT and the VAT was taken as gross − net instead; 0 otherwise. A non-zero value marks
   * the line in the review and the document view.
   */
  vatAdjustmentCents: Cents;
  /** Taxes beyond VAT (0 where none): withheld, fees, stamp duty, other taxes, deductions. */
  withheldCents: Cents;
  feesCents: Cents;
  stampDutyCents: Cents;
  otherTaxesCents: Cents;
  deductionsCents: Cents;
  /** myDATA's line gross: net + VAT − withheld + fees + stamp duty + other taxes − deductions. */
  payableCents: Cents;
}

export interface VatAnalysisRow {
  vatCategory: number;
  ratePercent: number;
  /** Present for 0% rows: the exemption reason. */
  vatExemptionCategory: number | null;
  underlyingValueCents: Cents;
  vatCents: Cents;
}

export interface DocumentTotals {
  lines: LineAmounts[];
  netCents: Cents;
  vatCents: Cents;
  /** Sums of the lines' taxes beyond VAT. */
  withheldCents: Cents;
  feesCents: Cents;
  stampDutyCents: Cents;
  otherTaxesCents: Cents;
  deductionsCents: Cents;
  /**
   * myDATA's totalGrossValue, the payable amount: net + VAT − withheld + fees + stamp duty +
   * other taxes − deductions (net + VAT when the lines carry no other taxes).
   */
  grossCents: Cents;
  vatAnalysis: VatAnalysisRow[];
  /** Σ payments − gross; 0 when payments add up. */
  paymentDifferenceCents: Cents;
}
