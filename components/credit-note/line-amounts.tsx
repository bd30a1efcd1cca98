"use client";

import { useMemo } from "react";
import { useWatch, type Control } from "react-hook-form";
import { useLocale } from "@/components/ui/locale-provider";
import { composeT } from "@/lib/i18n/compose-messages";
import { fiscalT } from "@/lib/i18n/fiscal-messages";
import type { ComposeValues } from "@/lib/validation/draft-snapshot";
import { lineAmountsOf } from "@/lib/validation/lenient-totals";
import { euros } from "./money-text";

/**
 * One line's net, VAT and total, derived during render from that line alone, so typing in one
 * line re-renders only its own amounts and the totals panel. The four fields are watched by
 * exact name: react-hook-form otherwise matches names by prefix, and `lines.4` would wake on
 * every keystroke in `lines.40`–`lines.49`. Moving, inserting or deleting lines still notifies
 * (those changes are named `lines`).
 */
export function LineAmounts({ control, index }: { control: Control<ComposeValues>; index: number }) {
  const locale = useLocale();
  // One array per line index, not per render: useWatch re-runs its effect (a deep copy and a deep
  // compare of what it watches) whenever the array changes identity.
  const watched = useMemo(
    () => [`lines.${index}.quantity`, `lines.${index}.unitPrice`, `lines.${index}.discountPercent`, `lines.${index}.vatCategory`, "priceEntry"] as const,
    [index],
  );
  const [quantity, unitPrice, discountPercent, vatCategory, priceEntry] = useWatch({ control, name: watched, exact: true });
  const amounts = quantity === undefined ? null : lineAmountsOf({ quantity, unitPrice, discountPercent, vatCategory }, priceEntry);
  if (!amounts) return <p className="text-xs text-slate-500" data-testid={`line-${index}-amounts`}>{composeT("lines.unreadable", locale)}</p>;
  return (
    <div className="text-xs" data-testid={`line-${index}-amounts`}>
      {/* Two lines high, laid out on its own (size and layout containment): a keystroke that changes
          these figures lays out this paragraph, not the line, the grid and the page. */}
      <p className="flex h-8 items-end tabular-nums [contain:size_layout]">
        {composeT("lines.amounts", locale, { net: euros(amounts.netCents, locale), vat: euros(amounts.vatCents, locale), total: euros(amounts.totalCents, locale) })}
      </p>
      {amounts.vatAdjustmentCents !== 0 && (
        <p className="text-slate-600" data-testid={`line-${index}-vat-adjusted`}>{fiscalT("gross.adjusted", locale, { vat: euros(amounts.vatCents, locale).replace(" €", "") })}</p>
      )}
    </div>
  );
}
