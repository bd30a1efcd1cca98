import Link from "next/link";
import { notFound } from "next/navigation";
import { FixForm } from "@/components/transmissions/fix-form";
import { Notice } from "@/components/ui/notice";
import { QueryProvider } from "@/components/ui/query-provider";
import { requireUser } from "@/lib/auth/current-user";
import { getReadyDb } from "@/lib/db/ready";
import { placeErrors } from "@/lib/history/error-fields";
import { loadFixDraft } from "@/lib/credit-notes/fix";
import { ht } from "@/lib/i18n/history-messages";
import { getRequestLocale } from "@/lib/i18n/server-locale";
import { getTransmission } from "@/lib/history/transmission-views";

export const dynamic = "force-dynamic";

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

// /transmissions/{id}/fix — Fix & resend a rejected document: its draft with the provider's errors on their fields; the number is kept (clerk).
export default async function FixPage({ params }: { params: Promise<{ id: string }> }) {
  await requireUser({ role: "clerk" });
  const locale = await getRequestLocale();
  const { id } = await params;
  if (!UUID.test(id)) notFound();
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
  const draft = await loadFixDraft(db, id);
  if (draft === null) notFound();
  return (
    <section aria-labelledby="fix-title" className="space-y-4">
      {back}
      <h1 id="fix-title" className="text-2xl font-semibold">{title}</h1>
      <p className="max-w-3xl text-sm text-slate-600">{ht("fix.intro", locale)}</p>
      <QueryProvider>
        <FixForm id={id} initial={draft} providerErrors={placeErrors(doc.lastError?.errors ?? [])} locale={locale}
          identity={{ series: doc.series, number: doc.number, internalDocumentId: doc.internalDocumentId, issuedAt: doc.issuedAt }} />
      </QueryProvider>
    </section>
  );
}
