"use client";

import { PAYMENT_METHODS } from "@/lib/domain/codes";
import type { EditableDraft } from "@/lib/history/draft-from-payload";
import { ht } from "@/lib/i18n/history-messages";
import type { Locale } from "@/lib/i18n/locale";
import { FixSelect, FixText, type FieldProblems } from "./fix-field";

/** VAT & payment of the fix form: how prices were typed, the payments (they must add up to the gross), the reference. */
export function FixPayments({ draft, onChange, problemsAt, locale }: {
  draft: EditableDraft;
  onChange: (patch: Partial<EditableDraft>) => void;
  problemsAt: (path: string) => FieldProblems;
  locale: Locale;
}) {
  const setPayment = (index: number, patch: Partial<EditableDraft["payments"][number]>) =>
    onChange({ payments: draft.payments.map((payment, at) => (at === index ? { ...payment, ...patch } : payment)) });
  const general = problemsAt("payments");
  return (
    <div className="space-y-3">
      <fieldset className="flex flex-wrap items-center gap-4 text-sm">
        <legend className="mb-1 text-xs font-medium text-slate-700">{ht("fix.priceEntry", locale)}</legend>
        {(["net", "gross"] as const).map((entry) => (
          <label key={entry} className="flex items-center gap-1">
            <input type="radio" name="priceEntry" value={entry} checked={draft.priceEntry === entry} onChange={() => onChange({ priceEntry: entry })} />
            {ht(entry === "net" ? "fix.priceNet" : "fix.priceGross", locale)}
          </label>
        ))}
      </fieldset>
      {draft.payments.map((payment, index) => (
        <div key={index} className="grid grid-cols-2 gap-3" data-payment={index + 1}>
          <FixSelect label={ht("fix.paymentMethod", locale)} value={String(payment.methodCode)} onChange={(code) => setPayment(index, { methodCode: Number(code) })}
            options={PAYMENT_METHODS.map((method) => ({ value: String(method.code), label: locale === "el" ? method.nameEl : method.nameEn }))} problems={problemsAt(`payments.${index}.methodCode`)} />
          <FixText label={ht("fix.paymentAmount", locale)} inputMode="decimal" value={payment.amount} onChange={(amount) => setPayment(index, { amount })}
            problems={{ server: [...problemsAt(`payments.${index}.amount`).server, ...problemsAt(`payments.${index}`).server], provider: [...problemsAt(`payments.${index}.amount`).provider, ...problemsAt(`payments.${index}`).provider] }} />
        </div>
      ))}
      {general.server.length + general.provider.length > 0 && (
        <ul className="text-xs">{general.server.map((m) => <li key={m} className="text-red-700">{m}</li>)}{general.provider.map((m) => <li key={m} className="text-amber-800">⚠ {m}</li>)}</ul>
      )}
      <FixText label={ht("fix.reference", locale)} value={draft.reference ?? ""} onChange={(reference) => onChange({ reference: reference === "" ? undefined : reference })} problems={problemsAt("reference")} />
    </div>
  );
}
