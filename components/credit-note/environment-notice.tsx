"use client";

import { cn } from "@/components/ui/cn";
import { useLocale } from "@/components/ui/locale-provider";
import { composeT } from "@/lib/i18n/compose-messages";

export type Environment = "SANDBOX" | "UAT" | "PRODUCTION";

const tones: Record<Environment, string> = {
  SANDBOX: "border-amber-400 bg-amber-100 text-amber-950",
  UAT: "border-sky-400 bg-sky-100 text-sky-950",
  PRODUCTION: "border-red-800 bg-red-700 text-white",
};

/** Where the document goes, loud and right above the Issue button. */
export function EnvironmentNotice({ environment }: { environment: Environment }) {
  const locale = useLocale();
  return (
    <p data-testid="review-environment" className={cn("rounded border-2 px-4 py-3 text-center text-lg font-bold tracking-wide", tones[environment])}>
      {composeT("review.environment", locale)}: {environment}
    </p>
  );
}
