"use client";

import { Table, TBody, THead, Td, Th, Tr } from "@/components/ui/table";
import { useLocale } from "@/components/ui/locale-provider";
import type { ProviderDocument } from "@/lib/provider/impact/document-types";
import { composeT } from "@/lib/i18n/compose-messages";
import { exemptionWords } from "@/lib/i18n/plain-messages";
import { fiscalT } from "@/lib/i18n/fiscal-messages";
import { euros } from "./money-text";

/** A provider amount (a 2-decimal JSON number) back in cents, for display only. */
function cents(amount: number): number {
  return Math.round(amount * 100);
}

/** The tax totals a document with taxes beyond VAT carries, with their words. */
const TAX_TOTALS = [
  ["TotalWithheldAmount", "totals.withheld"], ["TotalFeesAmount", "totals.fees"], ["TotalStampDutyAmount", "totals.stampDuty"],
  ["TotalOtherTaxesAmount", "totals.otherTaxes"], ["TotalDeductionsAmount", "totals.deductions"],
] as const;

/** True for a line whose VAT was taken as gross − net (gross entry): it differs from half-up(net × rate). */
function vatAdjusted(line: ProviderDocument["Details"][number]): boolean {
  const rate = Number(line.VatCategory);
  if (!Number.isFinite(rate)) return false;
  const net = cents(line.NetTotal);
  return cents(line.VATTotal) !== Math.floor((net * rate + 50) / 100);
}

function Party({ title, party }: { title: string; party: ProviderDocument["Issuer"] | ProviderDocument["CounterParty"] }) {
  return (
    <div>
      <h3 className="text-xs font-semibold uppercase text-slate-500">{title}</h3>
      <p className="font-semibold">{party.RegisteredName}</p>
      <p>{party.Vat}</p>
      <p className="text-slate-600">{party.Address.Street}, {party.Address.Postal} {party.Address.City}, {party.Address.CountryCode}</p>
    </div>
  );
}

/** The provider document the draft produces, readable: parties, identity, lines, VAT, totals, payments. */
export function DocumentView({ document, numberPending }: { document: ProviderDocument; numberPending: boolean }) {
  const locale = useLocale();
  return (
    <div className="space-y-4 text-sm" data-testid="document-view">
      <div className="grid grid-cols-1 gap-4 sm:grid-cols-2">
        <Party title={composeT("review.issuer", locale)} party={document.Issuer} />
        <Party title={composeT("review.counterparty", locale)} party={document.CounterParty} />
      </div>
      <dl className="grid grid-cols-1 gap-y-1 sm:grid-cols-[10rem_1fr]">
        <dt className="text-slate-500">{composeT("review.type", locale)}</dt>
        <dd>{document.InvoiceTypeCode} — {document.InvoiceType}</dd>
        <dt className="text-slate-500">{composeT("review.seriesNumber", locale)}</dt>
        <dd>{document.Series} / {numberPending ? "—" : document.Number}</dd>
        <dt className="text-slate-500">{composeT("review.date", locale)}</dt>
        <dd>{document.DateIssued.replace("T", " ")}</dd>
      </dl>
      <Table>
        <THead>
          <Tr>
            <Th>#</Th>
            <Th>{composeT("col.description", locale)}</Th>
            <Th className="text-right">{composeT("col.quantity", locale)}</Th>
            <Th className="text-right">{composeT("col.unitPrice", locale)}</Th>
            <Th>{composeT("col.vat", locale)}</Th>
            <Th className="text-right">{composeT("col.net", locale)}</Th>
            <Th className="text-right">{composeT("payment.vat", locale)}</Th>
            <Th className="text-right">{composeT("col.total", locale)}</Th>
          </Tr>
        </THead>
        <TBody>
          {document.Details.map((line) => (
            <Tr key={line.LineNo}>
              <Td>{line.LineNo}</Td>
              <Td>{line.Descriptions.join(" ")}</Td>
              <Td numeric>{line.Quantity} {line.MeasurementUnit}</Td>
              <Td numeric>{euros(cents(line.UnitPrice), locale)}</Td>
              <Td>
                {Number(line.VatCategory)}% ({fiscalT("vat.category", locale, { code: line.VatCategoryCode })})
                {line.VatExemptionCategoryCode ? <span className="block text-xs text-slate-500">{exemptionWords(line.VatExemptionCategoryCode, locale)}</span> : null}
              </Td>
              <Td numeric>{euros(cents(line.NetTotal), locale)}</Td>
              <Td numeric>
                {euros(cents(line.VATTotal), locale)}
                {vatAdjusted(line) && <span className="block text-xs text-slate-500" data-testid={`document-line-${line.LineNo}-vat-adjusted`}>{fiscalT("gross.adjustedMark", locale)}</span>}
              </Td>
              <Td numeric>{euros(cents(line.Total), locale)}</Td>
            </Tr>
          ))}
        </TBody>
      </Table>
      <dl className="ml-auto grid w-full grid-cols-[1fr_auto] gap-y-1 sm:w-72" data-testid="document-summaries">
        <dt>{composeT("totals.net", locale)}</dt><dd className="text-right tabular-nums">{euros(cents(document.Summaries.TotalNetAmount), locale)}</dd>
        <dt>{composeT("totals.vat", locale)}</dt><dd className="text-right tabular-nums">{euros(cents(document.Summaries.TotalVATAmount), locale)}</dd>
        {document.Summaries.TotalPayableAmount !== undefined && TAX_TOTALS.map(([field, key]) => (
          <div key={field} className="contents text-slate-700">
            <dt>{fiscalT(key, locale)}</dt><dd className="text-right tabular-nums" data-testid={`document-${field}`}>{euros(cents(document.Summaries[field] ?? 0), locale)}</dd>
          </div>
        ))}
        <dt className="font-semibold">{composeT("totals.gross", locale)}</dt><dd className="text-right font-semibold tabular-nums">{euros(cents(document.Summaries.TotalGrossValue), locale)}</dd>
        {document.PaymentDetails.PaymentMethods.map((method, index) => (
          <div key={index} className="contents text-slate-600">
            <dt>{method.PaymentMethodType}</dt><dd className="text-right tabular-nums">{euros(cents(method.Amount), locale)}</dd>
          </div>
        ))}
      </dl>
    </div>
  );
}
