"use client";

import { useMutation } from "@tanstack/react-query";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import { ConfirmDialog } from "@/components/ui/dialog";
import { Notice } from "@/components/ui/notice";
import { Table, TBody, THead, Td, Th, Tr } from "@/components/ui/table";
import { useLocale } from "@/components/ui/locale-provider";
import type { DraftSummary } from "@/lib/settings/views";
import { composeT } from "@/lib/i18n/compose-messages";
import { plainT } from "@/lib/i18n/plain-messages";
import type { Locale } from "@/lib/i18n/locale";
import { deleteDraft, duplicateDraft } from "./compose-api";
import { euros } from "./money-text";
import { stepTitle } from "./wizard-model";

function athensTime(iso: string, locale: Locale): string {
  return new Date(iso).toLocaleString(locale === "el" ? "el-GR" : "en-GB", { timeZone: "Europe/Athens", dateStyle: "short", timeStyle: "medium" });
}

/** A draft untouched this long is "old": the list offers to delete such drafts together. */
export const OLD_DRAFT_DAYS = 30;

/** Whole days between a draft's last save and `now`. */
export function draftAgeDays(updatedAt: string, now: string): number {
  return Math.max(0, Math.floor((Date.parse(now) - Date.parse(updatedAt)) / 86_400_000));
}

/**
 * The clerk's drafts: resume, duplicate or delete (with confirmation), each with its age; drafts
 * untouched for more than OLD_DRAFT_DAYS are counted above the list with one button (and a
 * confirmation) to delete them all. Nothing expires on its own: a draft is the clerk's work.
 */
export function DraftsList({ drafts, now }: { drafts: DraftSummary[]; now: string }) {
  const locale = useLocale();
  const router = useRouter();
  const [pendingDelete, setPendingDelete] = useState<DraftSummary | null>(null);
  const [confirmOld, setConfirmOld] = useState(false);
  const duplicate = useMutation({ mutationFn: (id: string) => duplicateDraft(id, locale), onSuccess: () => router.refresh() });
  const remove = useMutation({ mutationFn: (id: string) => deleteDraft(id, locale), onSuccess: () => router.refresh() });
  const old = drafts.filter((draft) => draftAgeDays(draft.updatedAt, now) > OLD_DRAFT_DAYS);
  const removeOld = useMutation({
    mutationFn: async (ids: string[]) => {
      for (const id of ids) await deleteDraft(id, locale);
      return ids.length;
    },
    onSuccess: () => router.refresh(),
  });
  const error = duplicate.error ?? remove.error ?? removeOld.error;
  const age = (draft: DraftSummary) => {
    const days = draftAgeDays(draft.updatedAt, now);
    return days === 0 ? plainT("drafts.ageToday", locale) : plainT("drafts.age", locale, { days });
  };
  const name = (draft: DraftSummary) => draft.counterpartyName || composeT("drafts.unnamed", locale);

  if (drafts.length === 0) return <p className="text-sm text-slate-600">{composeT("drafts.none", locale)}</p>;
  return (
    <>
      {error && <Notice tone="error" className="mb-3">{error.message}</Notice>}
      {removeOld.isSuccess && <Notice tone="success" className="mb-3">{plainT("drafts.deletedOld", locale, { count: removeOld.data })}</Notice>}
      {old.length > 0 && (
        <Notice tone="warning" className="mb-3">
          <span data-testid="old-drafts">{plainT("drafts.old", locale, { count: old.length, days: OLD_DRAFT_DAYS })}</span>{" "}
          <Button size="sm" variant="danger" disabled={removeOld.isPending} onClick={() => setConfirmOld(true)}>{plainT("drafts.deleteOld", locale)}</Button>
        </Notice>
      )}
      <Table aria-labelledby="page-title">
        <THead>
          <Tr>
            <Th>{composeT("drafts.updated", locale)}</Th>
            <Th>{plainT("drafts.ageCol", locale)}</Th>
            <Th>{composeT("drafts.counterparty", locale)}</Th>
            <Th>{composeT("drafts.series", locale)}</Th>
            <Th className="text-right">{composeT("drafts.lines", locale)}</Th>
            <Th className="text-right">{composeT("drafts.gross", locale)}</Th>
            <Th>{composeT("drafts.step", locale)}</Th>
            <Th>{composeT("col.actions", locale)}</Th>
          </Tr>
        </THead>
        <TBody>
          {drafts.map((draft) => (
            <Tr key={draft.id} data-draft-id={draft.id}>
              <Td>{athensTime(draft.updatedAt, locale)}</Td>
              <Td data-testid="draft-age">{age(draft)}</Td>
              <Td>{name(draft)}</Td>
              <Td>{draft.series}</Td>
              <Td numeric>{draft.lineCount}</Td>
              <Td numeric>{euros(draft.grossCents, locale)}</Td>
              <Td>{composeT(stepTitle(draft.step), locale)}</Td>
              <Td className="flex gap-2">
                <Link href={`/credit-notes/new?draft=${draft.id}`} className="rounded bg-brand px-2 py-1 text-xs font-semibold text-white"
                  aria-label={`${composeT("drafts.resume", locale)} — ${name(draft)}`}>{composeT("drafts.resume", locale)}</Link>
                <Button size="sm" variant="secondary" disabled={duplicate.isPending} onClick={() => duplicate.mutate(draft.id)}
                  aria-label={`${composeT("drafts.duplicate", locale)} — ${name(draft)}`}>{composeT("drafts.duplicate", locale)}</Button>
                <Button size="sm" variant="danger" onClick={() => setPendingDelete(draft)}
                  aria-label={`${composeT("drafts.delete", locale)} — ${name(draft)}`}>{composeT("drafts.delete", locale)}</Button>
              </Td>
            </Tr>
          ))}
        </TBody>
      </Table>
      <ConfirmDialog open={pendingDelete !== null} destructive
        title={pendingDelete ? composeT("drafts.confirmDelete", locale, { name: name(pendingDelete) }) : ""}
        confirmLabel={composeT("drafts.delete", locale)} cancelLabel={composeT("settings.cancel", locale)}
        onCancel={() => setPendingDelete(null)}
        onConfirm={() => { if (pendingDelete) remove.mutate(pendingDelete.id); setPendingDelete(null); }} />
      <ConfirmDialog open={confirmOld} destructive
        title={plainT("drafts.deleteOldConfirm", locale, { count: old.length, days: OLD_DRAFT_DAYS })}
        confirmLabel={plainT("drafts.deleteOld", locale)} cancelLabel={composeT("settings.cancel", locale)}
        onCancel={() => setConfirmOld(false)}
        onConfirm={() => { removeOld.mutate(old.map((draft) => draft.id)); setConfirmOld(false); }} />
    </>
  );
}
