"use client";

import { useContext, useState, type ClipboardEvent, type FocusEvent, type KeyboardEvent } from "react";
import { useFieldArray, useFormContext } from "react-hook-form";
import { Button } from "@/components/ui/button";
import { Notice } from "@/components/ui/notice";
import { useLocale } from "@/components/ui/locale-provider";
import { composeT } from "@/lib/i18n/compose-messages";
import type { ComposeValues } from "@/lib/validation/draft-snapshot";
import { LineRow, type LineAction } from "./line-row";
import { LineWindowContext } from "./line-window";
import { isBlankLine, isMultiCellPaste, parsePastedRows } from "./paste-rows";
import { PriceEntryToggle } from "./price-entry-toggle";
import { newLine } from "./wizard-model";

interface LinesStepProps {
  defaultClassification: { category: string; type: string | null } | null;
}

/** Runs after React has rendered a change, so focus lands on the element that now exists. */
function afterRender(task: () => void) {
  setTimeout(task, 0);
}

/**
 * Step 3: the lines, with net/gross entry, add / duplicate / delete / reorder, keyboard flow
 * (Enter on the last line adds one) and pasting rows from a spreadsheet.
 */
export function LinesStep({ defaultClassification }: LinesStepProps) {
  const locale = useLocale();
  const { control, getValues, setFocus } = useFormContext<ComposeValues>();
  const { fields, append, insert, remove, move, replace } = useFieldArray({ control, name: "lines" });
  const [pasteNote, setPasteNote] = useState<string | null>(null);
  const lineWindow = useContext(LineWindowContext);

  function onFocus(event: FocusEvent<HTMLDivElement>) {
    // The keyboard's line and its neighbours keep their controls in a long note (see LineWindow).
    const row = (event.target as HTMLElement).closest<HTMLElement>("[data-line-index]");
    if (row) lineWindow?.focus(Number(row.dataset.lineIndex));
  }

  function act(action: LineAction, index: number, focusField = "description") {
    const focus = (target: number) => afterRender(() => setFocus(`lines.${target}.${focusField}` as `lines.${number}.description`));
    if (action === "up" && index > 0) { move(index, index - 1); focus(index - 1); }
    if (action === "down" && index < fields.length - 1) { move(index, index + 1); focus(index + 1); }
    if (action === "duplicate") {
      const copy = structuredClone(getValues(`lines.${index}`));
      insert(index + 1, copy, { focusName: `lines.${index + 1}.${focusField}` });
    }
    if (action === "delete" && fields.length > 1) { remove(index); focus(Math.max(0, index - 1)); }
  }

  function onKeyDown(event: KeyboardEvent<HTMLDivElement>) {
    const target = event.target as HTMLElement;
    const row = target.closest<HTMLElement>("[data-line-index]");
    if (!row || (target.tagName !== "INPUT" && target.tagName !== "SELECT")) return;
    const index = Number(row.dataset.lineIndex);
    const field = (target.getAttribute("name") ?? "").replace(/^lines\.\d+\./, "") || "description";
    const plainEnter = event.key === "Enter" && !event.altKey && !event.ctrlKey && !event.metaKey && !event.shiftKey;
    if (plainEnter) {
      event.preventDefault();
      if (index === fields.length - 1) append(newLine(defaultClassification), { focusName: `lines.${index + 1}.description` });
      else setFocus(`lines.${index + 1}.description`);
    } else if (event.altKey && event.key === "ArrowUp") {
      event.preventDefault();
      act("up", index, field);
    } else if (event.altKey && event.key === "ArrowDown") {
      event.preventDefault();
      act("down", index, field);
    } else if (event.altKey && (event.key === "d" || event.key === "D")) {
      event.preventDefault();
      act("duplicate", index, field);
    } else if (event.altKey && event.key === "Delete") {
      event.preventDefault();
      act("delete", index);
    }
  }

  function onPaste(event: ClipboardEvent<HTMLDivElement>) {
    const text = event.clipboardData.getData("text/plain");
    if (!isMultiCellPaste(text)) return;
    event.preventDefault();
    const row = (event.target as HTMLElement).closest<HTMLElement>("[data-line-index]");
    const { lines, unknownVatRows } = parsePastedRows(text, newLine(defaultClassification));
    if (lines.length === 0) return;
    const current = getValues("lines");
    const at = row ? Number(row.dataset.lineIndex) : current.length - 1;
    const blank = current[at] !== undefined && isBlankLine(current[at]);
    // One update for the whole paste: 50 rows are one render, not 50.
    replace([...current.slice(0, blank ? at : at + 1), ...lines, ...current.slice(at + 1)]);
    setPasteNote([
      composeT("lines.pasted", locale, { count: lines.length }),
      unknownVatRows.length > 0 ? composeT("lines.pasteProblems", locale, { rows: unknownVatRows.join(", ") }) : "",
    ].filter(Boolean).join(" "));
  }

  return (
    <div className="space-y-3">
      <PriceEntryToggle />
      <div className="rounded border border-slate-200 bg-slate-50 p-2 text-xs text-slate-600">
        <p><strong>{composeT("lines.paste", locale)}:</strong> {composeT("lines.pasteHint", locale)}</p>
        <p><strong>{composeT("wizard.shortcuts", locale)}:</strong>{" "}
          {(["lines.shortcut.enter", "lines.shortcut.duplicate", "lines.shortcut.delete", "lines.shortcut.move", "wizard.shortcut.nextStep"] as const)
            .map((key) => composeT(key, locale)).join(" · ")}
        </p>
      </div>
      {pasteNote && <Notice tone="success">{pasteNote}</Notice>}
      <div className="space-y-2" onKeyDown={onKeyDown} onPaste={onPaste} onFocus={onFocus} data-testid="lines-grid">
        {fields.map((field, index) => <LineRow key={field.id} index={index} count={fields.length} onAction={act} />)}
      </div>
      <Button variant="secondary" onClick={() => append(newLine(defaultClassification), { focusName: `lines.${fields.length}.description` })}>
        {composeT("lines.add", locale)}
      </Button>
    </div>
  );
}
