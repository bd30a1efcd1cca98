/**
 * The longest text the draft schema accepts in the fields a clerk types freely, shown as
 * counters beside those fields. tests/unit/validation/text-limits.test.ts holds the schemas to
 * these numbers.
 */
export const TEXT_LIMITS = {
  lineDescription: 300,
  counterpartyName: 200,
  street: 150,
  city: 150,
  reference: 200,
  notes: 1000,
} as const;
