import Link from "next/link";
import { DraftsList } from "@/components/credit-note/drafts-list";
import { PageHeader } from "@/components/credit-note/page-header";
import { Card } from "@/components/ui/card";
import { requireUser } from "@/lib/auth/current-user";
import { listDraftSummaries } from "@/lib/credit-notes/drafts";
import { composeT } from "@/lib/i18n/compose-messages";
import { getRequestLocale } from "@/lib/i18n/server-locale";

export const dynamic = "force-dynamic";

// /credit-notes/drafts — the clerk's unissued drafts: resume, duplicate, delete (clerk).
export default async function DraftsPage() {
  const user = await requireUser({ role: "clerk" });
  const locale = await getRequestLocale();
  const drafts = await listDraftSummaries(user);
  return (
    <section aria-labelledby="page-title">
      <PageHeader title={composeT("drafts.title", locale)}>
        <Link href="/credit-notes/new" className="rounded bg-brand px-3 py-1.5 text-sm font-semibold text-white">{composeT("drafts.new", locale)}</Link>
      </PageHeader>
      <Card>
        <DraftsList drafts={drafts} now={new Date().toISOString()} />
      </Card>
    </section>
  );
}
