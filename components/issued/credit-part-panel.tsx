"use client";

import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useId, useState } from "react";
import { Button } from "@/components/ui/button";
import { Card, CardTitle } from "@/components/ui/card";
import { ApiError, requestJson } from "@/components/ui/fetch-json";
import { Input } from "@/components/ui/input";
import { useLocale } from "@/components/ui/locale-provider";
import { Notice } from "@/components/ui/notice";
import { partCreditAmounts, type OriginalLine } from "@/lib/domain/issued-original";
import { formatCents } from "@/lib/domain/money";
import { parseAmount, parseQuantity } from "@/lib/domain/parse-number";
import { vatOfNet } from "@/lib/domain/line-amounts";
import { vatRatePercent } from "@/lib/domain/codes";
import { creditT } from "@/lib/i18n/credit-messages";

const quantityText = (milli: number) => String(milli / 1000).replace(".", ",");

/**
 * Credit part of an issued invoice: a quantity per line (what is left of each after earlier
 * credits of part) or, "by amount", a net in euros per line (what is left of its net), the amounts as they will be credited, then a draft of a 5.1 correlated to the
 * MARK opened on the compose wizard's review step.
 */
export function CreditPartPanel({ original, lines, creditedQuantities, creditedNets, remainingCents, seriesChoices }: {
  original: { mark: string; series: string; number: string; issuerVat: string; dateIssued: string };
  lines: OriginalLine[];
  creditedQuantities: Record<number, number>;
  creditedNets: Record<number, number>;
  remainingCents: number;
  seriesChoices: string[];
}) {
  const locale = useLocale();
  const router = useRouter();
  const seriesId = useId();
  const [quantities, setQuantities] = useState<Record<number, string>>({});
  const [mode, setMode] = useState<"quantity" | "amount">("quantity");
  const [series, setSeries] = useState(seriesChoices[0] ?? "");
  const money = (cents: number) => `${formatCents(cents, locale)} €`;
  const chosen = lines.flatMap((line) => {
    const parsed = (mode === "amount" ? parseAmount : parseQuantity)(quantities[line.lineNumber] ?? "");
    return parsed.ok && parsed.value > 0 ? [{ lineNumber: line.lineNumber, quantityMilli: parsed.value }] : [];
  });
  let preview: { totals: { netCents: number; vatCents: number; grossCents: number } } | null = null;
  try {
    if (chosen.length === 0) preview = null;
    else if (mode === "quantity") preview = partCreditAmounts(lines, chosen);
    else {
      const byLine = chosen.map((part) => {
        const line = lines.find((candidate) => candidate.lineNumber === part.lineNumber);
        return { netCents: part.quantityMilli, vatCents: vatOfNet(part.quantityMilli, vatRatePercent(line?.vatCategory ?? 0) ?? 0) };
      });
      const netCents = byLine.reduce((sum, line) => sum + line.netCents, 0);
      const vatCents = byLine.reduce((sum, line) => sum + line.vatCents, 0);
      preview = { totals: { netCents, vatCents, grossCents: netCents + vatCents } };
    }
  } catch {
    preview = null;
  }
  const compose = useMutation({
    mutationFn: () => requestJson<{ draftId: string }>(`/api/issued-documents/${original.mark}/credit-part`, {
      method: "POST", locale,
      body: {
        parts: lines.filter((line) => (quantities[line.lineNumber] ?? "").trim() !== "").map((line) => ({ lineNumber: line.lineNumber, [mode]: quantities[line.lineNumber] ?? "" })),
        ...(series.trim() === "" ? {} : { series: series.trim() }), issuerVat: original.issuerVat, on: original.dateIssued,
      },
    }),
    onSuccess: (answer) => router.push(`/credit-notes/new?draft=${answer.draftId}`),
  });
  const errorOf = (path: string) => (compose.error instanceof ApiError ? compose.error.fieldErrors.find((error) => error.path === path)?.message : undefined);
  return (
    <Card aria-labelledby="credit-part-title">
      <CardTitle id="credit-part-title">{creditT("creditPart.title", locale)}</CardTitle>
      <p className="mb-3 text-sm text-slate-600">{creditT("creditPart.intro", locale)}</p>
      <div className="space-y-2 text-sm">
        <fieldset className="flex gap-4">
          <legend className="sr-only">{creditT("creditPart.mode", locale)}</legend>
          {(["quantity", "amount"] as const).map((choice) => (
            <label key={choice} className="flex items-center gap-1">
              <input type="radio" name="credit-part-mode" value={choice} checked={mode === choice}
                onChange={() => { setMode(choice); setQuantities({}); compose.reset(); }} />
              {creditT(choice === "quantity" ? "creditPart.byQuantity" : "creditPart.byAmount", locale)}
            </label>
          ))}
        </fieldset>
        {lines.map((line, index) => {
          const credited = creditedQuantities[line.lineNumber] ?? 0;
          const netLeft = Math.max(0, line.netCents - (creditedNets[line.lineNumber] ?? 0));
          const error = errorOf(`parts.${lines.filter((l) => (quantities[l.lineNumber] ?? "").trim() !== "").findIndex((l) => l.lineNumber === line.lineNumber)}.${mode}`);
          return (
            <div key={line.lineNumber} className="grid grid-cols-[1fr_7rem] items-center gap-2">
              <label htmlFor={`part-${index}`}>
                {line.lineNumber}. {line.description || "—"} <span className="text-slate-500">{mode === "amount"
                  ? `(≤ ${money(netLeft)})`
                  : `(≤ ${quantityText(line.quantityMilli - credited)}${credited > 0 ? ` · ${creditT("creditPart.alreadyCredited", locale, { quantity: quantityText(credited) })}` : ""})`}</span>
              </label>
              <Input id={`part-${index}`} aria-label={creditT(mode === "amount" ? "creditPart.amount" : "creditPart.quantity", locale, { line: line.lineNumber })} inputMode="decimal" value={quantities[line.lineNumber] ?? ""}
                invalid={error !== undefined} onChange={(event) => setQuantities((current) => ({ ...current, [line.lineNumber]: event.target.value }))} />
              {error !== undefined && <p className="col-span-2 text-red-700">{error}</p>}
            </div>
          );
        })}
        <label htmlFor={seriesId} className="block font-medium">{creditT("creditAll.series", locale)}</label>
        <Input id={seriesId} value={series} onChange={(event) => setSeries(event.target.value)} autoComplete="off" />
        {preview !== null && (
          <p className="font-medium" data-testid="credit-part-total">
            {creditT("creditPart.total", locale, { net: money(preview.totals.netCents), vat: money(preview.totals.vatCents), gross: money(preview.totals.grossCents) })}
          </p>
        )}
        {preview !== null && preview.totals.grossCents > remainingCents && <Notice tone="warning">{creditT("creditPart.beyond", locale, { remaining: money(remainingCents) })}</Notice>}
        {compose.error && <Notice tone="error">{compose.error.message}</Notice>}
        <Button onClick={() => compose.mutate()} disabled={compose.isPending || compose.isSuccess || chosen.length === 0}>{creditT("creditPart.compose", locale)}</Button>
      </div>
    </Card>
  );
}
