/**
 * The myDATA-style error codes the sandbox answers with. 229 mirrors the code seen from the real
 * provider for a line VAT that does not match net × rate (its UAT also answered the forced
 * validation error with 229), and 407 the payment-amount code of
 * AADE's stubs; the others are the sandbox's own numbering (listed in sandbox/README.md).
 */
export const AadeCode = {
  InvalidCounterpartAfm: 102,
  ExemptionMissing: 201,
  ExemptionNotAllowed: 202,
  ClassificationNotAllowed: 203,
  ClassificationAmount: 204,
  ClassificationMissing: 205,
  NegativeAmount: 210,
  TooManyDecimals: 211,
  NonPositiveQuantity: 212,
  LineVat: 229,
  LineTotal: 230,
  SummaryNet: 240,
  SummaryVat: 241,
  SummaryGross: 242,
  VatAnalysisAmount: 250,
  VatAnalysisRates: 251,
  CorrelationMissing: 260,
  CorrelationNotAllowed: 261,
  PaymentsTotal: 407,
  // Fiscal completeness (the sandbox's own numbering, see sandbox/README.md and docs/MYDATA_RULES.md).
  InvalidCountry: 103,
  CounterpartIncomplete: 105,
  VatCategoryNotAllowed: 206,
  InvalidNumber: 213,
  FutureIssueDate: 214,
  TaxCategoryMissing: 231,
  TaxAmount: 232,
  TaxCategoryNoLongerAccepted: 233,
  SummaryTaxes: 243,
  ExchangeRateMissing: 270,
  /** What the provider's UAT answered to `erp: FAKE_IAPR_VALIDATION_ERROR` ("Fake validation error"). */
  Forced: 229,
} as const;
