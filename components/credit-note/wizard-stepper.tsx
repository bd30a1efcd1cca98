"use client";

import { useLocale } from "@/components/ui/locale-provider";
import { composeT } from "@/lib/i18n/compose-messages";
import { WIZARD_STEPS } from "@/lib/validation/steps";
import { stepTitle } from "./wizard-model";

/** The steps as a list of buttons; a later step opens only once the ones before it are valid. */
export function WizardStepper({ step, onSelect }: { step: number; onSelect: (index: number) => void }) {
  const locale = useLocale();
  return (
    <nav aria-label={composeT("wizard.steps", locale)}>
      <ol className="flex flex-wrap gap-2 text-sm">
        {WIZARD_STEPS.map((s, index) => (
          <li key={s.id}>
            <button type="button" onClick={() => onSelect(index)} aria-current={index === step ? "step" : undefined}
              className={index === step
                ? "rounded-full bg-brand px-3 py-1 font-semibold text-white"
                : index < step ? "rounded-full bg-brand-light px-3 py-1 text-brand-dark" : "rounded-full bg-slate-100 px-3 py-1 text-slate-600"}>
              {index + 1}. {composeT(stepTitle(index), locale)}
            </button>
          </li>
        ))}
      </ol>
    </nav>
  );
}
