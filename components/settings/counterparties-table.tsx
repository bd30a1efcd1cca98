"use client";

import Link from "next/link";
import { Fragment, useState } from "react";
import { Button } from "@/components/ui/button";
import { ConfirmDialog } from "@/components/ui/dialog";
import { useLocale } from "@/components/ui/locale-provider";
import { Notice } from "@/components/ui/notice";
import { Table, TBody, THead, Td, Th, Tr } from "@/components/ui/table";
import type { CounterpartyView } from "@/lib/settings/views";
import { composeT } from "@/lib/i18n/compose-messages";
import { CounterpartyForm } from "./counterparty-form";
import { useSettingsMutation } from "./use-settings-mutation";

/** The address book: each entry can be edited in place or deleted. */
export function CounterpartiesTable({ entries }: { entries: CounterpartyView[] }) {
  const locale = useLocale();
  const [editing, setEditing] = useState<string | null>(null);
  const [pending, setPending] = useState<CounterpartyView | null>(null);
  const remove = useSettingsMutation();
  if (entries.length === 0) return <p className="text-sm text-slate-600">{composeT("settings.none", locale)}</p>;
  return (
    <>
      {remove.isError && <Notice tone="error" className="mb-3">{remove.error.message}</Notice>}
      <Table>
        <THead>
          <Tr>
            <Th>{composeT("settings.name", locale)}</Th><Th>{composeT("settings.vat", locale)}</Th><Th>{composeT("settings.code", locale)}</Th>
            <Th>{composeT("settings.address", locale)}</Th><Th>{composeT("settings.emails", locale)}</Th><Th>{composeT("col.actions", locale)}</Th>
          </Tr>
        </THead>
        <TBody>
          {entries.map((entry) => (
            <Fragment key={entry.id}>
              <Tr data-counterparty={entry.vat}>
                <Td className="font-semibold"><Link href={`/counterparties/${entry.id}`} className="text-brand hover:underline">{entry.name}</Link></Td>
                <Td>{entry.vat}</Td>
                <Td>{entry.code ?? ""}</Td>
                <Td>{entry.address.street}, {entry.address.postalCode} {entry.address.city}, {entry.address.countryCode}</Td>
                <Td>{entry.emails.join(", ")}</Td>
                <Td className="flex gap-1">
                  <Button size="sm" variant="secondary" aria-expanded={editing === entry.id} onClick={() => setEditing(editing === entry.id ? null : entry.id)}
                    aria-label={`${composeT("settings.edit", locale)} — ${entry.name}`}>{composeT("settings.edit", locale)}</Button>
                  <Button size="sm" variant="ghost" onClick={() => setPending(entry)} aria-label={`${composeT("settings.delete", locale)} — ${entry.name}`}>✕</Button>
                </Td>
              </Tr>
              {editing === entry.id && (
                <Tr><Td colSpan={6}><CounterpartyForm entry={entry} onDone={() => setEditing(null)} /></Td></Tr>
              )}
            </Fragment>
          ))}
        </TBody>
      </Table>
      <ConfirmDialog open={pending !== null} destructive title={composeT("settings.confirmDelete", locale, { name: pending?.name ?? "" })}
        confirmLabel={composeT("settings.delete", locale)} cancelLabel={composeT("settings.cancel", locale)} onCancel={() => setPending(null)}
        onConfirm={() => { if (pending) remove.mutate({ url: `/api/counterparties/${pending.id}`, method: "DELETE" }); setPending(null); }} />
    </>
  );
}
