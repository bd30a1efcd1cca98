"use client";

import { TEXT_LIMITS } from "@/lib/validation/text-limits";
import { Controller, get, useFormContext, useFormState } from "react-hook-form";
import { FieldErrorText, type CodedError } from "@/components/form/field-error";
import { SelectField } from "@/components/form/select-field";
import { TextField } from "@/components/form/text-field";
import { Input } from "@/components/ui/input";
import { useLocale } from "@/components/ui/locale-provider";
import type { CounterpartyView } from "@/lib/settings/views";
import { composeT } from "@/lib/i18n/compose-messages";
import { fieldLabel } from "@/lib/i18n/field-labels";
import type { ComposeValues } from "@/lib/validation/draft-snapshot";
import { AddressBookSearch } from "./address-book-search";
import { countryOptions } from "./country-options";
import { VatAutofill } from "./vat-autofill";
import { VatNumberCheck, VatPrefix } from "./vat-number-check";

/** The first error among a list of e-mail fields (`counterparty.emails.2` …). */
export function firstListError(errors: unknown): CodedError | undefined {
  if (!errors || typeof errors !== "object") return undefined;
  if (typeof (errors as CodedError).message === "string") return errors as CodedError;
  return Object.values(errors).find((e): e is CodedError => typeof (e as CodedError | undefined)?.message === "string");
}

/** A comma-separated e-mail list bound to a string[] field; the text round-trips exactly. */
export function EmailListField({ name, label, hint }: { name: "counterparty.emails" | "emails"; label: string; hint: string }) {
  const { control } = useFormContext<ComposeValues>();
  const { errors } = useFormState({ control, name });
  const error = firstListError(get(errors, name));
  const id = `${name.replace(".", "-")}-field`;
  return (
    <div className="flex flex-col">
      <label htmlFor={id} className="mb-0.5 text-xs font-medium text-slate-700">{label}</label>
      <Controller control={control} name={name} render={({ field }) => (
        <Input id={id} type="text" inputMode="email" autoComplete="off" invalid={Boolean(error)} aria-describedby={`${id}-hint ${id}-error`}
          value={field.value.join(",")} onBlur={field.onBlur} ref={field.ref}
          onChange={(event) => field.onChange(event.target.value === "" ? [] : event.target.value.split(","))} />
      )} />
      <p id={`${id}-hint`} className="mt-0.5 text-xs text-slate-500">{hint}</p>
      <FieldErrorText id={`${id}-error`} error={error} />
    </div>
  );
}

interface CounterpartyStepProps {
  saveToBook: boolean;
  onSaveToBookChange: (value: boolean) => void;
}

/** Step 2: pick from the address book or type a counterparty; VAT checked as typed for its country. */
export function CounterpartyStep({ saveToBook, onSaveToBookChange }: CounterpartyStepProps) {
  const locale = useLocale();
  const { setValue, control } = useFormContext<ComposeValues>();
  function fill(entry: CounterpartyView) {
    setValue("counterparty", { name: entry.name, vat: entry.vat, code: entry.code ?? "", address: { ...entry.address }, emails: [...entry.emails] }, { shouldValidate: true, shouldDirty: true });
    onSaveToBookChange(false);
  }
  const label = (path: string) => fieldLabel(`counterparty.${path}`, locale);
  return (
    <div className="space-y-4">
      <AddressBookSearch onPick={fill} />
      <div className="grid grid-cols-6 gap-3">
        <TextField name="counterparty.name" label={label("name")} className="col-span-6 sm:col-span-4" autoComplete="organization" maxChars={TEXT_LIMITS.counterpartyName} />
        <TextField name="counterparty.code" label={label("code")} className="col-span-6 sm:col-span-2" />
        <SelectField name="counterparty.address.countryCode" label={label("address.countryCode")} options={countryOptions(locale)} className="col-span-6 sm:col-span-2" />
        <div className="col-span-6 sm:col-span-4">
          <TextField name="counterparty.vat" label={label("vat")} autoComplete="off" adornment={<VatPrefix control={control} />} />
          <VatNumberCheck control={control} />
          <VatAutofill onPick={fill} />
        </div>
        <TextField name="counterparty.address.street" label={label("address.street")} className="col-span-6 sm:col-span-3" maxChars={TEXT_LIMITS.street} />
        <TextField name="counterparty.address.postalCode" label={label("address.postalCode")} className="col-span-2 sm:col-span-1" />
        <TextField name="counterparty.address.city" label={label("address.city")} className="col-span-4 sm:col-span-2" maxChars={TEXT_LIMITS.city} />
        <div className="col-span-6">
          <EmailListField name="counterparty.emails" label={label("emails")} hint={composeT("party.emailsHint", locale)} />
        </div>
      </div>
      <label className="flex items-center gap-2 text-sm">
        <input type="checkbox" checked={saveToBook} onChange={(event) => onSaveToBookChange(event.target.checked)} />
        {composeT("party.saveToBook", locale)}
      </label>
    </div>
  );
}
