"use client";

import { Button } from "@/components/ui/button";
import { allowedTypesFor52, categoriesFor52, MEASUREMENT_UNITS, VAT_CATEGORIES, VAT_EXEMPTION_CATEGORIES } from "@/lib/domain/codes";
import type { EditableLine } from "@/lib/history/draft-from-payload";
import { ht } from "@/lib/i18n/history-messages";
import type { Locale } from "@/lib/i18n/locale";
import { FixSelect, FixText, type FieldProblems } from "./fix-field";

const VAT_OPTIONS = VAT_CATEGORIES.filter((category) => category.ratePercent !== null);

/** The lines of the fix form: every field the compose wizard's line grid has. */
export function FixLines({ lines, onChange, problemsAt, locale }: {
  lines: EditableLine[];
  onChange: (lines: EditableLine[]) => void;
  problemsAt: (path: string) => FieldProblems;
  locale: Locale;
}) {
  const name = (entry: { nameEl: string; nameEn: string }) => (locale === "el" ? entry.nameEl : entry.nameEn);
  const update = (index: number, patch: Partial<EditableLine>) => onChange(lines.map((line, at) => (at === index ? { ...line, ...patch } : line)));
  const blank: EditableLine = {
    description: "", quantity: "1", unitCode: 1, unitPrice: "", discountPercent: "0", vatCategory: 1, vatExemptionCategory: null,
    incomeClassification: lines[0]?.incomeClassification ?? { category: "category1_1", type: "E3_561_001" },
  };
  return (
    <div className="space-y-3">
      {lines.map((line, index) => {
        const path = `lines.${index}`;
        const category = VAT_CATEGORIES.find((entry) => entry.code === line.vatCategory);
        return (
          <fieldset key={index} data-line={index + 1} className="grid grid-cols-2 gap-2 rounded border border-slate-200 p-3 md:grid-cols-6">
            <legend className="px-1 text-xs font-semibold">{ht("detail.line", locale, { n: index + 1 })}</legend>
            <FixText className="col-span-2 flex flex-col md:col-span-3" label={ht("fix.description", locale)} value={line.description} onChange={(description) => update(index, { description })} problems={problemsAt(`${path}.description`)} />
            <FixText label={ht("fix.quantity", locale)} inputMode="decimal" value={line.quantity} onChange={(quantity) => update(index, { quantity })} problems={problemsAt(`${path}.quantity`)} />
            <FixSelect label={ht("fix.unit", locale)} value={String(line.unitCode)} onChange={(unit) => update(index, { unitCode: Number(unit) })}
              options={MEASUREMENT_UNITS.map((unit) => ({ value: String(unit.code), label: name(unit) }))} problems={problemsAt(`${path}.unitCode`)} />
            <FixText label={ht("fix.unitPrice", locale)} inputMode="decimal" value={line.unitPrice} onChange={(unitPrice) => update(index, { unitPrice })} problems={problemsAt(`${path}.unitPrice`)} />
            <FixText label={ht("fix.discount", locale)} inputMode="decimal" value={line.discountPercent} onChange={(discountPercent) => update(index, { discountPercent })} problems={problemsAt(`${path}.discountPercent`)} />
            <FixSelect label={ht("fix.vatCategory", locale)} value={String(line.vatCategory)}
              onChange={(code) => update(index, { vatCategory: Number(code), vatExemptionCategory: Number(code) === 7 ? line.vatExemptionCategory : null })}
              options={VAT_OPTIONS.map((entry) => ({ value: String(entry.code), label: name(entry) }))} problems={problemsAt(`${path}.vatCategory`)} />
            <FixSelect className="col-span-2 flex flex-col" label={ht("fix.exemption", locale)} value={line.vatExemptionCategory === null ? "" : String(line.vatExemptionCategory)}
              onChange={(code) => update(index, { vatExemptionCategory: code === "" ? null : Number(code) })} placeholder={ht("fix.noExemption", locale)}
              options={category?.requiresVatExemptionCategory ? VAT_EXEMPTION_CATEGORIES.map((entry) => ({ value: String(entry.code), label: `${entry.code} · ${locale === "el" ? entry.descriptionEl : entry.descriptionEn}` })) : []}
              problems={problemsAt(`${path}.vatExemptionCategory`)} />
            <FixSelect label={ht("fix.classCategory", locale)} value={line.incomeClassification.category}
              onChange={(value) => update(index, { incomeClassification: { category: value, type: allowedTypesFor52(value)[0] ?? null } })}
              options={categoriesFor52().map((code) => ({ value: code, label: code }))} problems={problemsAt(`${path}.incomeClassification.category`)} />
            <FixSelect label={ht("fix.classType", locale)} value={line.incomeClassification.type ?? ""} placeholder="—"
              onChange={(value) => update(index, { incomeClassification: { ...line.incomeClassification, type: value === "" ? null : value } })}
              options={allowedTypesFor52(line.incomeClassification.category).map((code) => ({ value: code, label: code }))}
              problems={{ server: [...problemsAt(`${path}.incomeClassification.type`).server, ...problemsAt(`${path}.incomeClassification`).server], provider: [...problemsAt(`${path}.incomeClassification.type`).provider, ...problemsAt(`${path}.incomeClassification`).provider] }} />
            {lines.length > 1 && (
              <div className="flex items-end">
                <Button variant="ghost" size="sm" onClick={() => onChange(lines.filter((_, at) => at !== index))}>{ht("fix.removeLine", locale, { n: index + 1 })}</Button>
              </div>
            )}
            {problemsAt(path).provider.length + problemsAt(path).server.length > 0 && (
              <ul className="col-span-2 text-xs text-amber-800 md:col-span-6">{[...problemsAt(path).server, ...problemsAt(path).provider].map((message) => <li key={message}>⚠ {message}</li>)}</ul>
            )}
          </fieldset>
        );
      })}
      <Button variant="secondary" size="sm" onClick={() => onChange([...lines, blank])}>{ht("fix.addLine", locale)}</Button>
    </div>
  );
}
