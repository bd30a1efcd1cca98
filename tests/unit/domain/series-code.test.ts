import { describe, expect, it } from "vitest";
import { matchDefinedSeries, seriesCodeKey, seriesCodesCollide } from "@/lib/domain/series-code";

describe("series codes compared as a reader sees them", () => {
  it("folds case, accents, compatibility forms and Greek/Latin/Cyrillic look-alikes", () => {
    const pt = seriesCodeKey("ΠΤ");
    for (const spelling of ["ΠT", "PT", "pt", "πτ", "Pτ", "ＰＴ", " ΠΤ ", "РТ"]) expect(seriesCodeKey(spelling), spelling).toBe(pt);
    expect(seriesCodesCollide("ΑΚΥΡ-Α", "AKYP-A")).toBe(true);
    expect(seriesCodesCollide("Ά1", "A1")).toBe(true);
    expect(seriesCodesCollide("ΕΞΟ", "EXO")).toBe(false);
    expect(seriesCodesCollide("ΠΤ", "ΠΤ2")).toBe(false);
    expect(seriesCodesCollide("Δ1", "D1")).toBe(false);
  });

  it("matches a requested code to the defined one: exact first, then the one look-alike", () => {
    expect(matchDefinedSeries("ΠT", ["ΠΤ", "Α"])).toBe("ΠΤ");
    expect(matchDefinedSeries("ΠΤ", ["ΠΤ", "PT"])).toBe("ΠΤ");
    expect(matchDefinedSeries("pt", ["ΠΤ", "PT"])).toBeUndefined();
    expect(matchDefinedSeries("NEW", ["ΠΤ"])).toBeUndefined();
  });
});
