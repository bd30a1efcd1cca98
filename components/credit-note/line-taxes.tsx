"use client";

import { useMemo, useState } from "react";
import { useFormContext, useWatch } from "react-hook-form";
import { SelectField } from "@/components/form/select-field";
import { TextField } from "@/components/form/text-field";
import { useLocale } from "@/components/ui/locale-provider";
import { getTaxCategory, isRetiredTaxCategory, TAX_FAMILIES, taxCategories, type TaxFamily } from "@/lib/domain/fiscal-codes";
import { fieldLabel } from "@/lib/i18n/field-labels";
import { fiscalT } from "@/lib/i18n/fiscal-messages";
import type { Locale } from "@/lib/i18n/locale";
import type { ComposeValues } from "@/lib/validation/draft-snapshot";
import { lineAmountsOf } from "@/lib/validation/lenient-totals";
import { euros } from "./money-text";

/** The categories offered: those myDATA still accepts on a new document. */
function taxOptions(family: TaxFamily, locale: Locale) {
  return taxCategories(family).filter((category) => !isRetiredTaxCategory(family, category.code)).map((category) => ({ value: String(category.code), label: `${category.code} — ${locale === "el" ? category.nameEl : category.nameEn}` }));
}

/** True when a line already carries a tax beyond VAT (its disclosure then starts open). */
function carriesTaxes(line: Partial<ComposeValues["lines"][number]> | undefined): boolean {
  if (!line) return false;
  return TAX_FAMILIES.some((family) => typeof line[`${family}Category`] === "number") || Boolean(line.deductionsAmount?.trim());
}

/**
 * A line's taxes beyond VAT — withholding, fees, stamp duty, other taxes, deductions — behind an
 * "other taxes" disclosure, so a plain line stays plain. Open from the start when the line already
 * carries one; its fields (and their watchers) exist only while it is open, so a plain line costs
 * nothing while the clerk types.
 */
export function LineTaxes({ index, formId }: { index: number; formId: string }) {
  const locale = useLocale();
  const { getValues } = useFormContext<ComposeValues>();
  const [open, setOpen] = useState(() => carriesTaxes(getValues(`lines.${index}`)));
  return (
    <details className="col-span-12 text-sm" open={open} onToggle={(event) => setOpen(event.currentTarget.open)} data-testid={`line-${index}-taxes`}>
      <summary className="cursor-pointer text-xs font-medium text-slate-700">{fiscalT("taxes.disclosure", locale)}</summary>
      {open && <LineTaxFields index={index} formId={formId} />}
    </details>
  );
}

const AMOUNT_FIELDS = ["quantity", "unitPrice", "discountPercent", "vatCategory"] as const;
const TAX_FIELDS = [
  "withheldCategory", "withheldAmount", "feesCategory", "feesAmount", "stampDutyCategory", "stampDutyAmount",
  "otherTaxesCategory", "otherTaxesAmount", "deductionsAmount",
] as const;

/**
 * The fields of the open disclosure. A percentage category's amount is computed from the line net
 * (shown, not typed); an amount category asks for its amount. One watcher for the line's amounts.
 */
function LineTaxFields({ index, formId }: { index: number; formId: string }) {
  const locale = useLocale();
  const { control } = useFormContext<ComposeValues>();
  const watched = useMemo(
    () => [...AMOUNT_FIELDS.map((field) => `lines.${index}.${field}` as const), ...TAX_FIELDS.map((field) => `lines.${index}.${field}` as const), "priceEntry"] as const,
    [index],
  );
  const values = useWatch({ control, name: watched as unknown as readonly `lines.${number}.quantity`[], exact: true }) as unknown[];
  const line = Object.fromEntries([...AMOUNT_FIELDS, ...TAX_FIELDS].map((field, i) => [field, values[i]])) as unknown as ComposeValues["lines"][number];
  const priceEntry = values[AMOUNT_FIELDS.length + TAX_FIELDS.length] as ComposeValues["priceEntry"];
  const amounts = line.quantity === undefined ? null : lineAmountsOf(line, priceEntry);
  const name = (field: string) => `lines.${index}.${field}`;
  const computed: Record<TaxFamily, number> = {
    withheld: amounts?.withheldCents ?? 0, fees: amounts?.feesCents ?? 0, stampDuty: amounts?.stampDutyCents ?? 0, otherTaxes: amounts?.otherTaxesCents ?? 0,
  };
  return (
    <div className="mt-1 grid grid-cols-12 gap-2">
      {TAX_FAMILIES.map((family) => {
        const code = line[`${family}Category`];
        const category = typeof code === "number" ? getTaxCategory(family, code) : undefined;
        return (
          <div key={family} className="col-span-6 grid grid-cols-6 items-end gap-2">
            <SelectField form={formId} name={name(`${family}Category`)} numeric label={fieldLabel(name(`${family}Category`), locale)}
              visibleLabel={fieldLabel(`lines.${family}Category`, locale)} options={taxOptions(family, locale)} placeholder="—" className="col-span-4" />
            {category?.kind === "amount"
              ? <TextField form={formId} name={name(`${family}Amount`)} label={fieldLabel(name(`${family}Amount`), locale)} visibleLabel={fieldLabel(`lines.${family}Amount`, locale)}
                inputMode="decimal" className="col-span-2" autoComplete="off" />
              : category
                ? <p className="col-span-2 pb-2 text-xs tabular-nums text-slate-600" data-testid={`line-${index}-${family}-computed`}>
                  {fiscalT("taxes.computed", locale, { rate: String(category.ratePercent ?? 0).replace(".", locale === "el" ? "," : "."), amount: euros(computed[family], locale) })}
                </p>
                : null}
          </div>
        );
      })}
      <TextField form={formId} name={name("deductionsAmount")} label={fieldLabel(name("deductionsAmount"), locale)} visibleLabel={fieldLabel("lines.deductionsAmount", locale)}
        inputMode="decimal" className="col-span-3" autoComplete="off" />
      {amounts && (
        <p className="col-span-9 self-end pb-2 text-xs tabular-nums text-slate-700" data-testid={`line-${index}-payable`}>
          {fiscalT("taxes.payable", locale, { amount: euros(amounts.payableCents, locale) })}
        </p>
      )}
    </div>
  );
}
