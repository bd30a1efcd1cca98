import type { ReactNode } from "react";
import { paymentMethodLabel } from "@/lib/domain";
import { errorIsAt, type PlacedError } from "@/lib/history/error-fields";
import type { WizardStepId } from "@/lib/validation/steps";
import type { SentDocument } from "@/lib/history/sent-document";
import { fiscalT, TAX_FAMILY_WORDS } from "@/lib/i18n/fiscal-messages";
import { ht } from "@/lib/i18n/history-messages";
import { getRequestLocale } from "@/lib/i18n/server-locale";
import { eurosOrDash, issuedAtText } from "./format";
import { PlacedErrors } from "./placed-errors";
import { SentField } from "./sent-field";
import { SentLines } from "./sent-lines";

/** One wizard step of the document; errors of the step that no field shows are listed under its heading. */
async function Step({ step, errors, shown, children }: { step: WizardStepId; errors: readonly PlacedError[]; shown: string[]; children: ReactNode }) {
  const locale = await getRequestLocale();
  const own = errors.filter((error) => error.step === step);
  const loose = own.filter((error) => error.path === null || !shown.some((path) => errorIsAt(error, path)));
  return (
    <section aria-labelledby={`step-${step}`} data-step={step} className={own.length > 0 ? "rounded border border-red-300 p-3" : "rounded border border-slate-200 p-3"}>
      <h3 id={`step-${step}`} className="mb-2 text-sm font-semibold">{ht(`step.${step}`, locale)}{own.length > 0 && <span className="ml-2 text-red-700">⚠ {own.length}</span>}</h3>
      <PlacedErrors errors={loose} withField />
      {children}
    </section>
  );
}

/**
 * The document as it was sent, grouped by the compose wizard's steps, with every provider or
 * myDATA error placed next to the field it concerns (and its step marked), so a rejected
 * document says where to look before anyone opens the JSON.
 */
export async function SentDocumentView({ sent, errors }: { sent: SentDocument; errors: readonly PlacedError[] }) {
  const locale = await getRequestLocale();
  if (sent.kind === "credit_existing") {
    return (
      <Step step="review" errors={errors} shown={[]}>
        <dl className="grid gap-1 sm:grid-cols-2">
          <SentField label={ht("detail.mark", locale)} path="mark" errors={errors}>{ht("detail.creditOf", locale, { mark: sent.mark })}</SentField>
          <SentField label={ht("detail.authCode", locale)} path="authenticationCode" errors={errors}><span className="font-mono text-xs break-all">{sent.authenticationCode}</span></SentField>
          <SentField label={ht("history.series", locale)} path="series" errors={errors}>{sent.series}/{sent.number}</SentField>
          <SentField label={ht("detail.kind", locale)} path="relateCredit" errors={errors}>{sent.relateCredit ? ht("detail.relateCredit", locale) : "5.2"}</SentField>
        </dl>
      </Step>
    );
  }
  const field = (label: string, path: string, value: ReactNode) => <SentField label={label} path={path} errors={errors}>{value}</SentField>;
  return (
    <div className="space-y-3">
      <Step step="issuer" errors={errors} shown={["issuer", "series", "number", "issuedAt"]}>
        <dl className="grid gap-1 sm:grid-cols-2">
          {field(ht("fix.name", locale), "issuer.name", sent.issuer.name)}
          {field(ht("fix.vat", locale), "issuer.vat", sent.issuer.vat)}
          {field(ht("fix.street", locale), "issuer.address", sent.issuer.address)}
          {field(ht("history.col.document", locale), "series", `${sent.series}/${sent.number}`)}
          {field(ht("detail.issuedAt", locale), "issuedAt", issuedAtText(sent.issuedAt))}
        </dl>
      </Step>
      <Step step="counterparty" errors={errors} shown={["counterparty"]}>
        <dl className="grid gap-1 sm:grid-cols-2">
          {field(ht("fix.name", locale), "counterparty.name", sent.counterparty.name)}
          {field(ht("fix.vat", locale), "counterparty.vat", sent.counterparty.vat)}
          {field(ht("fix.street", locale), "counterparty.address", sent.counterparty.address)}
          {field("E-mail", "counterparty.emails", sent.counterparty.emails.join(", ") || "—")}
        </dl>
      </Step>
      <Step step="lines" errors={errors} shown={sent.lines.map((_, index) => `lines.${index}`)}>
        <SentLines lines={sent.lines} errors={errors} />
      </Step>
      <Step step="vat_payment" errors={errors} shown={["payments", "reference", "emails"]}>
        <dl className="grid gap-1 sm:grid-cols-2">
          {sent.payments.map((payment, index) =>
            field(`${ht("detail.payments", locale)} ${index + 1}`, `payments.${index}`, `${paymentMethodLabel(payment.methodCode)} — ${eurosOrDash(payment.amountCents, locale)}`),
          )}
          {field(ht("detail.totals", locale), "totals", `${eurosOrDash(sent.totals.netCents, locale)} / ${eurosOrDash(sent.totals.vatCents, locale)} / ${eurosOrDash(sent.totals.grossCents, locale)}`)}
          {field(ht("detail.vatAnalysis", locale), "vatAnalysis", sent.vatAnalysis.map((row) => `${row.percentage}% (${fiscalT("vat.category", locale, { code: row.vatCategory })}${row.exemption === null ? "" : `, ${row.exemption}`}): ${eurosOrDash(row.underlyingCents, locale)} → ${eurosOrDash(row.vatCents, locale)}`).join(" · "))}
          {sent.taxTotals !== undefined && field(fiscalT("taxes.totalsTitle", locale), "taxTotals", (
            <span data-testid="sent-tax-totals">
              {(["withheld", "fees", "stampDuty", "otherTaxes", "deductions"] as const).map((family) => `${fiscalT(TAX_FAMILY_WORDS[family], locale)}: ${eurosOrDash(sent.taxTotals?.[`${family}Cents`] ?? 0, locale)}`).join(" · ")}
              {" · "}<strong>{fiscalT("totals.payable", locale)}: {eurosOrDash(sent.taxTotals.payableCents, locale)}</strong>
            </span>
          ))}
          {field(ht("detail.reference", locale), "reference", sent.reference ?? "—")}
        </dl>
      </Step>
      {errors.some((error) => error.step === "review") && <Step step="review" errors={errors} shown={[]}>{null}</Step>}
    </div>
  );
}
