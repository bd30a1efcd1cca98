"use client";

import { FormProvider, useForm } from "react-hook-form";
import { TextField } from "@/components/form/text-field";
import { Button } from "@/components/ui/button";
import { useLocale } from "@/components/ui/locale-provider";
import { Notice } from "@/components/ui/notice";
import { composeT } from "@/lib/i18n/compose-messages";
import { branchBodySchema } from "@/lib/validation/settings";
import { useSettingsMutation } from "./use-settings-mutation";
import { codedResolver } from "@/components/form/coded-resolver";

interface BranchFormValues {
  branchCode: string;
  name: string;
}

const resolver = codedResolver<BranchFormValues>(branchBodySchema);

/** Adds a branch (code ≥ 1; 0 is the head office) to an issuer profile. */
export function BranchForm({ profileId, profileName }: { profileId: string; profileName: string }) {
  const locale = useLocale();
  const form = useForm<BranchFormValues>({ defaultValues: { branchCode: "", name: "" }, resolver });
  const save = useSettingsMutation(form, () => form.reset());
  const submit = form.handleSubmit((values) => save.mutate({ url: `/api/issuer-profiles/${profileId}/branches`, method: "POST", body: values }));
  return (
    <FormProvider {...form}>
      <form onSubmit={submit} noValidate aria-label={`${composeT("settings.addBranch", locale)} — ${profileName}`} className="flex items-start gap-2">
        <TextField name="branchCode" label={composeT("settings.branchCode", locale)} inputMode="numeric" className="w-52" />
        <TextField name="name" label={composeT("settings.branchName", locale)} className="w-64" />
        <Button type="submit" size="sm" className="mt-5" disabled={save.isPending}>{composeT("settings.addBranch", locale)}</Button>
        {save.isError && <Notice tone="error">{save.error.message}</Notice>}
      </form>
    </FormProvider>
  );
}
