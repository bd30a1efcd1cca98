import { describe, expect, it } from "vitest";
import { isBlankLine, isMultiCellPaste, parsePastedRows } from "@/components/credit-note/paste-rows";
import { newLine } from "@/components/credit-note/wizard-model";

const template = newLine({ category: "category1_3", type: "E3_561_001" });

describe("parsePastedRows", () => {
  it("reads description, quantity, unit price and VAT % per tab-separated row, keeping numbers as copied", () => {
    const { lines, unknownVatRows } = parsePastedRows("Ζώνη\t2\t7,99\t24\r\nΒιβλίο\t1\t5.50\t13%\n", template);
    expect(unknownVatRows).toEqual([]);
    expect(lines).toEqual([
      { ...template, description: "Ζώνη", quantity: "2", unitPrice: "7,99", vatCategory: 1 },
      { ...template, description: "Βιβλίο", quantity: "1", unitPrice: "5.50", vatCategory: 2 },
    ]);
  });

  it.each([
    ["24", 1], ["24%", 1], ["24,00", 1], ["13", 2], ["6", 3], ["17", 4], ["9", 5], ["4", 6], ["0", 7], ["3", 9],
  ])("maps VAT %s%% to category %i", (rate, category) => {
    expect(parsePastedRows(`x\t1\t1\t${rate}`, template).lines[0]?.vatCategory).toBe(category);
  });

  it("reports rows whose VAT % is missing or not a Greek rate, and sets them to 24%", () => {
    const { lines, unknownVatRows } = parsePastedRows("a\t1\t1\t25\nb\t1\t1\nc\t1\t1\tabc", template);
    expect(unknownVatRows).toEqual([1, 2, 3]);
    expect(lines.map((l) => l.vatCategory)).toEqual([1, 1, 1]);
  });

  it("skips blank rows, strips spreadsheet quotes, defaults a missing quantity to 1 and keeps the issuer's classification", () => {
    const { lines } = parsePastedRows('\n"Σακάκι, μαύρο"\t\t19,90\t24\n\n', template);
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatchObject({ description: "Σακάκι, μαύρο", quantity: "1", unitPrice: "19,90", incomeClassification: { category: "category1_3", type: "E3_561_001" } });
    expect(lines[0]?.incomeClassification).not.toBe(template.incomeClassification);
  });

  it("makes 50 lines of 50 rows", () => {
    const text = Array.from({ length: 50 }, (_, i) => `Είδος ${i}\t1\t${i},50\t24`).join("\n");
    expect(parsePastedRows(text, template).lines).toHaveLength(50);
  });
});

describe("paste helpers", () => {
  it("treats only multi-cell text as rows", () => {
    expect(isMultiCellPaste("7,99")).toBe(false);
    expect(isMultiCellPaste("7,99\n")).toBe(false);
    expect(isMultiCellPaste("a\tb")).toBe(true);
    expect(isMultiCellPaste("a\nb")).toBe(true);
  });

  it("knows a line nothing was typed into", () => {
    expect(isBlankLine(template)).toBe(true);
    expect(isBlankLine({ ...template, unitPrice: "1" })).toBe(false);
  });
});
