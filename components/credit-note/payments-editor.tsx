"use client";

import { useFieldArray, useFormContext, useWatch } from "react-hook-form";
import { FieldErrorText } from "@/components/form/field-error";
import { SelectField } from "@/components/form/select-field";
import { TextField } from "@/components/form/text-field";
import { useFieldError } from "@/components/form/use-field-error";
import { Button } from "@/components/ui/button";
import { useLocale } from "@/components/ui/locale-provider";
import { composeT } from "@/lib/i18n/compose-messages";
import { fieldLabel } from "@/lib/i18n/field-labels";
import { MAX_PAYMENTS } from "@/lib/validation/draft";
import type { ComposeValues } from "@/lib/validation/draft-snapshot";
import { computeLenientTotals, restOfPayment } from "@/lib/validation/lenient-totals";
import { paymentMethodOptions } from "./code-options";
import { amountInputText, euros } from "./money-text";
import { ENGLISH_NUMBER } from "./english-values";
import { newPayment } from "./wizard-model";

/**
 * Payment methods (myDATA codes) and their amounts, which must add up to the gross total;
 * "rest" fills a row with what the other rows leave unpaid.
 */
export function PaymentsEditor() {
  const locale = useLocale();
  const { control, getValues, setValue } = useFormContext<ComposeValues>();
  const { fields, append, remove } = useFieldArray({ control, name: "payments" });

  function fillRest(index: number) {
    const values = getValues();
    const { totals } = computeLenientTotals(values);
    setValue(`payments.${index}.amount`, amountInputText(restOfPayment(totals.grossCents, values.payments, index), locale), { shouldValidate: true, shouldDirty: true });
  }

  return (
    <fieldset className="space-y-2">
      <legend className="font-semibold">{composeT("payment.methods", locale)}</legend>
      {fields.map((field, index) => (
        <div key={field.id} className="flex flex-wrap items-start gap-2" data-payment-index={index}>
          <SelectField name={`payments.${index}.methodCode`} numeric label={fieldLabel(`payments.${index}.methodCode`, locale)}
            options={paymentMethodOptions(locale)} className="w-full sm:w-80" />
          <TextField name={`payments.${index}.amount`} label={fieldLabel(`payments.${index}.amount`, locale)} registerOptions={locale === "en" ? ENGLISH_NUMBER : undefined} inputMode="decimal" autoComplete="off" className="w-40" />
          <Button variant="secondary" size="sm" className="mt-5" title={composeT("payment.restHint", locale)} onClick={() => fillRest(index)}
            aria-label={`${composeT("payment.rest", locale)} — ${fieldLabel(`payments.${index}.amount`, locale)}`}>
            {composeT("payment.rest", locale)}
          </Button>
          {fields.length > 1 && (
            <Button variant="ghost" size="sm" className="mt-5" onClick={() => remove(index)}
              aria-label={`${composeT("payment.remove", locale)} — ${fieldLabel(`payments.${index}.methodCode`, locale)}`}>✕</Button>
          )}
        </div>
      ))}
      <PaymentsSumError />
      {fields.length < MAX_PAYMENTS && (
        <Button variant="secondary" size="sm" onClick={() => append(newPayment(), { focusName: `payments.${fields.length}.methodCode` })}>{composeT("payment.add", locale)}</Button>
      )}
    </fieldset>
  );
}

/** The "payments must add up" error, worded with the current amounts (derived during render). */
function PaymentsSumError() {
  const locale = useLocale();
  const { control } = useFormContext<ComposeValues>();
  const error = useFieldError(control, "payments");
  const [priceEntry, lines, payments] = useWatch({ control, name: ["priceEntry", "lines", "payments"] });
  if (!error) return null;
  const { totals } = computeLenientTotals({ priceEntry, lines, payments });
  const params = { gross: euros(totals.grossCents, locale), paid: euros(totals.grossCents + totals.paymentDifferenceCents, locale) };
  return <FieldErrorText id="payments-error" error={error} params={params} />;
}
