"use client";

import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useRef } from "react";
import { Controller, FormProvider, useForm, useWatch } from "react-hook-form";
import { SelectField } from "@/components/form/select-field";
import { TextField } from "@/components/form/text-field";
import { Button } from "@/components/ui/button";
import { requestJson } from "@/components/ui/fetch-json";
import { Notice } from "@/components/ui/notice";
import type { IssuerProfileView, SeriesView } from "@/lib/settings/views";
import { creditExistingSchema } from "@/lib/validation/requests";
import { composeT } from "@/lib/i18n/compose-messages";
import { codedResolver } from "@/components/form/coded-resolver";
import { useLocale } from "@/components/ui/locale-provider";

export interface CreditExistingValues {
  authenticationCode: string;
  mark: string;
  relateCredit: boolean;
  series: string;
  issuerVat: string;
}

const resolver = codedResolver<CreditExistingValues>(creditExistingSchema);

/**
 * Credits an issued document through the provider's /Invoice/credit: its authentication code
 * and MARK, 5.2 (not related) or 5.1 (related), and the series of the new credit note. The
 * same request is never sent twice: each distinct request carries its own Idempotency-Key.
 */
export function CreditExistingForm({ initial, profiles, series }: {
  initial: CreditExistingValues;
  profiles: IssuerProfileView[];
  series: SeriesView[];
}) {
  const locale = useLocale();
  const router = useRouter();
  const form = useForm<CreditExistingValues>({ defaultValues: initial, resolver });
  const keys = useRef(new Map<string, string>());
  const issuerVat = useWatch({ control: form.control, name: "issuerVat" });
  const credit = useMutation({
    mutationFn: (body: object) => {
      const json = JSON.stringify(body);
      const key = keys.current.get(json) ?? crypto.randomUUID();
      keys.current.set(json, key);
      return requestJson<{ id: string }>("/api/credit-notes/credit-existing", { method: "POST", body, locale, headers: { "Idempotency-Key": key } });
    },
    onSuccess: (answer) => router.push(`/transmissions/${answer.id}`),
  });
  const submit = form.handleSubmit((values) => {
    if (credit.isPending) return;
    credit.mutate({ ...values, issuerVat: values.issuerVat || undefined });
  });
  const seriesCodes = [...new Set(series.filter((s) => !issuerVat || s.issuerVat === issuerVat).map((s) => s.code))];

  return (
    <FormProvider {...form}>
      <form onSubmit={submit} noValidate className="space-y-4" aria-labelledby="page-title">
        <p className="text-sm text-slate-600">{composeT("credit.intro", locale)}</p>
        <div className="grid grid-cols-1 gap-4 sm:grid-cols-2">
          <TextField name="authenticationCode" label={composeT("credit.authenticationCode", locale)} autoComplete="off" spellCheck={false} />
          <TextField name="mark" label={composeT("credit.mark", locale)} inputMode="numeric" autoComplete="off" />
        </div>
        <Controller control={form.control} name="relateCredit" render={({ field }) => (
          <fieldset className="space-y-1 text-sm">
            <legend className="mb-1 font-medium">{composeT("credit.kind", locale)}</legend>
            {([false, true] as const).map((related) => (
              <label key={String(related)} className="flex items-center gap-2">
                <input type="radio" name={field.name} checked={field.value === related} onChange={() => field.onChange(related)} onBlur={field.onBlur} />
                {composeT(related ? "credit.related" : "credit.unrelated", locale)}
              </label>
            ))}
          </fieldset>
        )} />
        <div className="grid grid-cols-1 gap-4 sm:grid-cols-2">
          <SelectField name="issuerVat" label={composeT("credit.issuer", locale)} placeholder={composeT("credit.issuerAuto", locale)}
            options={profiles.map((p) => ({ value: p.vat, label: `${p.name} — ${p.vat}` }))} />
          <div>
            <TextField name="series" label={composeT("credit.series", locale)} list="credit-series-options" autoComplete="off" />
            <datalist id="credit-series-options">{seriesCodes.map((code) => <option key={code} value={code} />)}</datalist>
          </div>
        </div>
        {credit.isError && <Notice tone="error">{composeT("credit.failed", locale)} {credit.error.message}</Notice>}
        <Button type="submit" disabled={credit.isPending || credit.isSuccess}>
          {composeT(credit.isPending || credit.isSuccess ? "credit.sending" : "credit.submit", locale)}
        </Button>
      </form>
    </FormProvider>
  );
}
