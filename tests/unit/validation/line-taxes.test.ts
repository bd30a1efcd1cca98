import { describe, expect, it } from "vitest";
import { editableDraftOf } from "@/lib/domain/editable-draft";
import { computeLineAmounts } from "@/lib/domain/line-amounts";
import { computeTotals } from "@/lib/domain/totals";
import { draftSchema, toIssueRequest } from "@/lib/validation/draft";
import { composeValuesSchema } from "@/lib/validation/draft-snapshot";
import { computeLenientTotals } from "@/lib/validation/lenient-totals";
import { lineSchema } from "@/lib/validation/line";
import { OTHER_TAX_CATEGORIES_NO_LONGER_ACCEPTED } from "@/lib/domain/codes-data";
import { isRetiredTaxCategory } from "@/lib/domain/fiscal-codes";
import { messageOfCode } from "@/lib/i18n/validation-messages";
import { line, SAMPLE_INPUT } from "../domain/support";

const taxed = line({
  unitPriceCents: 10_05,
  taxes: {
    withheld: { category: 3, amountCents: null }, // 20%
    fees: { category: 10, amountCents: 50 }, // amount
    stampDuty: { category: 1, amountCents: null }, // 1,2%
    otherTaxes: { category: 17, amountCents: 30 }, // amount
    deductionsCents: 15,
  },
});

describe("taxes beyond VAT on a line", () => {
  it("percentages are half-up of the line net, amounts are as typed, and the payable follows myDATA's formula", () => {
    const amounts = computeLineAmounts(taxed, "net");
    expect(amounts).toMatchObject({
      netCents: 1005, vatCents: 241, totalCents: 1246,
      withheldCents: 201, feesCents: 50, stampDutyCents: 12, otherTaxesCents: 30, deductionsCents: 15,
      payableCents: 1246 - 201 + 50 + 12 + 30 - 15,
    });
    const totals = computeTotals({ priceEntry: "net", lines: [taxed, taxed, line()], payments: [] });
    expect(totals).toMatchObject({ withheldCents: 402, feesCents: 100, stampDutyCents: 24, otherTaxesCents: 60, deductionsCents: 30 });
    expect(totals.grossCents).toBe(totals.netCents + totals.vatCents - 402 + 100 + 24 + 60 - 30);
    expect(totals.grossCents).toBe(totals.lines.reduce((sum, amounts) => sum + amounts.payableCents, 0));
  });

  it("a plain line keeps its shape: no `taxes` key, every tax 0, payable = net + VAT", () => {
    const parsed = lineSchema.parse({ description: "x", quantity: "1", unitPrice: "10", vatCategory: 1, incomeClassification: { category: "category1_1", type: "E3_561_001" } });
    expect(parsed).not.toHaveProperty("taxes");
    expect(computeLineAmounts(parsed, "net")).toMatchObject({ withheldCents: 0, deductionsCents: 0, payableCents: 1240 });
  });

  it("a percentage category's sent amount is not trusted; an amount category keeps its amount", () => {
    const parsed = lineSchema.parse({
      description: "x", quantity: "1", unitPrice: "10", vatCategory: 1, incomeClassification: { category: "category1_1", type: "E3_561_001" },
      withheldCategory: 3, withheldAmount: "999", feesCategory: 10, feesAmount: "0,50", deductionsAmount: "",
    });
    expect(parsed.taxes).toEqual({ withheld: { category: 3, amountCents: null }, fees: { category: 10, amountCents: 50 } });
  });

  it("survive the round trip through the stored draft (copy as new, Fix & resend) with the same amounts", () => {
    const input = { ...SAMPLE_INPUT, priceEntry: "net" as const, lines: [taxed], payments: [{ methodCode: 3, amountCents: computeTotals({ priceEntry: "net", lines: [taxed], payments: [] }).grossCents }] };
    const editable = editableDraftOf(input, { series: "A", number: "1", issuedAt: "2026-01-01T10:00:00" });
    expect(editable.lines[0]).toMatchObject({ withheldCategory: 3, feesCategory: 10, feesAmount: "0,5", stampDutyCategory: 1, otherTaxesAmount: "0,3", deductionsAmount: "0,15" });
    expect(editable.lines[0]).not.toHaveProperty("withheldAmount");
    const back = toIssueRequest(draftSchema.parse(editable));
    expect(back.input.lines[0]?.taxes).toEqual(taxed.taxes);
    expect(computeTotals(back.input)).toEqual(computeTotals(input));
    // The form's totals, from the typed values, agree with the server's.
    const typed = composeValuesSchema.parse({ ...editable, id: "6f1c2b0e-8d3a-4c1e-9b7a-2f4d5e6a7b8c" });
    expect(computeLenientTotals(typed).totals.grossCents).toBe(computeTotals(input).grossCents);
  });

  it("a draft stored before the tax fields existed still loads and previews as before", () => {
    const old = { id: "6f1c2b0e-8d3a-4c1e-9b7a-2f4d5e6a7b8c", lines: [{ description: "x", quantity: "1", unitPrice: "7,99" }] };
    const values = composeValuesSchema.parse(old);
    expect(values.lines[0]).not.toHaveProperty("withheldCategory");
    expect(computeLenientTotals(values).totals.grossCents).toBe(991);
  });

  it("an other-tax category myDATA no longer accepts is refused naming its field, yet a stored document carrying it still reads", () => {
    expect(OTHER_TAX_CATEGORIES_NO_LONGER_ACCEPTED).toEqual([1, 2]);
    const plain = { description: "x", quantity: "1", unitPrice: "10", vatCategory: 1, incomeClassification: { category: "category1_1", type: "E3_561_001" } };
    for (const code of OTHER_TAX_CATEGORIES_NO_LONGER_ACCEPTED) {
      const result = lineSchema.safeParse({ ...plain, otherTaxesCategory: code });
      expect(result.success).toBe(false);
      expect(result.error?.issues).toEqual([expect.objectContaining({ message: "tax_category_no_longer_accepted", path: ["otherTaxesCategory"], params: { code } })]);
      expect(isRetiredTaxCategory("otherTaxes", code)).toBe(true);
      // Still known: the amounts of a stored document carrying it are computed as they were.
      expect(computeLineAmounts(line({ unitPriceCents: 1000, taxes: { otherTaxes: { category: code, amountCents: null } } }), "net").otherTaxesCents).toBeGreaterThan(0);
    }
    expect(lineSchema.safeParse({ ...plain, otherTaxesCategory: 3 }).success).toBe(true);
    expect(isRetiredTaxCategory("withheld", 1)).toBe(false);
    expect(messageOfCode("tax_category_no_longer_accepted", "en", { code: 1 })).toContain("category 1 is no longer accepted");
  });
});
