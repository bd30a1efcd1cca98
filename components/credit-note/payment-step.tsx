"use client";

import { useFormContext } from "react-hook-form";
import { TextField } from "@/components/form/text-field";
import { composeT } from "@/lib/i18n/compose-messages";
import type { Locale } from "@/lib/i18n/locale";
import type { ComposeValues } from "@/lib/validation/draft-snapshot";
import { EmailListField } from "./counterparty-step";
import { PaymentsEditor } from "./payments-editor";
import { VatAnalysisTable } from "./vat-analysis-table";

/** Step 4: the per-rate VAT analysis, payment methods adding up to the gross, reference, notes, e-mails. */
export function PaymentStep({ locale }: { locale: Locale }) {
  const { control } = useFormContext<ComposeValues>();
  return (
    <div className="space-y-5">
      <VatAnalysisTable control={control} locale={locale} />
      <PaymentsEditor locale={locale} />
      <div className="grid grid-cols-2 gap-3">
        <TextField name="reference" label={composeT("payment.reference", locale)} locale={locale} autoComplete="off" />
        <EmailListField name="emails" label={composeT("payment.emails", locale)} hint={composeT("party.emailsHint", locale)} locale={locale} />
        <TextField name="notes" label={composeT("payment.notes", locale)} locale={locale} className="col-span-2" autoComplete="off" />
      </div>
    </div>
  );
}
