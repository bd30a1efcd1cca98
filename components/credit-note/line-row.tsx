"use client";

import { TEXT_LIMITS } from "@/lib/validation/text-limits";
import { useContext, useEffect, useId, useLayoutEffect, useMemo, useRef, useState, useSyncExternalStore, type FormEvent } from "react";
import { createPortal } from "react-dom";
import { get, useFormContext, useFormState, useWatch } from "react-hook-form";
import { SelectField } from "@/components/form/select-field";
import { TextField } from "@/components/form/text-field";
import { FieldErrorScopeContext, type FieldErrorScope } from "@/components/form/use-field-error";
import { Button } from "@/components/ui/button";
import { useLocale } from "@/components/ui/locale-provider";
import { allowedTypesFor52, isAllowedClassification52, requiresVatExemption } from "@/lib/domain/codes";
import { composeT } from "@/lib/i18n/compose-messages";
import { fieldLabel } from "@/lib/i18n/field-labels";
import type { ComposeValues } from "@/lib/validation/draft-snapshot";
import {
  classificationCategoryOptions, classificationTypeOptions, exemptionOptions, unitOptions, vatCategoryOptions,
} from "./code-options";
import { LineAmounts } from "./line-amounts";
import { ENGLISH_NUMBER } from "./english-values";
import { LineTaxes } from "./line-taxes";
import { drawsControls, LineWindowContext, type LineWindow } from "./line-window";

export type LineAction = "up" | "down" | "duplicate" | "delete";

interface LineRowProps {
  index: number;
  count: number;
  onAction: (action: LineAction, index: number) => void;
}

/**
 * One credit-note line as a fieldset: what was sold, how much, at what price and VAT, and its
 * income classification. In a long note a line out of view and away from the keyboard shows a
 * summary instead of its controls (see LineWindow); react-hook-form keeps its values meanwhile.
 */
export function LineRow({ index, count, onAction }: LineRowProps) {
  const locale = useLocale();
  const lineWindow = useContext(LineWindowContext);
  const formId = useId();
  const fieldsetRef = useRef<HTMLFieldSetElement>(null);
  // Whether the browser skips this line's rendering (content-visibility: auto, out of view).
  const [skipped, setSkipped] = useState(false);
  // The line's height when it was last drawn: its summary keeps it, so the page does not jump.
  const [drawnHeight, setDrawnHeight] = useState<number | undefined>(undefined);
  const nearFocus = useSyncExternalStore(lineWindow?.subscribe ?? subscribeToNothing, () => lineWindow?.isNearFocus(index) ?? false, () => false);
  const drawn = lineWindow === null || drawsControls(count, skipped, nearFocus);

  useLayoutEffect(() => {
    const fieldset = fieldsetRef.current;
    if (!fieldset) return;
    function onStateChange(event: Event) {
      const isSkipped = (event as Event & { skipped: boolean }).skipped;
      if (isSkipped && fieldset) setDrawnHeight(fieldset.offsetHeight);
      setSkipped(isSkipped);
    }
    fieldset.addEventListener("contentvisibilityautostatechange", onStateChange);
    return () => fieldset.removeEventListener("contentvisibilityautostatechange", onStateChange);
  }, []);

  return (
    // content-visibility: the browser skips style, layout and paint of the lines out of view (the
    // intrinsic size keeps the scroll height), so a keystroke does not lay out hundreds of lines.
    <fieldset ref={fieldsetRef} form={formId} data-line-index={index} data-line-summary={drawn ? undefined : ""}
      style={drawn ? undefined : { minHeight: drawnHeight }}
      className="rounded border border-slate-200 p-2 [content-visibility:auto] [contain-intrinsic-size:auto_10rem]">
      <legend className="px-1 text-xs font-semibold text-slate-600">{composeT("lines.row", locale, { n: index + 1 })}</legend>
      {drawn
        ? <LineControls index={index} count={count} onAction={onAction} formId={formId} />
        : <LineSummary index={index} />}
    </fieldset>
  );
}

const subscribeToNothing: LineWindow["subscribe"] = () => () => undefined;

function stopSubmit(event: FormEvent) {
  event.preventDefault();
  event.stopPropagation();
}

/**
 * The line's own form, empty and never shown, put at the end of the page: the line's controls
 * belong to it (their `form` attribute) instead of the wizard's form. The browser does work per
 * keystroke over the form the typed control belongs to: React sets the control's `name` again
 * after every input event, and the browser then rebuilds that form's index of named controls;
 * Chromium's autofill reads the whole form after each typed change. Over a form of a few
 * controls both are cheap; over the wizard's form with every line in it they cost milliseconds
 * per keystroke. react-hook-form holds the values, and Enter in a line is handled by the lines
 * step, so the lines need nothing else from a form.
 */
function LineForm({ id }: { id: string }) {
  const host = useSyncExternalStore(subscribeToNothing, () => document.body, () => null);
  return host ? createPortal(<form id={id} hidden onSubmit={stopSubmit} />, host) : null;
}

