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
import { parseQuantity } from "@/lib/domain/parse-number";
import { creditT } from "@/lib/i18n/credit-messages";

const quantityText = (milli: number) => String(milli / 1000).replace(".", ",");

/**
 * Credit part of an issued invoice: a quantity per line (what is left of each after earlier
 * credits of part), the amounts as they will be credited, then a draft of a 5.1 correlated to the
 * MARK opened on the compose wizard's review step.
 */
export function CreditPartPanel({ original, lines, creditedQuantities, remainingCents, seriesChoices }: {
  original: { mark: string; series: string; number: string; issuerVat: string; dateIssued: string };
  lines: OriginalLine[];
  creditedQuantities: Record<number, number>;
  remainingCents: number;
  seriesChoices: string[];
}) {
  const locale = useLocale();
  const router = useRouter();
  const seriesId = useId();
  const [quantities, setQuantities] = useState<Record<number, string>>({});
  const [series, setSeries] = useState(seriesChoices[0] ?? "");
  const money = (cents: number) => `${formatCents(cents, locale)} €`;
  const chosen = lines.flatMap((line) => {
    const parsed = parseQuantity(quantities[line.lineNumber] ?? "");
    return parsed.ok && parsed.value > 0 ? [{ lineNumber: line.lineNumber, quantityMilli: parsed.value }] : [];
  });
  let preview: ReturnType<typeof partCreditAmounts> | null = null;
  try {
    preview = chosen.length === 0 ? null : partCreditAmounts(lines, chosen);
  } catch {
    preview = null;
  }
  const compose = useMutation({
    mutationFn: () => requestJson<{ draftId: string }>(`/api/issued-documents/${original.mark}/credit-part`, {
      method: "POST", locale,
      body: {
        parts: lines.filter((line) => (quantities[line.lineNumber] ?? "").trim() !== "").map((line) => ({ lineNumber: line.lineNumber, quantity: quantities[line.lineNumber] ?? "" })),
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
        {lines.map((line, index) => {
          const credited = creditedQuantities[line.lineNumber] ?? 0;
          const error = errorOf(`parts.${lines.filter((l) => (quantities[l.lineNumber] ?? "").trim() !== "").findIndex((l) => l.lineNumber === line.lineNumber)}.quantity`);
          return (
            <div key={line.lineNumber} className="grid grid-cols-[1fr_7rem] items-center gap-2">
              <label htmlFor={`part-${index}`}>
                {line.lineNumber}. {line.description || "—"} <span className="text-slate-500">(≤ {quantityText(line.quantityMilli - credited)}{credited > 0 ? ` · ${creditT("creditPart.alreadyCredited", locale, { quantity: quantityText(credited) })}` : ""})</span>
              </label>
              <Input id={`part-${index}`} aria-label={creditT("creditPart.quantity", locale, { line: line.lineNumber })} inputMode="decimal" value={quantities[line.lineNumber] ?? ""}
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
