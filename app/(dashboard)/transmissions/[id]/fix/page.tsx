import Link from "next/link";
import { notFound } from "next/navigation";
import { ComposeWizard } from "@/components/credit-note/compose-wizard";
import { fixValuesOf } from "@/components/credit-note/wizard-model";
import { Notice } from "@/components/ui/notice";
import { requireUser } from "@/lib/auth/current-user";
import { loadIssuerProfiles } from "@/lib/settings/issuers";
import { getReadyDb } from "@/lib/db/ready";
import { getEnv } from "@/lib/env";
import { isUuid } from "@/lib/domain/ids";
import { placeErrors } from "@/lib/history/error-fields";
import { loadFixDraft } from "@/lib/credit-notes/fix";
import { ht } from "@/lib/i18n/history-messages";
import { getRequestLocale } from "@/lib/i18n/server-locale";
import { getTransmission } from "@/lib/history/transmission-views";

export const dynamic = "force-dynamic";

// /transmissions/{id}/fix — Fix & resend a rejected document: the compose wizard in fix mode, its draft with the provider's errors on their fields; the number is kept (clerk).
export default async function FixPage({ params }: { params: Promise<{ id: string }> }) {
  await requireUser({ role: "clerk" });
  const locale = await getRequestLocale();
  const { id } = await params;
  if (!isUuid(id)) notFound();
  const db = await getReadyDb();
  const doc = await getTransmission(db, id);
  if (doc === null) notFound();
  const title = ht("fix.title", locale, { document: `${doc.series}/${doc.number}` });
  const back = <Link href={`/transmissions/${id}`} className="text-sm text-brand underline">{ht("fix.back", locale)}</Link>;
  if (doc.status !== "rejected" || doc.kind !== "compose") {
    return (
      <section aria-labelledby="fix-title" className="space-y-4">
        {back}
        <h1 id="fix-title" className="text-2xl font-semibold">{title}</h1>
        <Notice tone="warning">{doc.kind !== "compose" ? ht("fix.notCompose", locale) : ht("fix.notRejected", locale, { status: ht(`status.${doc.status}`, locale) })}</Notice>
      </section>
    );
  }
  const [draft, profiles] = await Promise.all([loadFixDraft(db, id), loadIssuerProfiles(db)]);
  if (draft === null) notFound();
  return (
    <section aria-labelledby="fix-title" className="space-y-4">
      {back}
      <h1 id="fix-title" className="text-2xl font-semibold">{title}</h1>
      <p className="max-w-3xl text-sm text-slate-600">{ht("fix.intro", locale)}</p>
      <ComposeWizard key={id} environment={getEnv().provider.environment} initialValues={fixValuesOf(id, draft)}
        initialStep={0} restored={false} profiles={profiles.filter((profile) => profile.vat === draft.issuer.vat)} series={[]}
        fix={{
          documentId: id,
          identity: { series: doc.series, number: doc.number, internalDocumentId: doc.internalDocumentId, issuedAt: doc.issuedAt },
          providerErrors: placeErrors(doc.lastError?.errors ?? []),
        }} />
    </section>
  );
}
