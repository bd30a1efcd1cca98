import { describe, expect, it } from "vitest";
import { documentSearchText, foldForSearch } from "@/lib/domain/search-text";

describe("foldForSearch", () => {
  it.each([
    ["ΠΤ/2", "pt/2"],
    ["πτ/2", "pt/2"],
    ["PT/2", "pt/2"],
    ["ΤΔΑ", "tda"],
    ["Ωμέγα Α.Ε.", "omega a.e."],
    ["ΩΜΕΓΑ Α.Ε.", "omega a.e."],
    ["Νικολάου & Σία", "nikolaoy & sia"],
    ["ΑΡΤΟΠΟΙΕΙΑ ΘΕΣΣΑΛΙΑΣ", "aptopoieia θessalias"],
    ["Müller", "muller"],
    ["ΐ ΰ ς", "i y s"],
  ])("folds %s as %s", (text, folded) => {
    expect(foldForSearch(text)).toBe(folded);
  });

  it("folds a Greek text and its Latin look-alike typing alike", () => {
    expect(foldForSearch("ΚΑΦΕΚΟΠΤΕΙΟ")).toBe(foldForSearch("kafekopteio"));
    expect(foldForSearch("ΑΒΕΖΗΙΚΜΝΟΡΤΥΧ")).toBe(foldForSearch("ABEZHIKMNOPTYX"));
  });

  it("keeps digits, punctuation and spaces, so a substring of the original folds to a substring of its fold", () => {
    expect(foldForSearch("ΠΤ-ΧΟΝ/000123 EL094259216")).toBe("pt-xon/000123 el094259216");
  });
});

describe("documentSearchText", () => {
  it("holds series, number, series/number, name, VAT and internal id, folded", () => {
    expect(documentSearchText({ series: "ΠΤ", number: "2", counterpartyName: "Ωμέγα", counterpartyVat: "EL094259216", internalDocumentId: "ab-1" })).toBe("pt 2 pt/2 omega el094259216 ab-1");
  });
});
