"use client";

import { useQueryClient } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useCallback, useEffect, useRef, useState, type FormEvent, type KeyboardEvent } from "react";
import { FormProvider, useForm } from "react-hook-form";
import { Button } from "@/components/ui/button";
import type { ApiFieldError } from "@/components/ui/fetch-json";
import { Notice } from "@/components/ui/notice";
import { useLocale } from "@/components/ui/locale-provider";
import { queryKeys } from "@/components/ui/query-keys";
import type { IssuerProfileView, SeriesView } from "@/lib/settings/views";
import { creditT } from "@/lib/i18n/credit-messages";
import { clerkT } from "@/lib/i18n/clerk-messages";
import { composeT } from "@/lib/i18n/compose-messages";
import { messageOfCode } from "@/lib/i18n/validation-messages";
import type { ComposeValues } from "@/lib/validation/draft-snapshot";
import { deleteDraft, type IssueAnswer } from "./compose-api";
import { DraftAutosave } from "./draft-autosave";
import { englishValues } from "./english-values";
import { readLocalCopy } from "./local-draft-copy";
import { composeResolver } from "./draft-resolver";
import type { Environment } from "./environment-notice";
import { FixIdentity, firstStepWithError, isOnField, StepProviderErrors, useProviderErrors, type FixMode } from "./fix-mode";
import { firstLineWithError, LineWindow, LineWindowContext } from "./line-window";
import { StepContent } from "./step-content";
import { TotalsPanel } from "./totals-panel";
import { useStepSideEffects } from "./use-step-side-effects";
import { WizardStepper } from "./wizard-stepper";
import { LAST_STEP, stepIndexOf, stepOfPath, WIZARD_STEPS } from "@/lib/validation/steps";
import { countErrors, stepTitle } from "./wizard-model";

export interface ComposeWizardProps {
  environment: Environment;
  initialValues: ComposeValues;
  initialStep: number;
  restored: boolean;
  profiles: IssuerProfileView[];
  series: SeriesView[];
  /** Fix & resend of a rejected document instead of a new credit note (see FixMode). */
  fix?: FixMode;
}

/**
 * The compose wizard: one react-hook-form form validated by the shared draft schema, five
 * gated steps (each `trigger`s its own fields before the next opens), a totals panel derived
 * during render, and the draft saved on the server as the clerk types.
 *
 * In fix mode it corrects a rejected document instead: the identity is shown and locked, the
 * provider's errors sit on their fields (or under their step's heading), nothing is saved as a
 * draft, and the last step sends the correction to `POST /api/transmissions/{id}/fix`.
 */
