import { describe, expect, it } from "vitest";
import { fromEnglishTyping, toEnglishTyping } from "@/lib/domain/english-typing";
import { parseAmount, parseQuantity } from "@/lib/domain/parse-number";

describe("numbers typed the English way", () => {
  it("reads 1,234.56 as one thousand two hundred and thirty-four euros and fifty-six cents", () => {
    expect(fromEnglishTyping("1,234.56")).toBe("1234,56");
    expect(parseAmount(fromEnglishTyping("1,234.56"))).toEqual({ ok: true, value: 123456 });
    expect(parseAmount(fromEnglishTyping("€ 1,234,567.5"))).toEqual({ ok: true, value: 123456750 });
    expect(parseAmount(fromEnglishTyping("12.40"))).toEqual({ ok: true, value: 1240 });
    expect(parseAmount(fromEnglishTyping("1,234"))).toEqual({ ok: true, value: 123400 });
    expect(parseQuantity(fromEnglishTyping("1.234"))).toEqual({ ok: true, value: 1234 });
    // A decimal comma still reads as one; what is not a number is left for the parser to name.
    expect(parseAmount(fromEnglishTyping("7,99"))).toEqual({ ok: true, value: 799 });
    expect(fromEnglishTyping("abc")).toBe("abc");
    expect(fromEnglishTyping(12)).toBe(12);
  });

  it("shows stored Greek text the English way only when both readings agree", () => {
    expect(toEnglishTyping("12,40")).toBe("12.40");
    expect(toEnglishTyping("1.234,56")).toBe("1234.56");
    expect(toEnglishTyping("7")).toBe("7");
    expect(toEnglishTyping("1,500")).toBe("1.50");
    expect(toEnglishTyping("1,234")).toBe("1,234");
    expect(toEnglishTyping("abc")).toBe("abc");
    for (const greek of ["12,40", "1.234,56", "7", "1,500", "0,5", "24"]) {
      const english = toEnglishTyping(greek);
      expect(parseAmount(english), `${greek} → ${english}`).toEqual(parseAmount(greek));
      expect(parseQuantity(fromEnglishTyping(english)), greek).toEqual(parseQuantity(greek));
    }
  });
});
