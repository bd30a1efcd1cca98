/**
 * The JSON document posted to the provider's `POST /Invoice/json`, shaped after the provider's
 * own 5.2 sample (provider/samples/5.2-b2b-credit-invoice-non-associated.json). Amounts are
 * JSON numbers with at most 2 decimals; optional keys are absent, never `undefined`.
 */

export interface ProviderAddress {
  /** Country name, sent for Greece only ("ΕΛΛΑΔΑ"), as in the sample. */
  Country?: string;
  CountryCode: string;
  City: string;
  Street: string;
  Postal: string;
}

export interface ProviderIssuer {
  RegisteredName: string;
  /** "EL" + 9 digits. */
  Vat: string;
  Address: ProviderAddress;
  BranchCode: number;
}

export interface ProviderCounterParty {
  RegisteredName: string;
  Vat: string;
  Emails: string[];
  Address: ProviderAddress;
  /** Customer code in the issuer's books, when there is one. */
  Code?: string;
}

export interface ProviderPaymentMethod {
  /** Greek label of the myDATA payment method. */
  PaymentMethodType: string;
  PaymentMethodTypeCode: number;
  Amount: number;
}

export interface ProviderIncomeClassification {
  Id: number;
  /** Absent only where the 5.2 matrix allows a category without type (category1_95). */
  ClassificationTypeCode?: string;
  ClassificationCategoryCode: string;
  /** Equals the line's NetTotal. */
  Amount: number;
}

export interface ProviderDetail {
  LineNo: number;
  Descriptions: string[];
  MeasurementUnit: string;
  MeasurementUnitCode: number;
  Quantity: number;
  /** Gross unit price. */
  CatalogUnitPrice: number;
  /** Net unit price. */
  UnitPrice: number;
  /** Net before the line discount. */
  CatalogNetTotal: number;
  /** CatalogNetTotal + its VAT. */
  CatalogTotal: number;
  NetTotalAfterInlineALCs: number;
  NetTotal: number;
  Total: number;
  VATTotal: number;
  /** Rate label as in the sample, e.g. "24.0". */
  VatCategory: string;
  VatCategoryCode: number;
  /** Only on category 7 (0%) lines. */
  VatExemptionCategoryCode?: number;
  IsInformative: false;
  IsHidden: false;
  RecordTypeCode: 0;
  IncomeClassification: ProviderIncomeClassification;
  /** Taxes beyond VAT (impact-api.md §8.3), present only on a line that carries them. */
  WithheldAmount?: number;
  WithheldPercentCategoryCode?: number;
  FeesAmount?: number;
  FeesPercentCategoryCode?: number;
  StampDutyAmount?: number;
  StampDutyPercentCategoryCode?: number;
  OtherTaxesAmount?: number;
  OtherTaxesPercentCategoryCode?: number;
  DeductionsAmount?: number;
}

export interface ProviderSummaries {
  TotalNetAmount: number;
  TotalVATAmount: number;
  /** net + VAT − withheld + fees + stamp duty + other taxes − deductions (myDATA's totalGrossValue). */
  TotalGrossValue: number;
  /** Present, all six, when some line carries taxes beyond VAT (impact-api.md §8.4). */
  TotalWithheldAmount?: number;
  TotalFeesAmount?: number;
  TotalStampDutyAmount?: number;
  TotalOtherTaxesAmount?: number;
  TotalDeductionsAmount?: number;
  /** What the counterparty is paid: TotalGrossValue (the payments add up to it). */
  TotalPayableAmount?: number;
}

/** One row per VAT category (and exemption); lower-case keys exactly as the sample writes them. */
export interface ProviderVatAnalysisRow {
  name: string;
  percentage: number;
  vatAmount: number;
  underlyingValue: number;
  /** Only on 0% rows: the exemption reason. */
  vatExemptionCode?: number;
}

export interface ProviderDocument {
  Currency: "€";
  CurrencyCode: "EUR";
  InvoiceType: string;
  InvoiceTypeCode: "5.2" | "5.1";
  /** The MARKs a 5.1 credits (int64 numbers, as the provider's model types them). */
  CorrelatedInvoices?: number[];
  DocumentTypeCode: "INVOICE";
  Series: string;
  Number: string;
  /** Europe/Athens local time, `YYYY-MM-DDTHH:mm:ss`. */
  DateIssued: string;
  Issuer: ProviderIssuer;
  CounterParty: ProviderCounterParty;
  DistributionDetails: { InternalDocumentId: string };
  PaymentDetails: { PaymentMethods: ProviderPaymentMethod[] };
  AdditionalDetails: {
    AccountingDepartmentEmails: string[];
    AvoidEmailGrouping: false;
    /** "A": the provider archives the document; it does not e-mail the link itself. */
    TransmissionMethod: "A";
    /** The provider e-mails the PDF to PdfNotificationEmails when it registers the document. */
    SendAsPdf?: true;
    PdfNotificationEmails?: string[];
  };
  Details: ProviderDetail[];
  Summaries: ProviderSummaries;
  vatAnalysis: ProviderVatAnalysisRow[];
  /** Free-text reference to the original document, when given. */
  MiscellaneousData?: { PurchaseOrderNumber: string };
  RelativeDocuments?: string[];
  IsDelayedCode: 0;
}
