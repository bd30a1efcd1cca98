"use client";

import { useWatch, type Control } from "react-hook-form";
import { Table, TBody, THead, Td, Th, Tr } from "@/components/ui/table";
import { useLocale } from "@/components/ui/locale-provider";
import { composeT } from "@/lib/i18n/compose-messages";
import { exemptionWords } from "@/lib/i18n/plain-messages";
import { fiscalT } from "@/lib/i18n/fiscal-messages";
import type { ComposeValues } from "@/lib/validation/draft-snapshot";
import { computeLenientTotals } from "@/lib/validation/lenient-totals";
import { euros } from "./money-text";

/** One array for every render (see TotalsPanel). */
const WATCHED = ["priceEntry", "lines"] as const;

/**
 * The VAT analysis (underlying value and VAT per VAT category and exemption), derived during render;
 * each row names its category so 4% (6, islands) and 4% (10) stay apart.
 */
export function VatAnalysisTable({ control }: { control: Control<ComposeValues> }) {
  const locale = useLocale();
  const [priceEntry, lines] = useWatch({ control, name: WATCHED });
  const { totals } = computeLenientTotals({ priceEntry, lines, payments: [] });
  return (
    <Table aria-labelledby="vat-analysis-title" data-testid="vat-analysis">
      <caption id="vat-analysis-title" className="mb-1 text-left font-semibold">{composeT("payment.vatAnalysis", locale)}</caption>
      <THead>
        <Tr>
          <Th>{fiscalT("vat.categoryColumn", locale)}</Th>
          <Th>{composeT("payment.rate", locale)}</Th>
          <Th>{composeT("payment.exemption", locale)}</Th>
          <Th className="text-right">{composeT("payment.underlying", locale)}</Th>
          <Th className="text-right">{composeT("payment.vat", locale)}</Th>
        </Tr>
      </THead>
      <TBody>
        {totals.vatAnalysis.map((row) => (
          <Tr key={`${row.vatCategory}/${row.vatExemptionCategory ?? ""}`}>
            <Td>{row.vatCategory}</Td>
            <Td>{row.ratePercent}%</Td>
            <Td>{exemptionWords(row.vatExemptionCategory, locale)}</Td>
            <Td numeric>{euros(row.underlyingValueCents, locale)}</Td>
            <Td numeric>{euros(row.vatCents, locale)}</Td>
          </Tr>
        ))}
        <Tr className="font-semibold">
          <Td>{composeT("totals.gross", locale)}</Td>
          <Td />
          <Td />
          <Td numeric>{euros(totals.netCents, locale)}</Td>
          <Td numeric>{euros(totals.vatCents, locale)}</Td>
        </Tr>
      </TBody>
    </Table>
  );
}
