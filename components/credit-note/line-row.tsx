"use client";

import { useMemo } from "react";
import { get, useFormContext, useFormState, useWatch } from "react-hook-form";
import { SelectField } from "@/components/form/select-field";
import { TextField } from "@/components/form/text-field";
import { FieldErrorScopeContext, type FieldErrorScope } from "@/components/form/use-field-error";
import { Button } from "@/components/ui/button";
import { allowedTypesFor52, isAllowedClassification52, requiresVatExemption } from "@/lib/domain/codes";
import { composeT } from "@/lib/i18n/compose-messages";
import { fieldLabel } from "@/lib/i18n/field-labels";
import type { Locale } from "@/lib/i18n/locale";
import type { ComposeValues } from "@/lib/validation/draft-snapshot";
import {
  classificationCategoryOptions, classificationTypeOptions, exemptionOptions, unitOptions, vatCategoryOptions,
} from "./code-options";
import { LineAmounts } from "./line-amounts";
import { LINES_FORM_ID } from "./wizard-model";

export type LineAction = "up" | "down" | "duplicate" | "delete";

interface LineRowProps {
  index: number;
  count: number;
  locale: Locale;
  onAction: (action: LineAction, index: number) => void;
}

/**
 * One credit-note line as a fieldset: what was sold, how much, at what price and VAT, and its
 * income classification. The exemption reason exists only at 0%, and only the classification
 * types a 5.2 allows with the chosen category are offered.
 */
