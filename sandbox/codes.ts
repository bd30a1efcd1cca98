/**
 * The sandbox's own copy of the myDATA code lists it validates against (from
 * tests/fixtures/reference/mydata-codes.json). Kept apart from lib/domain on purpose: an
 * independent table cross-checks the dashboard instead of agreeing with it by construction.
 */

function range(from: number, to: number): ReadonlySet<number> {
  return new Set(Array.from({ length: to - from + 1 }, (_, i) => from + i));
}

/** Every myDATA invoice type (the XSD's reserved "4" and "12" are not usable). */
export const INVOICE_TYPE_CODES: ReadonlySet<string> = new Set([
  "1.1", "1.2", "1.3", "1.4", "1.5", "1.6", "2.1", "2.2", "2.3", "2.4", "3.1", "3.2", "5.1", "5.2",
  "6.1", "6.2", "7.1", "8.1", "8.2", "8.4", "8.5", "8.6", "9.1", "9.2", "9.3", "10.1", "10.2",
  "11.1", "11.2", "11.3", "11.4", "11.5", "13.1", "13.2", "13.3", "13.4", "13.30", "13.31",
  "14.1", "14.2", "14.3", "14.4", "14.5", "14.30", "14.31", "15.1", "16.1",
  "17.1", "17.2", "17.3", "17.4", "17.5", "17.6",
]);

/** B2B types whose CounterParty is mandatory. */
export const COUNTERPARTY_REQUIRED_TYPES: ReadonlySet<string> = new Set([
  "1.1", "1.2", "1.3", "1.4", "1.5", "1.6", "2.1", "2.2", "2.3", "2.4", "3.1", "5.1", "5.2", "7.1",
]);

/** VAT category → rate in whole percent; category 8 (records without VAT) has no rate. */
export const VAT_RATE_BY_CATEGORY: ReadonlyMap<number, number | null> = new Map([
  [1, 24], [2, 13], [3, 6], [4, 17], [5, 9], [6, 4], [7, 0], [8, null], [9, 3], [10, 4],
]);

/** The 0% category whose lines must carry a VAT exemption reason. */
export const EXEMPT_VAT_CATEGORY = 7;

export const VAT_CATEGORY_CODES: ReadonlySet<number> = range(1, 10);
export const VAT_EXEMPTION_CODES: ReadonlySet<number> = range(1, 31);
export const PAYMENT_METHOD_CODES: ReadonlySet<number> = range(1, 8);
export const MEASUREMENT_UNIT_CODES: ReadonlySet<number> = range(1, 7);

export interface ClassificationRule {
  types: readonly string[];
  /** True with an empty `types`: the category is sent without a type. */
  typeMayBeOmitted: boolean;
}

/** Income classification combinations allowed on a 5.2 (firebed's matrix, which Odoo shares on 1_1…1_7). */
export const INCOME_CLASSIFICATIONS_5_2: Readonly<Record<string, ClassificationRule>> = {
  category1_1: { types: ["E3_561_001", "E3_561_002", "E3_561_005", "E3_561_006", "E3_561_007"], typeMayBeOmitted: false },
  category1_2: { types: ["E3_561_001", "E3_561_002", "E3_561_005", "E3_561_006", "E3_561_007"], typeMayBeOmitted: false },
  category1_3: {
    types: ["E3_561_001", "E3_561_002", "E3_561_005", "E3_561_006", "E3_561_007", "E3_563"],
    typeMayBeOmitted: false,
  },
  category1_4: { types: ["E3_880_001", "E3_880_003", "E3_880_004"], typeMayBeOmitted: false },
  category1_5: {
    types: ["E3_561_002", "E3_561_005", "E3_561_006", "E3_561_007", "E3_562", "E3_563", "E3_564", "E3_565",
      "E3_566", "E3_567", "E3_568", "E3_570"],
    typeMayBeOmitted: false,
  },
  category1_7: { types: ["E3_881_001", "E3_881_003", "E3_881_004"], typeMayBeOmitted: false },
  category1_8: {
    types: ["E3_561_001", "E3_561_002", "E3_561_005", "E3_561_006", "E3_561_007", "E3_562", "E3_563", "E3_564",
      "E3_565", "E3_566", "E3_567", "E3_568", "E3_570", "E3_880_001", "E3_880_003", "E3_880_004", "E3_881_001",
      "E3_881_003", "E3_881_004"],
    typeMayBeOmitted: false,
  },
  category1_9: {
    types: ["E3_561_001", "E3_561_002", "E3_561_005", "E3_561_006", "E3_561_007", "E3_562", "E3_563", "E3_564",
      "E3_565", "E3_566", "E3_567", "E3_568", "E3_570", "E3_880_001", "E3_880_003", "E3_880_004", "E3_881_001",
      "E3_881_003", "E3_881_004"],
    typeMayBeOmitted: false,
  },
  category1_95: { types: [], typeMayBeOmitted: true },
};
