"use client";

import { useQuery } from "@tanstack/react-query";
import { useId, useState, type KeyboardEvent } from "react";
import { Input } from "@/components/ui/input";
import { useLocale } from "@/components/ui/locale-provider";
import { queryKeys } from "@/components/ui/query-keys";
import type { CounterpartyView } from "@/lib/settings/views";
import { composeT } from "@/lib/i18n/compose-messages";
import { searchCounterparties } from "./compose-api";
import { useDebouncedValue } from "./use-debounced-value";

/**
 * Address-book search as you type (name, VAT number or code), as an ARIA combobox: ↑/↓ move
 * through the matches, Enter picks one (without submitting the form), Escape closes the list.
 */
export function AddressBookSearch({ onPick }: { onPick: (entry: CounterpartyView) => void }) {
  const locale = useLocale();
  const id = useId();
  const [term, setTerm] = useState("");
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(0);
  const settled = useDebouncedValue(term.trim(), 200);
  const query = useQuery({
    queryKey: queryKeys.counterparties.search(settled),
    queryFn: ({ signal }) => searchCounterparties(settled, locale, signal),
    enabled: open && settled !== "",
  });
  const matches = settled === "" ? [] : (query.data?.items ?? []);
  const expanded = open && settled !== "";

  function pick(entry: CounterpartyView | undefined) {
    if (!entry) return;
    onPick(entry);
    setOpen(false);
    setTerm("");
  }

  function onKeyDown(event: KeyboardEvent<HTMLInputElement>) {
    if (event.key === "ArrowDown") {
      event.preventDefault();
      setOpen(true);
      setActive((i) => Math.min(i + 1, Math.max(matches.length - 1, 0)));
    } else if (event.key === "ArrowUp") {
      event.preventDefault();
      setActive((i) => Math.max(i - 1, 0));
    } else if (event.key === "Enter" && expanded && matches.length > 0) {
      event.preventDefault();
      pick(matches[active]);
    } else if (event.key === "Escape") {
      setOpen(false);
    }
  }

  return (
    <div className="relative">
      <label htmlFor={`${id}-input`} className="mb-0.5 block text-xs font-medium text-slate-700">{composeT("party.search", locale)}</label>
      <Input id={`${id}-input`} role="combobox" aria-autocomplete="list" aria-expanded={expanded} aria-controls={`${id}-list`}
        aria-activedescendant={expanded && matches[active] ? `${id}-opt-${active}` : undefined} aria-describedby={`${id}-hint`}
        autoComplete="off" value={term} className="w-full"
        onChange={(event) => { setTerm(event.target.value); setOpen(true); setActive(0); }}
        onBlur={() => setOpen(false)} onKeyDown={onKeyDown} />
      <p id={`${id}-hint`} className="mt-0.5 text-xs text-slate-500">{composeT("party.searchHint", locale)}</p>
      {expanded && (
        <ul id={`${id}-list`} role="listbox" aria-label={composeT("party.search", locale)}
          className="absolute z-10 mt-1 max-h-64 w-full overflow-auto rounded border border-slate-300 bg-white shadow-lg">
          {matches.length === 0 && !query.isFetching && <li className="px-3 py-2 text-sm text-slate-500">{composeT("party.noMatches", locale)}</li>}
          {matches.map((entry, index) => (
            <li key={entry.id} id={`${id}-opt-${index}`} role="option" aria-selected={index === active}
              onMouseDown={(event) => { event.preventDefault(); pick(entry); }}
              className={index === active ? "cursor-pointer bg-brand-light px-3 py-2 text-sm" : "cursor-pointer px-3 py-2 text-sm hover:bg-slate-50"}>
              <span className="font-semibold">{entry.name}</span> <span className="text-slate-600">{entry.vat}</span>
              <span className="block text-xs text-slate-500">{entry.address.street}, {entry.address.postalCode} {entry.address.city}, {entry.address.countryCode}</span>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
