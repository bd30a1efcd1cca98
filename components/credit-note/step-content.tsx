"use client";

import { useFormContext, useWatch } from "react-hook-form";
import { Notice } from "@/components/ui/notice";
import type { IssuerProfileView, SeriesView } from "@/lib/settings/views";
import { composeT } from "@/lib/i18n/compose-messages";
import type { ComposeValues } from "@/lib/validation/draft-snapshot";
import type { ApiFieldError } from "@/components/ui/fetch-json";
import { useLocale } from "@/components/ui/locale-provider";
import type { IssueAnswer } from "./compose-api";
import { CounterpartyStep } from "./counterparty-step";
import type { Environment } from "./environment-notice";
import { FixIssuerStep, type FixMode } from "./fix-mode";
import { IssuerStep } from "./issuer-step";
import { LinesStep } from "./lines-step";
import { PaymentStep } from "./payment-step";
import { ReviewStep } from "./review-step";
import type { StepSideEffects } from "./use-step-side-effects";

interface StepContentProps {
  step: number;
  environment: Environment;
  profiles: IssuerProfileView[];
  series: SeriesView[];
  sideEffects: StepSideEffects;
  fix: FixMode | undefined;
  onIssued: (answer: Pick<IssueAnswer, "id">) => void;
  onIssuing: () => void;
  onRefused: (errors: readonly ApiFieldError[]) => void;
}

/** The body of the current step. */
export function StepContent({ step, environment, profiles, series, sideEffects, fix, onIssued, onIssuing, onRefused }: StepContentProps) {
  const locale = useLocale();
  const { control, getValues } = useFormContext<ComposeValues>();
  const profileId = useWatch({ control, name: "issuerProfileId" });
  // A fix has no issuer profile chosen: the issuer's own profile (by VAT number) gives new lines their classification.
  const profile = profiles.find((p) => p.id === profileId) ?? (fix ? profiles.find((p) => p.vat === getValues("issuer.vat")) : undefined);
  const defaultClassification = profile?.defaultClassification ?? null;
  switch (step) {
    case 0:
      return fix ? <FixIssuerStep vat={getValues("issuer.vat")} profiles={profiles} /> : <IssuerStep profiles={profiles} series={series} />;
    case 1:
      return (
        <>
          <CounterpartyStep saveToBook={sideEffects.saveToBook} onSaveToBookChange={sideEffects.setSaveToBook} />
          {sideEffects.bookResult && sideEffects.bookResult !== "saved" && <Notice tone="error" className="mt-3">{sideEffects.bookResult}</Notice>}
        </>
      );
    case 2:
      return (
        <>
          {sideEffects.bookResult === "saved" && <Notice tone="success" className="mb-3">{composeT("party.savedToBook", locale)}</Notice>}
          <LinesStep defaultClassification={defaultClassification} />
        </>
      );
    case 3:
      return <PaymentStep />;
    default:
      return <ReviewStep environment={environment} values={getValues()} fix={fix} onIssued={onIssued} onIssuing={onIssuing} onRefused={onRefused} />;
  }
}
