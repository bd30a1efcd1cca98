import type { ReactNode } from "react";
import { Table, TBody, Td, Th, THead, Tr } from "@/components/ui/table";
import { measurementUnitShortLabel, vatRatePercent } from "@/lib/domain";
import { errorIsAt, type PlacedError } from "@/lib/history/error-fields";
import type { SentLine } from "@/lib/history/sent-document";
import { fiscalT, lineTaxWords } from "@/lib/i18n/fiscal-messages";
import { ht } from "@/lib/i18n/history-messages";
import { exemptionWords } from "@/lib/i18n/plain-messages";
import { getRequestLocale } from "@/lib/i18n/server-locale";
import { eurosOrDash } from "./format";
import { PlacedErrors } from "./placed-errors";

/** A cell that turns red when an error concerns its field. */
function Cell({ errors, path, numeric, children }: { errors: readonly PlacedError[]; path: string; numeric?: boolean; children: ReactNode }) {
  const hit = errors.some((error) => errorIsAt(error, path));
  return <Td numeric={numeric} data-field={path} className={hit ? "bg-red-50 font-semibold text-red-800 outline outline-1 outline-red-400" : undefined}>{children}</Td>;
}

/** The lines as sent; a line with errors gets them in a row right under it, naming the field. */
export async function SentLines({ lines, errors }: { lines: SentLine[]; errors: readonly PlacedError[] }) {
  const locale = await getRequestLocale();
  const number = (value: number) => value.toLocaleString(locale === "el" ? "el-GR" : "en-GB", { maximumFractionDigits: 3 });
  return (
    <div className="overflow-x-auto">
      <Table>
        <THead>
          <Tr>
            <Th>#</Th>
            <Th>{ht("fix.description", locale)}</Th>
            <Th className="text-right">{ht("fix.quantity", locale)}</Th>
            <Th className="text-right">{ht("fix.unitPrice", locale)}</Th>
            <Th className="text-right">{ht("history.col.net", locale)}</Th>
            <Th>{ht("fix.vatCategory", locale)}</Th>
            <Th className="text-right">{ht("history.col.vat", locale)}</Th>
            <Th className="text-right">{ht("history.col.gross", locale)}</Th>
            <Th>{ht("fix.classCategory", locale)}</Th>
          </Tr>
        </THead>
        <TBody>
          {lines.flatMap((line, index) => {
            const path = `lines.${index}`;
            const own = errors.filter((error) => errorIsAt(error, path));
            const rate = vatRatePercent(line.vatCategory);
            const rows = [
              <Tr key={path} data-line={index + 1}>
                <Td>{line.lineNo}</Td>
                <Cell errors={errors} path={`${path}.description`}>{line.description}</Cell>
                <Cell errors={errors} path={`${path}.quantity`} numeric>{number(line.quantity)} {measurementUnitShortLabel(line.unitCode)}</Cell>
                <Cell errors={errors} path={`${path}.unitPrice`} numeric>{eurosOrDash(line.unitNetCents, locale)}</Cell>
                <Td numeric>{eurosOrDash(line.netCents, locale)}</Td>
                <Cell errors={errors} path={`${path}.vatCategory`}>
                  {rate === null ? line.vatCategory : `${rate}%`}
                  {line.vatExemptionCategory !== null && <span className="block text-xs text-slate-500">{ht("fix.exemption", locale)}: {exemptionWords(line.vatExemptionCategory, locale)}</span>}
                </Cell>
                <Td numeric>{eurosOrDash(line.vatCents, locale)}</Td>
                <Td numeric>{eurosOrDash(line.totalCents, locale)}</Td>
                <Cell errors={errors} path={`${path}.incomeClassification`}><span className="font-mono text-xs">{line.classification}</span></Cell>
              </Tr>,
            ];
            if (line.taxes !== undefined) {
              rows.push(
                <Tr key={`${path}-taxes`} data-line-taxes={index + 1}>
                  <Td />
                  <Td colSpan={8} className="text-xs text-slate-700">
                    <span className="font-semibold">{fiscalT("taxes.lineTitle", locale)}: </span>
                    {line.taxes.list.map((tax) => (
                      <span key={tax.family} data-field={`${path}.${tax.family === "deductions" ? "deductionsAmount" : `${tax.family}Category`}`} className="mr-3 inline-block">
                        {lineTaxWords(tax.family, tax.category, eurosOrDash(tax.amountCents, locale), locale)}
                      </span>
                    ))}
                    <span className="inline-block font-semibold" data-testid={`line-${index + 1}-payable`}>{fiscalT("taxes.payable", locale, { amount: eurosOrDash(line.taxes.payableCents, locale) })}</span>
                  </Td>
                </Tr>,
              );
            }
            if (own.length > 0) {
              rows.push(
                <Tr key={`${path}-errors`} data-line-errors={index + 1}>
                  <Td colSpan={9} className="bg-red-50"><PlacedErrors errors={own} withField /></Td>
                </Tr>,
              );
            }
            return rows;
          })}
        </TBody>
      </Table>
    </div>
  );
}
