"use client";

import { TEXT_LIMITS } from "@/lib/validation/text-limits";
import { useFormContext } from "react-hook-form";
import { TextField } from "@/components/form/text-field";
import { useLocale } from "@/components/ui/locale-provider";
import { clerkT } from "@/lib/i18n/clerk-messages";
import { composeT } from "@/lib/i18n/compose-messages";
import type { ComposeValues } from "@/lib/validation/draft-snapshot";
import { EmailListField } from "./counterparty-step";
import { PaymentsEditor } from "./payments-editor";
import { VatAnalysisTable } from "./vat-analysis-table";

/** Step 4: the per-rate VAT analysis, payment methods adding up to the gross, reference, notes, e-mails. */
export function PaymentStep() {
  const locale = useLocale();
  const { control, register } = useFormContext<ComposeValues>();
  return (
    <div className="space-y-5">
      <VatAnalysisTable control={control} />
      <PaymentsEditor />
      <div className="grid grid-cols-1 gap-3 sm:grid-cols-2">
        <TextField name="reference" label={composeT("payment.reference", locale)} autoComplete="off" maxChars={TEXT_LIMITS.reference} />
        <div className="space-y-2">
          <EmailListField name="emails" label={composeT("payment.emails", locale)} hint={composeT("party.emailsHint", locale)} />
          <label className="flex items-start gap-2 text-sm">
            <input type="checkbox" className="mt-0.5" {...register("sendPdf")} />
            <span>
              {clerkT("email.sendPdf", locale)}
              <span className="block text-xs text-slate-500">{clerkT("email.sendPdfHint", locale)}</span>
            </span>
          </label>
        </div>
        <TextField name="notes" label={composeT("payment.notes", locale)} className="sm:col-span-2" autoComplete="off" maxChars={TEXT_LIMITS.notes} />
      </div>
    </div>
  );
}
