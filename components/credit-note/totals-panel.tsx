"use client";

import { useState } from "react";
import { useWatch, type Control } from "react-hook-form";
import { useLocale } from "@/components/ui/locale-provider";
import { composeT } from "@/lib/i18n/compose-messages";
import type { ComposeValues } from "@/lib/validation/draft-snapshot";
import { createPanelTotals } from "@/lib/validation/lenient-totals";
import { euros } from "./money-text";

/**
 * The watched names, one array for every render: react-hook-form's useWatch re-runs its effect
 * when the array changes identity, and that effect deep-copies and deep-compares what it watches.
 */
const WATCHED = ["priceEntry", "lines", "payments"] as const;

/**
 * The always-visible totals. Derived during render from the watched lines, price entry and
 * payments with the same domain functions the server uses — never stored, never synced by an
 * effect — so it is right on every keystroke. Lines whose figures did not change since the last
 * render are not computed again (see createPanelTotals).
 */
export function TotalsPanel({ control }: { control: Control<ComposeValues> }) {
  const locale = useLocale();
  const [priceEntry, lines, payments] = useWatch({ control, name: WATCHED });
  const [panelTotals] = useState(createPanelTotals);
  const totals = panelTotals({ priceEntry, lines, payments });
  const { unreadableLines } = totals;
  const paid = totals.grossCents + totals.paymentDifferenceCents;
  const rows: [string, string, string][] = [
    ["totals-net", composeT("totals.net", locale), euros(totals.netCents, locale)],
    ["totals-vat", composeT("totals.vat", locale), euros(totals.vatCents, locale)],
    ["totals-gross", composeT("totals.gross", locale), euros(totals.grossCents, locale)],
  ];
  return (
    <aside aria-labelledby="totals-title" className="rounded-lg lg:sticky lg:top-4 border border-slate-200 bg-white p-4 shadow-sm">
      <h2 id="totals-title" className="mb-2 font-semibold">{composeT("totals.title", locale)}</h2>
      <p className="mb-2 text-xs text-slate-500">{composeT("totals.lines", locale, { count: lines.length })}</p>
      <dl className="grid grid-cols-[1fr_auto] gap-y-1 text-sm" aria-live="polite">
        {rows.map(([testId, label, value]) => (
          <div key={testId} className="contents">
            <dt className={testId === "totals-gross" ? "font-semibold" : "text-slate-600"}>{label}</dt>
            <dd data-testid={testId} className={testId === "totals-gross" ? "text-right text-base font-bold tabular-nums" : "text-right tabular-nums"}><Figure text={value} /></dd>
          </div>
        ))}
        <dt className="mt-2 text-slate-600">{composeT("totals.paid", locale)}</dt>
        <dd data-testid="totals-paid" className="mt-2 text-right tabular-nums"><Figure text={euros(paid, locale)} /></dd>
        {totals.paymentDifferenceCents !== 0 && (
          <>
            <dt className="text-amber-800">{composeT(totals.paymentDifferenceCents < 0 ? "totals.unpaid" : "totals.overpaid", locale)}</dt>
            <dd data-testid="totals-payment-difference" className="text-right tabular-nums text-amber-800"><Figure text={euros(Math.abs(totals.paymentDifferenceCents), locale)} /></dd>
          </>
        )}
      </dl>
      {unreadableLines.length > 0 && (
        <p className="mt-2 text-xs text-amber-800">{composeT("totals.unreadable", locale, { rows: unreadableLines.map((i) => i + 1).join(", ") })}</p>
      )}
    </aside>
  );
}

/**
 * A figure of the panel in a box of its own: one line high and as wide as its characters (digits
 * are tabular, 1ch each; separators and € are no wider), with size and layout containment. A
 * keystroke that changes a total but not its number of characters then lays out this box alone;
 * a change of text anywhere else in the panel made the browser lay out the page, every line of
 * the note included.
 */
function Figure({ text }: { text: string }) {
  return <span className="ml-auto block h-[1lh] [contain:size_layout]" style={{ width: `${text.length + 0.5}ch` }}>{text}</span>;
}
