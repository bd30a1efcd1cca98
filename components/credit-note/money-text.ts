import { formatCents } from "@/lib/domain/money";
import type { Locale } from "@/lib/i18n/locale";

/** Cents as people read them, with the euro sign: "1.234,56 €" (el), "1,234.56 €" (en). */
export function euros(cents: number, locale: Locale): string {
  return `${formatCents(cents, locale)} €`;
}

/**
 * Cents as a value to put back into an amount field: no thousands separators, the user's
 * decimal mark ("7,99" in Greek), which every parser reads back unambiguously.
 */
export function amountInputText(cents: number, locale: Locale): string {
  const whole = Math.trunc(cents / 100);
  const fraction = String(cents % 100).padStart(2, "0");
  return `${whole}${locale === "el" ? "," : "."}${fraction}`;
}
