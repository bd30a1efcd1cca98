import { zodResolver } from "@hookform/resolvers/zod";
import type { ReactNode } from "react";
import { FormProvider, useForm, type Resolver, type UseFormReturn } from "react-hook-form";
import { newDraftValues } from "@/components/credit-note/wizard-model";
import { draftSchema } from "@/lib/validation/draft";
import type { ComposeValues } from "@/lib/validation/draft-snapshot";
import { codeOfDefaultIssue } from "@/lib/validation/errors";

export const DRAFT_ID = "5d3f0c2a-8b1e-4c7d-9f60-1a2b3c4d5e6f";

const resolver = zodResolver(draftSchema, { error: (issue) => codeOfDefaultIssue(issue) }) as unknown as Resolver<ComposeValues>;

/** A compose form around the components under test, as the wizard sets it up. */
export function ComposeHarness({ children, values, onForm }: {
  children: (form: UseFormReturn<ComposeValues>) => ReactNode;
  values?: Partial<ComposeValues>;
  onForm?: (form: UseFormReturn<ComposeValues>) => void;
}) {
  const form = useForm<ComposeValues>({ defaultValues: { ...newDraftValues(DRAFT_ID, [], []), ...values }, resolver, mode: "onChange" });
  onForm?.(form);
  return <FormProvider {...form}>{children(form)}</FormProvider>;
}
