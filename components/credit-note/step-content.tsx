"use client";

import { useFormContext, useWatch } from "react-hook-form";
import { Notice } from "@/components/ui/notice";
import type { IssuerProfileView, SeriesView } from "@/lib/settings/views";
import { composeT } from "@/lib/i18n/compose-messages";
import type { Locale } from "@/lib/i18n/locale";
import type { ComposeValues } from "@/lib/validation/draft-snapshot";
import type { IssueAnswer } from "./compose-api";
import { CounterpartyStep } from "./counterparty-step";
import type { Environment } from "./environment-notice";
import { IssuerStep } from "./issuer-step";
import { LinesStep } from "./lines-step";
import { PaymentStep } from "./payment-step";
import { ReviewStep } from "./review-step";
import type { StepSideEffects } from "./use-step-side-effects";

interface StepContentProps {
  step: number;
  locale: Locale;
  environment: Environment;
  profiles: IssuerProfileView[];
  series: SeriesView[];
  sideEffects: StepSideEffects;
  onIssued: (answer: IssueAnswer) => void;
  onIssuing: () => void;
}

/** The body of the current step. */
export function StepContent({ step, locale, environment, profiles, series, sideEffects, onIssued, onIssuing }: StepContentProps) {
  const { control, getValues } = useFormContext<ComposeValues>();
  const profileId = useWatch({ control, name: "issuerProfileId" });
  const defaultClassification = profiles.find((p) => p.id === profileId)?.defaultClassification ?? null;
  switch (step) {
    case 0:
      return <IssuerStep locale={locale} profiles={profiles} series={series} />;
    case 1:
      return (
        <>
          <CounterpartyStep locale={locale} saveToBook={sideEffects.saveToBook} onSaveToBookChange={sideEffects.setSaveToBook} />
          {sideEffects.bookResult && sideEffects.bookResult !== "saved" && <Notice tone="error" className="mt-3">{sideEffects.bookResult}</Notice>}
        </>
      );
    case 2:
      return (
        <>
          {sideEffects.bookResult === "saved" && <Notice tone="success" className="mb-3">{composeT("party.savedToBook", locale)}</Notice>}
          <LinesStep locale={locale} defaultClassification={defaultClassification} />
        </>
      );
    case 3:
      return <PaymentStep locale={locale} />;
    default:
      return <ReviewStep locale={locale} environment={environment} values={getValues()} onIssued={onIssued} onIssuing={onIssuing} />;
  }
}