export function ComposeWizard({ environment, initialValues, initialStep, restored, profiles, series, fix }: ComposeWizardProps) {
  const locale = useLocale();
  const router = useRouter();
  const queryClient = useQueryClient();
  // Fields are checked as they are typed and all of a step's fields when leaving it; never on
  // blur, whose late error text would shift the Next button away under a click in progress.
  // English mode shows stored numbers the English way; what is typed there is read the English way (english-values.ts).
  const form = useForm<ComposeValues>({ defaultValues: locale === "en" ? englishValues(initialValues) : initialValues, resolver: composeResolver, mode: "onChange" });
  const [step, setStep] = useState(Math.min(fix ? firstStepWithError(fix.providerErrors) : initialStep, LAST_STEP));
  const [blocked, setBlocked] = useState(0);
  const [issuing, setIssuing] = useState(false);
  const sideEffects = useStepSideEffects(form, locale);
  const stepRef = useRef<HTMLDivElement>(null);
  const headingRef = useRef<HTMLHeadingElement>(null);
  const firstRender = useRef(true);
  const [lineWindow] = useState(() => new LineWindow());
  useProviderErrors(form, fix, locale);
  const [saveFailure, setSaveFailure] = useState<string | null>(null);
  const onSaveFailure = useCallback((reason: string | null) => setSaveFailure(reason), []);
  const [restoredLocal, setRestoredLocal] = useState<string | null>(null);

  useEffect(() => {
    // This browser's copy of a draft the server did not take (see local-draft-copy.ts) wins over
    // the server's older one: every line typed comes back.
    if (fix) return;
    const copy = readLocalCopy(initialValues.id);
    if (copy === null) return;
    form.reset(copy.values);
    setStep(Math.min(copy.step, LAST_STEP));
    setRestoredLocal(new Date(copy.savedAt).toLocaleTimeString(locale === "el" ? "el-GR" : "en-GB", { timeZone: "Europe/Athens" }));
    // Once, for the draft the page opened.
  }, [initialValues.id]);

  useEffect(() => {
    // The draft's id in the address bar from the first render on (history only, no navigation), so
    // a reload or a refresh asks for this same draft. Deferred: the router hooks history.replaceState
    // in its own effect, which runs after this one on the first render; state null lets it adopt the URL.
    if (fix) return;
    const url = new URL(window.location.href);
    if (url.searchParams.get("draft") === initialValues.id) return;
    url.searchParams.set("draft", initialValues.id);
    const timer = setTimeout(() => window.history.replaceState(null, "", url), 0);
    return () => clearTimeout(timer);
  }, [initialValues.id, fix]);

  useEffect(() => {
    // Moving to a step puts the keyboard on its first control (not on the first render: the page keeps its own focus).
    if (firstRender.current) { firstRender.current = false; return; }
    // The review step starts at its heading, so that Enter cannot issue by accident.
    const control = stepRef.current?.querySelector<HTMLElement>("input:not([type=hidden]):not([disabled]), select:not([disabled]), textarea:not([disabled]), button:not([disabled])");
    (step === LAST_STEP || !control ? headingRef.current : control)?.focus();
  }, [step]);

  async function goTo(target: number) {
    if (target <= step) { setStep(target); setBlocked(0); return; }
    for (let index = step; index < target; index += 1) {
      const fields: readonly string[] = WIZARD_STEPS[index]?.fields ?? [];
      const valid = fields.length === 0 || (await form.trigger(fields as never, { shouldFocus: true }));
      if (!valid) {
        setStep(index);
        // The form's current errors (form.formState is the last render's, older than this trigger).
        const errors = Object.fromEntries(fields.map((field) => [field, form.getFieldState(field as never).error]));
        setBlocked(countErrors(errors) || 1);
        revealFirstLineError(errors.lines);
        return;
      }
      await sideEffects.afterLeaving(index);
    }
    setBlocked(0);
    setStep(target);
  }

  /**
   * In a long note the first line in error may be showing its summary, whose controls react-hook-form
   * cannot focus: that line is drawn and puts the keyboard on its first field in error itself.
   */
  function revealFirstLineError(lineErrors: unknown) {
    const index = firstLineWithError(lineErrors);
    if (index < 0) return;
    const isInLine = (element: Element | null) => element?.closest<HTMLElement>("[data-line-index]")?.dataset.lineIndex === String(index);
    if (isInLine(document.activeElement)) return;
    lineWindow.reveal(index);
    // A line that was already drawn (e.g. switching to its summary as this click landed) is not
    // drawn again, so it never takes the reveal: its first field in error gets the keyboard here,
    // once the errors are painted.
    requestAnimationFrame(() => {
      if (isInLine(document.activeElement)) return;
      document.querySelector<HTMLElement>(`[data-line-index="${index}"] [aria-invalid="true"]`)?.focus();
    });
  }

  function onSubmit(event: FormEvent) {
    // Enter in a field (implicit submission) means "next step"; issuing has its own button.
    event.preventDefault();
    if (step < LAST_STEP) void goTo(step + 1);
  }

  function onKeyDown(event: KeyboardEvent<HTMLFormElement>) {
    // Enter on a closed select (issuer, series, branch) means "next step" as it does in a text field.
    const onSelect = event.target instanceof HTMLSelectElement;
    if (event.key === "Enter" && (event.ctrlKey || event.metaKey || onSelect) && step < LAST_STEP) {
      event.preventDefault();
      void goTo(step + 1);
    }
  }

  function onIssued(answer: Pick<IssueAnswer, "id">) {
    if (fix) {
      void queryClient.invalidateQueries({ queryKey: queryKeys.transmissions.all });
      router.push(`/transmissions/${fix.documentId}`);
      router.refresh();
      return;
    }
    void deleteDraft(initialValues.id, locale).catch(() => undefined);
    router.push(`/transmissions/${answer.id}`);
  }

  /** The server's 422 field errors, put on the fields they name; the wizard opens the first step holding one. */
  function onRefused(errors: readonly ApiFieldError[]) {
    const values = form.getValues();
    let first = -1;
    let placed = 0;
    for (const error of errors) {
      // The issuer is chosen by its profile: what the server says about the issuer's details belongs to that choice.
      const path = error.path.replace(/^draft\./, "").replace(/^issuer\.(?!branchCode$).*/, fix ? "$&" : "issuerProfileId");
      if (!isOnField(path, values, { locked: Boolean(fix) })) continue;
      // A code the catalogue words is shown in the user's language; anything else as the server said it.
      form.setError(path as never, { type: "server", message: messageOfCode(error.code, locale) === error.code ? error.message : error.code });
      const index = stepIndexOf(stepOfPath(path));
      first = first < 0 ? index : Math.min(first, index);
      placed += 1;
    }
    if (first < 0) return;
    setStep(first);
    setBlocked(placed);
  }

  return (
    <FormProvider {...form}>
      <LineWindowContext value={lineWindow}>
        <div className="grid grid-cols-1 items-start gap-6 lg:grid-cols-[1fr_16rem]">
          <form onSubmit={onSubmit} onKeyDown={onKeyDown} noValidate aria-labelledby="step-title" className="min-w-0 space-y-4">
            <WizardStepper step={step} onSelect={(index) => void goTo(index)} />
            {fix && <FixIdentity identity={fix.identity} />}
            {restored && restoredLocal === null && <Notice tone="info">{composeT("wizard.restored", locale)}</Notice>}
            {restoredLocal !== null && <Notice tone="warning">{clerkT("autosave.restoredLocal", locale, { time: restoredLocal })}</Notice>}
            {initialValues.correlatedMark !== undefined && (
              <Notice tone="info"><span data-testid="correlated-mark">{creditT("wizard.correlated", locale, { mark: initialValues.correlatedMark, document: initialValues.reference })}</span></Notice>
            )}
            {saveFailure !== null && (
              <Notice tone="error" className="space-y-1">
                <span data-testid="autosave-failure" className="block">
                  <strong className="block">{clerkT("autosave.failedTitle", locale)}</strong>
                  <span className="block">{clerkT("autosave.failedReason", locale, { reason: saveFailure })}</span>
                  <span className="block">{clerkT("autosave.failedKept", locale)}</span>
                </span>
              </Notice>
            )}
            <div ref={stepRef} className="rounded-lg border border-slate-200 bg-white p-5 shadow-sm">
              <h2 id="step-title" ref={headingRef} tabIndex={-1} className="mb-1 text-lg font-semibold focus:outline-none">{composeT(stepTitle(step), locale)}</h2>
              <p className="mb-4 text-xs text-slate-500">{composeT("wizard.stepOf", locale, { n: step + 1, total: WIZARD_STEPS.length })}</p>
              {fix && <StepProviderErrors step={step} fix={fix} values={initialValues} />}
              <StepContent step={step} environment={environment} profiles={profiles} series={series} fix={fix}
                sideEffects={sideEffects} onIssued={onIssued} onIssuing={() => setIssuing(true)} onRefused={onRefused} />
            </div>
            {blocked > 0 && <Notice tone="error">{composeT("wizard.fixErrors", locale, { count: blocked })}</Notice>}
            <div className="flex items-center gap-3">
              {step > 0 && <Button variant="secondary" onClick={() => void goTo(step - 1)}>{composeT("wizard.back", locale)}</Button>}
              {step < LAST_STEP && <Button type="submit">{composeT("wizard.next", locale)}</Button>}
              <div className="ml-auto">
                {!fix && <DraftAutosave step={step} enabled={!issuing} onFailure={onSaveFailure} />}
              </div>
            </div>
          </form>
          <TotalsPanel control={form.control} />
        </div>
      </LineWindowContext>
    </FormProvider>
  );
}
