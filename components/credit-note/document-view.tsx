"use client";

import { Table, TBody, THead, Td, Th, Tr } from "@/components/ui/table";
import { useLocale } from "@/components/ui/locale-provider";
import type { ProviderDocument } from "@/lib/provider/impact/document-types";
import { composeT } from "@/lib/i18n/compose-messages";
import { exemptionWords } from "@/lib/i18n/plain-messages";
import { fiscalT, lineTaxWords } from "@/lib/i18n/fiscal-messages";
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

type Detail = ProviderDocument["Details"][number];

/** A line's taxes beyond VAT as the provider document carries them: family, category, amount. */
function lineTaxes(line: Detail): { family: "withheld" | "fees" | "stampDuty" | "otherTaxes" | "deductions"; category: number | null; amount: number }[] {
  const taxes = [
    ["withheld", line.WithheldPercentCategoryCode, line.WithheldAmount],
    ["fees", line.FeesPercentCategoryCode, line.FeesAmount],
    ["stampDuty", line.StampDutyPercentCategoryCode, line.StampDutyAmount],
    ["otherTaxes", line.OtherTaxesPercentCategoryCode, line.OtherTaxesAmount],
  ] as const;
  return [
    ...taxes.flatMap(([family, category, amount]) => (category === undefined ? [] : [{ family, category, amount: amount ?? 0 }])),
    ...(line.DeductionsAmount === undefined ? [] : [{ family: "deductions" as const, category: null, amount: line.DeductionsAmount }]),
  ];
}

/** myDATA's payable amount of a line: total − withheld + fees + stamp duty + other taxes − deductions. */
function linePayableCents(line: Detail): number {
  return cents(line.Total) - cents(line.WithheldAmount ?? 0) + cents(line.FeesAmount ?? 0) + cents(line.StampDutyAmount ?? 0) + cents(line.OtherTaxesAmount ?? 0) - cents(line.DeductionsAmount ?? 0);
}

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
          {document.Details.flatMap((line) => {
            const taxes = lineTaxes(line);
            return [
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
            </Tr>,
            ...(taxes.length === 0 ? [] : [
              <Tr key={`${line.LineNo}-taxes`} data-testid={`document-line-${line.LineNo}-taxes`}>
                <Td />
                <Td colSpan={7} className="text-xs text-slate-700">
                  <span className="font-semibold">{fiscalT("taxes.lineTitle", locale)}: </span>
                  {taxes.map((tax) => <span key={tax.family} className="mr-3 inline-block">{lineTaxWords(tax.family, tax.category, euros(cents(tax.amount), locale), locale)}</span>)}
                  <span className="inline-block font-semibold">{fiscalT("taxes.payable", locale, { amount: euros(linePayableCents(line), locale) })}</span>
                </Td>
              </Tr>,
            ]),
            ];
          })}
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
        {document.Summaries.TotalPayableAmount !== undefined && (
          <><dt className="font-semibold">{fiscalT("totals.payable", locale)}</dt><dd className="text-right font-semibold tabular-nums" data-testid="document-TotalPayableAmount">{euros(cents(document.Summaries.TotalPayableAmount), locale)}</dd></>
        )}
        {document.PaymentDetails.PaymentMethods.map((method, index) => (
          <div key={index} className="contents text-slate-600">
            <dt>{method.PaymentMethodType}</dt><dd className="text-right tabular-nums">{euros(cents(method.Amount), locale)}</dd>
          </div>
        ))}
      </dl>
    </div>
  );
}
