"use client";

import { useState } from "react";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { ConfirmDialog } from "@/components/ui/dialog";
import { useLocale } from "@/components/ui/locale-provider";
import { Notice } from "@/components/ui/notice";
import { Table, TBody, THead, Td, Th, Tr } from "@/components/ui/table";
import type { IssuerProfileView } from "@/lib/settings/views";
import { composeT } from "@/lib/i18n/compose-messages";
import { BranchForm } from "./branch-form";
import { IssuerProfileForm } from "./issuer-profile-form";
import { useSettingsMutation } from "./use-settings-mutation";

type Pending = { kind: "profile" } | { kind: "branch"; id: string; name: string } | null;

/** One issuer profile: its details (editable), its branches (add, delete) and deleting it. */
export function IssuerProfileCard({ profile }: { profile: IssuerProfileView }) {
  const locale = useLocale();
  const [editing, setEditing] = useState(false);
  const [pending, setPending] = useState<Pending>(null);
  const remove = useSettingsMutation();
  const titleId = `profile-${profile.id}`;

  function confirm() {
    if (pending?.kind === "profile") remove.mutate({ url: `/api/issuer-profiles/${profile.id}`, method: "DELETE" });
    if (pending?.kind === "branch") remove.mutate({ url: `/api/issuer-profiles/${profile.id}/branches/${pending.id}`, method: "DELETE" });
    setPending(null);
  }

  return (
    <Card aria-labelledby={titleId} data-testid="issuer-profile">
      <div className="mb-3 flex items-start gap-3">
        <div>
          <h2 id={titleId} className="font-semibold">{profile.name} <span className="font-normal text-slate-600">{profile.vat}</span></h2>
          <p className="text-sm text-slate-600">{profile.address.street}, {profile.address.postalCode} {profile.address.city}</p>
          <p className="text-xs text-slate-500">
            {composeT("settings.defaultClassification", locale)}: {profile.defaultClassification
              ? `${profile.defaultClassification.category} / ${profile.defaultClassification.type ?? "—"}` : composeT("settings.noDefault", locale)}
          </p>
        </div>
        <div className="ml-auto flex gap-2">
          <Button size="sm" variant="secondary" onClick={() => setEditing((v) => !v)} aria-expanded={editing}>{composeT("settings.edit", locale)}</Button>
          <Button size="sm" variant="danger" onClick={() => setPending({ kind: "profile" })} aria-label={`${composeT("settings.delete", locale)} — ${profile.name}`}>
            {composeT("settings.delete", locale)}
          </Button>
        </div>
      </div>
      {editing && <div className="mb-4 rounded border border-slate-200 p-3"><IssuerProfileForm profile={profile} onDone={() => setEditing(false)} /></div>}
      {remove.isError && <Notice tone="error" className="mb-3">{remove.error.message}</Notice>}
      <h3 className="mb-1 text-sm font-semibold">{composeT("settings.branches", locale)}</h3>
      <Table className="mb-3">
        <THead>
          <Tr><Th>{composeT("settings.branchCode", locale)}</Th><Th>{composeT("settings.branchName", locale)}</Th><Th>{composeT("col.actions", locale)}</Th></Tr>
        </THead>
        <TBody>
          <Tr><Td>0</Td><Td>{composeT("issuer.headOffice", locale).replace(/^0 — /, "")}</Td><Td /></Tr>
          {profile.branches.map((branch) => (
            <Tr key={branch.id}>
              <Td>{branch.branchCode}</Td>
              <Td>{branch.name}</Td>
              <Td>
                <Button size="sm" variant="ghost" onClick={() => setPending({ kind: "branch", id: branch.id, name: branch.name })}
                  aria-label={`${composeT("settings.delete", locale)} — ${branch.name}`}>✕</Button>
              </Td>
            </Tr>
          ))}
        </TBody>
      </Table>
      <BranchForm profileId={profile.id} profileName={profile.name} />
      <ConfirmDialog open={pending !== null} destructive onCancel={() => setPending(null)} onConfirm={confirm}
        title={composeT("settings.confirmDelete", locale, { name: pending?.kind === "branch" ? pending.name : profile.name })}
        confirmLabel={composeT("settings.delete", locale)} cancelLabel={composeT("settings.cancel", locale)} />
    </Card>
  );
}
