import type { ReactNode } from "react";
import { FormProvider, useForm, type UseFormReturn } from "react-hook-form";
import { composeResolver } from "@/components/credit-note/draft-resolver";
import { newDraftValues } from "@/components/credit-note/wizard-model";
import type { ComposeValues } from "@/lib/validation/draft-snapshot";

export const DRAFT_ID = "5d3f0c2a-8b1e-4c7d-9f60-1a2b3c4d5e6f";

/** A compose form around the components under test, as the wizard sets it up. */
export function ComposeHarness({ children, values, onForm }: {
  children: (form: UseFormReturn<ComposeValues>) => ReactNode;
  values?: Partial<ComposeValues>;
  onForm?: (form: UseFormReturn<ComposeValues>) => void;
}) {
  const form = useForm<ComposeValues>({ defaultValues: { ...newDraftValues(DRAFT_ID, [], []), ...values }, resolver: composeResolver, mode: "onChange" });
  onForm?.(form);
  return <FormProvider {...form}>{children(form)}</FormProvider>;
}
