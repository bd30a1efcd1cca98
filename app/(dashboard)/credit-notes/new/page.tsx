import { randomUUID } from "node:crypto";
import { redirect } from "next/navigation";
import { ComposeWizard } from "@/components/credit-note/compose-wizard";
import { PageHeader } from "@/components/credit-note/page-header";
import { newDraftValues } from "@/components/credit-note/wizard-model";
import { requireUser } from "@/lib/auth/current-user";
import { snapshotOf } from "@/lib/credit-notes/drafts";
import { isUuid } from "@/lib/domain/ids";
import { loadIssuerProfiles } from "@/lib/settings/issuers";
import { loadSeries } from "@/lib/settings/series";
import type { AuthUser } from "@/lib/auth/roles";
import { draftValuesFromDocument } from "@/lib/credit-notes/copy-document";
import type { IssuerProfileView } from "@/lib/settings/views";
import { findDocumentDraft, findDocumentOfDraft, findDraft, findDraftOwner, saveDraft } from "@/lib/db/compose-queries";
import { toDbTime } from "@/lib/db/time";
import { getReadyDb } from "@/lib/db/ready";
import { getEnv } from "@/lib/env";
import { composeT } from "@/lib/i18n/compose-messages";
import { readStoredDraft } from "@/lib/validation/stored-draft";
import { getRequestLocale } from "@/lib/i18n/server-locale";

export const dynamic = "force-dynamic";

/**
 * "Copy as new draft" of a sent document: the copy is saved as a draft of its own at once, so
 * the wizard opens (and reopens) it like any other; a document without lines gives an empty draft.
 */
async function copyIntoDraft(user: AuthUser, documentId: string, profiles: IssuerProfileView[]): Promise<string> {
  const id = randomUUID();
  const db = await getReadyDb();
  const stored = await findDocumentDraft(db, { id: documentId });
  const values = draftValuesFromDocument(stored === undefined ? null : readStoredDraft(stored.json, stored.version), id, profiles);
  if (values) await saveDraft(db, { id, owner: user.id, json: JSON.stringify({ draft: values, step: 0 }), now: toDbTime(new Date()) });
  return id;
}

// /credit-notes/new[?draft=<id>|?from=<document id>] — the compose wizard: reopens a draft, or starts one copied from a sent document (clerk).
export default async function NewCreditNotePage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const user = await requireUser({ role: "clerk" });
  const locale = await getRequestLocale();
  const db = await getReadyDb();
  const [profiles, series] = await Promise.all([loadIssuerProfiles(db), loadSeries({}, db)]);
  const search = await searchParams;
  if (typeof search.from === "string" && isUuid(search.from) && search.draft === undefined) {
    redirect(`/credit-notes/new?draft=${await copyIntoDraft(user, search.from.toLowerCase(), profiles)}`);
  }
  const requested = search.draft;
  // Without an id a new draft starts here; the wizard puts its id in the address bar at once, so a
  // reload, a restored tab or a language switch reopens the same draft (saved or not yet).
  const draftId = typeof requested === "string" && isUuid(requested) ? requested.toLowerCase() : randomUUID();
  const issuedAs = await findDocumentOfDraft(db, { id: draftId });
  if (issuedAs) redirect(`/transmissions/${issuedAs}`);
  const owner = await findDraftOwner(db, { id: draftId });
  if (owner !== undefined && owner !== user.id) redirect(`/credit-notes/new?draft=${randomUUID()}`);
  const row = owner === undefined ? undefined : await findDraft(db, { id: draftId, owner: user.id });
  const snapshot = row ? snapshotOf(row) : undefined;
  const values = snapshot?.draft ?? newDraftValues(draftId, profiles, series);
  return (
    <section aria-labelledby="page-title">
      <PageHeader title={composeT("wizard.title", locale)}
        links={[{ href: "/credit-notes/drafts", label: composeT("nav.drafts", locale) }, { href: "/credit-notes/credit-existing", label: composeT("nav.creditExisting", locale) }]} />
      <ComposeWizard key={draftId} environment={getEnv().provider.environment} initialValues={values}
        initialStep={snapshot?.step ?? 0} restored={snapshot !== undefined} profiles={profiles} series={series} />
    </section>
  );
}
