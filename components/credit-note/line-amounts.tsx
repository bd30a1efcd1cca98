"use client";

import { useWatch, type Control } from "react-hook-form";
import { computeLineAmounts } from "@/lib/domain/line-amounts";
import { composeT } from "@/lib/i18n/compose-messages";
import type { Locale } from "@/lib/i18n/locale";
import type { ComposeValues } from "@/lib/validation/draft-snapshot";
import { lineInputOf } from "@/lib/validation/lenient-totals";
import { euros } from "./money-text";

/**
 * One line's net, VAT and total, derived during render from that line alone (per-row
 * useWatch), so typing in one line re-renders only its own amounts and the totals panel.
 */
export function LineAmounts({ control, index, locale }: { control: Control<ComposeValues>; index: number; locale: Locale }) {
  const [line, priceEntry] = useWatch({ control, name: [`lines.${index}`, "priceEntry"] });
  const input = line ? lineInputOf(line) : null;
  if (!input) return <p className="text-xs text-slate-500" data-testid={`line-${index}-amounts`}>{composeT("lines.unreadable", locale)}</p>;
  const amounts = computeLineAmounts(input, priceEntry);
  return (
    <div className="text-xs" data-testid={`line-${index}-amounts`}>
      <p className="tabular-nums">
        {composeT("lines.amounts", locale, { net: euros(amounts.netCents, locale), vat: euros(amounts.vatCents, locale), total: euros(amounts.totalCents, locale) })}
      </p>
      {amounts.grossDifferenceCents !== 0 && (
        <p className="text-amber-800">{composeT("lines.grossDifference", locale, { diff: euros(amounts.grossDifferenceCents, locale).replace(" €", "") })}</p>
      )}
    </div>
  );
}
