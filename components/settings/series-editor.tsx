"use client";

import { useState } from "react";
import { FormProvider, useForm } from "react-hook-form";
import { SelectField } from "@/components/form/select-field";
import { TextField } from "@/components/form/text-field";
import { Button } from "@/components/ui/button";
import { ConfirmDialog } from "@/components/ui/dialog";
import { Input } from "@/components/ui/input";
import { useLocale } from "@/components/ui/locale-provider";
import { Notice } from "@/components/ui/notice";
import { Table, TBody, THead, Td, Th, Tr } from "@/components/ui/table";
import type { IssuerProfileView, SeriesView } from "@/lib/settings/views";
import { composeT } from "@/lib/i18n/compose-messages";
import { seriesBodySchema } from "@/lib/validation/settings";
import { useSettingsMutation } from "./use-settings-mutation";
import { codedResolver } from "@/components/form/coded-resolver";

interface NewSeriesValues {
  issuerVat: string;
  code: string;
  nextNumber: string;
  description: string;
}

const resolver = codedResolver<NewSeriesValues>(seriesBodySchema);

/** Adds a series to an issuer, starting at a chosen number. */
export function NewSeriesForm({ profiles }: { profiles: IssuerProfileView[] }) {
  const locale = useLocale();
  const form = useForm<NewSeriesValues>({ defaultValues: { issuerVat: profiles[0]?.vat ?? "", code: "", nextNumber: "1", description: "" }, resolver });
  const save = useSettingsMutation(form, () => form.reset({ ...form.getValues(), code: "", nextNumber: "1", description: "" }));
  const submit = form.handleSubmit((values) => save.mutate({ url: "/api/series", method: "POST", body: values }));
  return (
    <FormProvider {...form}>
      <form onSubmit={submit} noValidate aria-label={composeT("settings.newSeries", locale)} className="grid grid-cols-5 items-start gap-3">
        {profiles.length > 0
          ? <SelectField name="issuerVat" label={composeT("settings.issuerVat", locale)} options={profiles.map((p) => ({ value: p.vat, label: `${p.vat} — ${p.name}` }))} />
          : <TextField name="issuerVat" label={composeT("settings.issuerVat", locale)} />}
        <TextField name="code" label={composeT("settings.seriesCode", locale)} autoComplete="off" />
        <TextField name="nextNumber" label={composeT("settings.nextNumber", locale)} inputMode="numeric" />
        <TextField name="description" label={composeT("settings.description", locale)} />
        <Button type="submit" className="mt-5" disabled={save.isPending}>{composeT("settings.add", locale)}</Button>
        {save.isError && <Notice tone="error" className="col-span-5">{save.error.message}</Notice>}
      </form>
    </FormProvider>
  );
}

/** One series: its next number can be changed in place; an unused series can be deleted. */
function SeriesRow({ series, onDelete }: { series: SeriesView; onDelete: (s: SeriesView) => void }) {
  const locale = useLocale();
  const [next, setNext] = useState(String(series.nextNumber));
  const save = useSettingsMutation();
  const label = `${composeT("settings.nextNumber", locale)} — ${series.code}`;
  return (
    <Tr data-series={series.code}>
      <Td>{series.issuerVat}</Td>
      <Td className="font-semibold">{series.code}</Td>
      <Td>
        <form className="flex gap-2" onSubmit={(event) => { event.preventDefault(); save.mutate({ url: `/api/series/${series.id}`, method: "PATCH", body: { nextNumber: next } }); }}>
          <Input aria-label={label} value={next} onChange={(event) => setNext(event.target.value)} inputMode="numeric" className="w-28" invalid={save.isError} />
          <Button type="submit" size="sm" variant="secondary" disabled={save.isPending || next === String(series.nextNumber)}>{composeT("settings.save", locale)}</Button>
        </form>
        {save.isError && <p className="text-xs text-red-700">{save.error.message}</p>}
      </Td>
      <Td>{series.description ?? ""}</Td>
      <Td>
        <Button size="sm" variant="ghost" onClick={() => onDelete(series)} aria-label={`${composeT("settings.delete", locale)} — ${series.code}`}>✕</Button>
      </Td>
    </Tr>
  );
}

/** The series table. */
export function SeriesTable({ series }: { series: SeriesView[] }) {
  const locale = useLocale();
  const [pending, setPending] = useState<SeriesView | null>(null);
  const remove = useSettingsMutation();
  if (series.length === 0) return <p className="text-sm text-slate-600">{composeT("settings.none", locale)}</p>;
  return (
    <>
      {remove.isError && <Notice tone="error" className="mb-3">{remove.error.message}</Notice>}
      <Table>
        <THead>
          <Tr>
            <Th>{composeT("settings.issuerVat", locale)}</Th><Th>{composeT("settings.seriesCode", locale)}</Th>
            <Th>{composeT("settings.nextNumber", locale)}</Th><Th>{composeT("settings.description", locale)}</Th><Th>{composeT("col.actions", locale)}</Th>
          </Tr>
        </THead>
        <TBody>{series.map((s) => <SeriesRow key={s.id} series={s} onDelete={setPending} />)}</TBody>
      </Table>
      <ConfirmDialog open={pending !== null} destructive title={composeT("settings.confirmDelete", locale, { name: pending?.code ?? "" })}
        confirmLabel={composeT("settings.delete", locale)} cancelLabel={composeT("settings.cancel", locale)} onCancel={() => setPending(null)}
        onConfirm={() => { if (pending) remove.mutate({ url: `/api/series/${pending.id}`, method: "DELETE" }); setPending(null); }} />
    </>
  );
}
