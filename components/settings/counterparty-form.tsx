"use client";

import { Controller, FormProvider, get, useForm, useFormState } from "react-hook-form";
import { FieldErrorText } from "@/components/form/field-error";
import { TextField } from "@/components/form/text-field";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { useLocale } from "@/components/ui/locale-provider";
import { Notice } from "@/components/ui/notice";
import type { CounterpartyView } from "@/lib/settings/views";
import { composeT } from "@/lib/i18n/compose-messages";
import { counterpartySchema } from "@/lib/validation/draft";
import { firstListError } from "@/components/credit-note/counterparty-step";
import { AddressFields } from "./address-fields";
import { useSettingsMutation } from "./use-settings-mutation";
import { codedResolver } from "@/components/form/coded-resolver";

interface CounterpartyFormValues {
  name: string;
  vat: string;
  code: string;
  address: { countryCode: string; city: string; street: string; postalCode: string };
  emails: string[];
}

const resolver = codedResolver<CounterpartyFormValues>(counterpartySchema);

function valuesOf(entry: CounterpartyView | undefined): CounterpartyFormValues {
  return entry
    ? { name: entry.name, vat: entry.vat, code: entry.code ?? "", address: { ...entry.address }, emails: [...entry.emails] }
    : { name: "", vat: "", code: "", address: { countryCode: "GR", city: "", street: "", postalCode: "" }, emails: [] };
}

/** Adds an address-book entry (the same VAT number updates the existing one) or edits one. */
export function CounterpartyForm({ entry, onDone }: { entry?: CounterpartyView; onDone?: () => void }) {
  const locale = useLocale();
  const form = useForm<CounterpartyFormValues>({ defaultValues: valuesOf(entry), resolver });
  const save = useSettingsMutation(form, () => { if (!entry) form.reset(valuesOf(undefined)); onDone?.(); });
  const { errors } = useFormState({ control: form.control, name: "emails" });
  const submit = form.handleSubmit((values) =>
    save.mutate(entry ? { url: `/api/counterparties/${entry.id}`, method: "PATCH", body: values } : { url: "/api/counterparties", method: "POST", body: values }));
  const emailsId = `emails-${entry?.id ?? "new"}`;
  return (
    <FormProvider {...form}>
      <form onSubmit={submit} noValidate aria-label={entry ? `${composeT("settings.edit", locale)} — ${entry.name}` : composeT("settings.newCounterparty", locale)}
        className="grid grid-cols-4 gap-3">
        <TextField name="name" label={composeT("settings.name", locale)} className="col-span-2" />
        <TextField name="vat" label={composeT("settings.vat", locale)} autoComplete="off" />
        <TextField name="code" label={composeT("settings.code", locale)} />
        <AddressFields withCountry />
        <div className="col-span-4 flex flex-col">
          <label htmlFor={emailsId} className="mb-0.5 text-xs font-medium text-slate-700">{composeT("settings.emails", locale)}</label>
          <Controller control={form.control} name="emails" render={({ field }) => (
            <Input id={emailsId} value={field.value.join(",")} onBlur={field.onBlur} ref={field.ref} aria-describedby={`${emailsId}-error`}
              onChange={(event) => field.onChange(event.target.value === "" ? [] : event.target.value.split(","))} />
          )} />
          <FieldErrorText id={`${emailsId}-error`} error={firstListError(get(errors, "emails"))} />
        </div>
        <div className="col-span-4 flex items-center gap-2">
          <Button type="submit" disabled={save.isPending}>{composeT(entry ? "settings.save" : "settings.add", locale)}</Button>
          {entry && onDone && <Button variant="secondary" onClick={onDone}>{composeT("settings.cancel", locale)}</Button>}
          {save.isError && <Notice tone="error">{save.error.message}</Notice>}
        </div>
      </form>
    </FormProvider>
  );
}
