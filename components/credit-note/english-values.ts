import { fromEnglishTyping, toEnglishTyping } from "@/lib/domain/english-typing";
import type { ComposeValues } from "@/lib/validation/draft-snapshot";

/**
 * A draft's typed numbers as English mode shows them (`12,40` → `12.40`), so the inputs agree
 * with the totals beside them; what the parsers would read differently is left as stored.
 */
export function englishValues(values: ComposeValues): ComposeValues {
  return {
    ...values,
    lines: values.lines.map((line) => ({
      ...line,
      quantity: toEnglishTyping(line.quantity),
      unitPrice: toEnglishTyping(line.unitPrice),
      discountPercent: toEnglishTyping(line.discountPercent),
    })),
    payments: values.payments.map((payment) => ({ ...payment, amount: toEnglishTyping(payment.amount) })),
  };
}

/** What a number input registers with in English mode: `1,234.56` is kept as `1234,56`, which every check and the server read alike. */
export const ENGLISH_NUMBER = { setValueAs: fromEnglishTyping } as const;