export function LineRow({ index, count, locale, onAction }: LineRowProps) {
  const { control, setValue, getValues } = useFormContext<ComposeValues>();
  // One array per line index, not per render (see TotalsPanel).
  const watched = useMemo(() => [`lines.${index}.vatCategory`, `lines.${index}.incomeClassification.category`] as const, [index]);
  const [vatCategory, category] = useWatch({ control, name: watched });
  // One error subscription for the whole line, handed to its ten fields (see FieldErrorScopeContext).
  const { errors } = useFormState({ control, name: `lines.${index}` });
  const lineErrors: unknown = get(errors, `lines.${index}`);
  // A new scope each render: react-hook-form changes nested errors in place, so the object's
  // identity says nothing; the line renders again only when its errors change.
  const errorScope: FieldErrorScope = { prefix: `lines.${index}.`, errors: lineErrors };
  const name = (field: string) => `lines.${index}.${field}`;
  const label = (field: string) => fieldLabel(name(field), locale);
  const short = (field: string) => fieldLabel(`lines.${field}`, locale);
  const typeOptions = classificationTypeOptions(category, locale);

  function onVatChange(event: { target: { value: string } }) {
    // The exemption reason belongs to 0% only; leaving 0% drops it so it is never sent by mistake.
    if (!requiresVatExemption(Number(event.target.value))) setValue(`lines.${index}.vatExemptionCategory`, null);
  }

  function onCategoryChange(event: { target: { value: string } }) {
    const type = getValues(`lines.${index}.incomeClassification.type`);
    if (!isAllowedClassification52(event.target.value, type)) {
      setValue(`lines.${index}.incomeClassification.type`, allowedTypesFor52(event.target.value)[0] ?? null, { shouldValidate: true });
    }
  }

  return (
    // content-visibility: the browser skips style, layout and paint of the lines out of view (the
    // intrinsic size keeps the scroll height), so a keystroke does not lay out hundreds of lines.
    <FieldErrorScopeContext value={errorScope}>
      <fieldset form={LINES_FORM_ID} data-line-index={index} className="rounded border border-slate-200 p-2 [content-visibility:auto] [contain-intrinsic-size:auto_10rem]">
        <legend className="px-1 text-xs font-semibold text-slate-600">{composeT("lines.row", locale, { n: index + 1 })}</legend>
        <div className="grid grid-cols-12 gap-2">
          <TextField form={LINES_FORM_ID} isolateLayout name={name("description")} label={label("description")} hideLabel placeholder={composeT("col.description", locale)} locale={locale} className="col-span-4" autoComplete="off" />
          <TextField form={LINES_FORM_ID} isolateLayout name={name("quantity")} label={label("quantity")} hideLabel placeholder={composeT("col.quantity", locale)} locale={locale} inputMode="decimal" className="col-span-1" autoComplete="off" />
          <SelectField form={LINES_FORM_ID} name={name("unitCode")} numeric label={label("unitCode")} hideLabel options={unitOptions(locale)} locale={locale} className="col-span-2" />
          <TextField form={LINES_FORM_ID} isolateLayout name={name("unitPrice")} label={label("unitPrice")} hideLabel placeholder={composeT("col.unitPrice", locale)} locale={locale} inputMode="decimal" className="col-span-2" autoComplete="off" />
          <TextField form={LINES_FORM_ID} isolateLayout name={name("discountPercent")} label={label("discountPercent")} hideLabel placeholder={composeT("col.discount", locale)} locale={locale} inputMode="decimal" className="col-span-1" autoComplete="off" />
          <SelectField form={LINES_FORM_ID} name={name("vatCategory")} numeric label={label("vatCategory")} hideLabel options={vatCategoryOptions(locale)} locale={locale} className="col-span-2"
            registerOptions={{ onChange: onVatChange }} />
          {requiresVatExemption(vatCategory) && (
            <SelectField form={LINES_FORM_ID} name={name("vatExemptionCategory")} numeric label={label("vatExemptionCategory")} visibleLabel={short("vatExemptionCategory")} options={exemptionOptions(locale)}
              placeholder={composeT("lines.exemptionPick", locale)} locale={locale} className="col-span-12" />
          )}
          <SelectField form={LINES_FORM_ID} name={name("incomeClassification.category")} label={label("incomeClassification.category")} visibleLabel={short("incomeClassification.category")} options={classificationCategoryOptions(locale)}
            locale={locale} className="col-span-3" registerOptions={{ onChange: onCategoryChange }} />
          <SelectField form={LINES_FORM_ID} name={name("incomeClassification.type")} label={label("incomeClassification.type")} visibleLabel={short("incomeClassification.type")} options={typeOptions} locale={locale} className="col-span-3"
            placeholder={typeOptions.length === 0 ? "—" : undefined} registerOptions={{ setValueAs: (v: unknown) => (v === "" ? null : v) }} />
          <div className="col-span-4 self-end">
            <LineAmounts control={control} index={index} locale={locale} />
          </div>
          <div className="col-span-2 flex flex-wrap items-end justify-end gap-1">
            <Button form={LINES_FORM_ID} size="sm" variant="ghost" disabled={index === 0} onClick={() => onAction("up", index)} aria-label={`${composeT("lines.up", locale)} — ${composeT("lines.row", locale, { n: index + 1 })}`}>↑</Button>
            <Button form={LINES_FORM_ID} size="sm" variant="ghost" disabled={index === count - 1} onClick={() => onAction("down", index)} aria-label={`${composeT("lines.down", locale)} — ${composeT("lines.row", locale, { n: index + 1 })}`}>↓</Button>
            <Button form={LINES_FORM_ID} size="sm" variant="ghost" onClick={() => onAction("duplicate", index)} aria-label={`${composeT("lines.duplicate", locale)} — ${composeT("lines.row", locale, { n: index + 1 })}`}>
              <DuplicateIcon />
            </Button>
            <Button form={LINES_FORM_ID} size="sm" variant="ghost" disabled={count === 1} onClick={() => onAction("delete", index)} aria-label={`${composeT("lines.delete", locale)} — ${composeT("lines.row", locale, { n: index + 1 })}`}>✕</Button>
          </div>
        </div>
      </fieldset>
    </FieldErrorScopeContext>
  );
}

/** Two overlapping squares: "duplicate" without relying on a font having the glyph. */
function DuplicateIcon() {
  return (
    <svg aria-hidden="true" viewBox="0 0 16 16" className="h-3.5 w-3.5" fill="none" stroke="currentColor" strokeWidth="1.5">
      <rect x="5" y="5" width="9" height="9" rx="1" />
      <path d="M11 3V2.5A.5.5 0 0 0 10.5 2h-8a.5.5 0 0 0-.5.5v8a.5.5 0 0 0 .5.5H3" />
    </svg>
  );
}