/** A line out of view in a long note: its description and amounts, findable on the page, without controls. */
function LineSummary({ index }: { index: number }) {
  const { control, getValues } = useFormContext<ComposeValues>();
  const description = getValues(`lines.${index}.description`);
  return (
    <div className="grid grid-cols-12 gap-2">
      <p className="col-span-8 self-end truncate text-sm text-slate-700">{description || "—"}</p>
      <div className="col-span-4 self-end">
        <LineAmounts control={control} index={index} />
      </div>
    </div>
  );
}

/**
 * The line's controls. The exemption reason exists only at 0%, and only the classification types a
 * 5.2 allows with the chosen category are offered.
 */
function LineControls({ index, count, onAction, formId }: LineRowProps & { formId: string }) {
  const locale = useLocale();
  // English mode reads "1,234.56" the English way (english-values.ts).
  const typedNumber = locale === "en" ? ENGLISH_NUMBER : undefined;
  const { control, setValue, getValues } = useFormContext<ComposeValues>();
  const lineWindow = useContext(LineWindowContext);
  const gridRef = useRef<HTMLDivElement>(null);
  useEffect(() => {
    // Drawn to show an error that react-hook-form could not focus while the line was a summary.
    if (lineWindow?.takeReveal(index)) gridRef.current?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus();
  }, [lineWindow, index]);
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
    <FieldErrorScopeContext value={errorScope}>
      <LineForm id={formId} />
      <div ref={gridRef} className="grid grid-cols-12 gap-2">
        <TextField form={formId} isolateLayout name={name("description")} label={label("description")} hideLabel placeholder={composeT("col.description", locale)} className="col-span-12 sm:col-span-6 lg:col-span-4" autoComplete="off" maxChars={TEXT_LIMITS.lineDescription} />
        <TextField form={formId} isolateLayout name={name("quantity")} label={label("quantity")} registerOptions={typedNumber} hideLabel placeholder={composeT("col.quantity", locale)} inputMode="decimal" className="col-span-4 sm:col-span-2 lg:col-span-1" autoComplete="off" />
        <SelectField form={formId} name={name("unitCode")} numeric label={label("unitCode")} hideLabel options={unitOptions(locale)} className="col-span-4 sm:col-span-2" />
        <TextField form={formId} isolateLayout name={name("unitPrice")} label={label("unitPrice")} registerOptions={typedNumber} hideLabel placeholder={composeT("col.unitPrice", locale)} inputMode="decimal" className="col-span-4 sm:col-span-2" autoComplete="off" />
        <TextField form={formId} isolateLayout name={name("discountPercent")} label={label("discountPercent")} registerOptions={typedNumber} hideLabel placeholder={composeT("col.discount", locale)} inputMode="decimal" className="col-span-4 sm:col-span-2 lg:col-span-1" autoComplete="off" />
        <SelectField form={formId} name={name("vatCategory")} numeric label={label("vatCategory")} hideLabel options={vatCategoryOptions(locale)} className="col-span-8 sm:col-span-4 lg:col-span-2"
          registerOptions={{ onChange: onVatChange }} />
        {requiresVatExemption(vatCategory) && (
          <SelectField form={formId} name={name("vatExemptionCategory")} numeric label={label("vatExemptionCategory")} visibleLabel={short("vatExemptionCategory")} options={exemptionOptions(locale)}
            placeholder={composeT("lines.exemptionPick", locale)} className="col-span-12" />
        )}
        <SelectField form={formId} name={name("incomeClassification.category")} label={label("incomeClassification.category")} visibleLabel={short("incomeClassification.category")} options={classificationCategoryOptions(locale)} className="col-span-12 sm:col-span-6 lg:col-span-3" registerOptions={{ onChange: onCategoryChange }} />
        <SelectField form={formId} name={name("incomeClassification.type")} label={label("incomeClassification.type")} visibleLabel={short("incomeClassification.type")} options={typeOptions} className="col-span-12 sm:col-span-6 lg:col-span-3"
          placeholder={typeOptions.length === 0 ? "—" : undefined} registerOptions={{ setValueAs: (v: unknown) => (v === "" ? null : v) }} />
        <div className="col-span-8 self-end sm:col-span-4">
          <LineAmounts control={control} index={index} />
        </div>
        <div className="col-span-4 flex sm:col-span-2 flex-wrap items-end justify-end gap-1">
          <Button form={formId} size="sm" variant="ghost" disabled={index === 0} onClick={() => onAction("up", index)} aria-label={`${composeT("lines.up", locale)} — ${composeT("lines.row", locale, { n: index + 1 })}`}>↑</Button>
          <Button form={formId} size="sm" variant="ghost" disabled={index === count - 1} onClick={() => onAction("down", index)} aria-label={`${composeT("lines.down", locale)} — ${composeT("lines.row", locale, { n: index + 1 })}`}>↓</Button>
          <Button form={formId} size="sm" variant="ghost" onClick={() => onAction("duplicate", index)} aria-label={`${composeT("lines.duplicate", locale)} — ${composeT("lines.row", locale, { n: index + 1 })}`}>
            <DuplicateIcon />
          </Button>
          <Button form={formId} size="sm" variant="ghost" disabled={count === 1} onClick={() => onAction("delete", index)} aria-label={`${composeT("lines.delete", locale)} — ${composeT("lines.row", locale, { n: index + 1 })}`}>✕</Button>
        </div>
        <LineTaxes index={index} formId={formId} />
      </div>
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
