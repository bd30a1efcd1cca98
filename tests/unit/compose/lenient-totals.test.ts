import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { newLine, newPayment } from "@/components/credit-note/wizard-model";
import { computeTotals } from "@/lib/domain/totals";
import { computeLenientTotals, createPanelTotals, lineAmountsOf, lineInputOf, paymentCentsOf, restOfPayment } from "@/lib/validation/lenient-totals";
import { parseDraft } from "@/lib/validation/parse-draft";
import { sampleDraft } from "@/tests/fixtures/sample-draft";

const line = (overrides: Partial<ReturnType<typeof newLine>>) => ({ ...newLine(null), ...overrides });

describe("computeLenientTotals", () => {
  it("gives the provider sample's amounts for 7,99 typed gross at 24%", () => {
    const { totals, unreadableLines } = computeLenientTotals({ priceEntry: "gross", lines: [line({ unitPrice: "7,99" })], payments: [{ methodCode: 3, amount: "7,99" }] });
    expect(unreadableLines).toEqual([]);
    expect(totals).toMatchObject({ netCents: 644, vatCents: 155, grossCents: 799, paymentDifferenceCents: 0 });
  });

  it("agrees with the server's totals of the same draft", () => {
    const parsed = parseDraft(sampleDraft());
    if (!parsed.ok) throw new Error("sample draft should parse");
    const typed = computeLenientTotals({
      priceEntry: "gross",
      lines: sampleDraft().lines.map((l) => ({ ...l, discountPercent: l.discountPercent, incomeClassification: { category: l.incomeClassification.category, type: l.incomeClassification.type } })),
      payments: [{ methodCode: 3, amount: "7.99" }],
    });
    expect(typed.totals).toEqual(computeTotals(parsed.value.input));
  });

  it("leaves out lines that cannot be read yet and says which", () => {
    const { totals, unreadableLines } = computeLenientTotals({
      priceEntry: "net",
      lines: [line({ unitPrice: "10" }), line({ unitPrice: "7," }), line({ unitPrice: "1.234" }), line({ unitPrice: "5", discountPercent: "100" }), line({ unitPrice: "5", vatCategory: 8 })],
      payments: [newPayment()],
    });
    expect(unreadableLines).toEqual([1, 2, 3, 4]);
    expect(totals).toMatchObject({ netCents: 1000, vatCents: 240, grossCents: 1240, paymentDifferenceCents: -1240 });
  });

  it("treats an empty discount as 0 and applies a typed one", () => {
    expect(lineInputOf(line({ unitPrice: "10", discountPercent: "" }))?.discountBasisPoints).toBe(0);
    expect(lineInputOf(line({ unitPrice: "10", discountPercent: "12,5" }))?.discountBasisPoints).toBe(1250);
  });
});

describe("payments", () => {
  it("reads payment amounts, 0 while unreadable", () => {
    expect(paymentCentsOf({ methodCode: 3, amount: "1.234,56" })).toBe(123456);
    expect(paymentCentsOf({ methodCode: 3, amount: "abc" })).toBe(0);
  });

  it("fills the rest of the gross into one row, never below zero", () => {
    const payments = [{ methodCode: 7, amount: "1000" }, { methodCode: 3, amount: "" }];
    expect(restOfPayment(167457, payments, 1)).toBe(67457);
    expect(restOfPayment(167457, payments, 0)).toBe(167457);
    expect(restOfPayment(500, payments, 1)).toBe(0);
  });
});

describe("the totals panel and the server agree (property)", () => {
  it("for any readable lines typed the Greek way, net or gross", () => {
    const greek = (scaled: number, decimals: number) => {
      const text = String(scaled).padStart(decimals + 1, "0");
      return `${text.slice(0, text.length - decimals)},${text.slice(text.length - decimals)}`;
    };
    const lineArb = fc.record({
      quantityMilli: fc.integer({ min: 1, max: 5_000_000 }),
      priceCents: fc.integer({ min: 1, max: 10_000_000 }),
      discount: fc.integer({ min: 0, max: 9_999 }),
      vatCategory: fc.constantFrom(1, 2, 3, 4, 5, 6, 9, 10),
    });
    fc.assert(
      fc.property(fc.array(lineArb, { minLength: 1, maxLength: 8 }), fc.constantFrom("net" as const, "gross" as const), (lines, priceEntry) => {
        const typed = lines.map((l) => line({ description: "Είδος", quantity: greek(l.quantityMilli, 3), unitPrice: greek(l.priceCents, 2), discountPercent: greek(l.discount, 2), vatCategory: l.vatCategory }));
        const lenient = computeLenientTotals({ priceEntry, lines: typed, payments: [] }).totals;
        // A document that rounds to 0,00 € is refused by the schema (total_zero), not computed differently.
        fc.pre(lenient.grossCents > 0);
        const draft = { ...sampleDraft(), priceEntry, lines: typed, payments: [{ methodCode: 3, amount: greek(lenient.grossCents, 2) }] };
        const parsed = parseDraft(draft);
        if (!parsed.ok) throw new Error(JSON.stringify(parsed.errors));
        expect({ ...lenient, paymentDifferenceCents: 0 }).toEqual(computeTotals(parsed.value.input));
      }),
      { numRuns: 200 },
    );
  });
});

describe("createPanelTotals (the panel's remembered per-line amounts)", () => {
  const rawLineArb = fc.record({
    quantity: fc.constantFrom("1", "2", "0,5", "1.000", "", "x", "3,333"),
    unitPrice: fc.constantFrom("1", "7,99", "0,35", "12,345", "", "abc", "1.234,56", "100"),
    discountPercent: fc.constantFrom("", "0", "10", "12,5", "100", "oops"),
    vatCategory: fc.constantFrom(1, 2, 3, 7, 8, 99),
  });
  const paymentsArb = fc.array(fc.record({ methodCode: fc.constant(3), amount: fc.constantFrom("", "5", "7,99", "x") }), { maxLength: 3 });

  it("gives what computeLenientTotals gives, call after call, while lines change, move and disappear", () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.array(rawLineArb, { maxLength: 12 }), fc.constantFrom("net" as const, "gross" as const), paymentsArb), { minLength: 1, maxLength: 6 }),
        (steps) => {
          const panel = createPanelTotals();
          for (const [raw, priceEntry, payments] of steps) {
            const lines = raw.map((fields) => line(fields));
            const expected = computeLenientTotals({ priceEntry, lines, payments });
            expect(panel({ priceEntry, lines, payments })).toEqual({
              netCents: expected.totals.netCents,
              vatCents: expected.totals.vatCents,
              grossCents: expected.totals.grossCents,
              paymentDifferenceCents: expected.totals.paymentDifferenceCents,
              unreadableLines: expected.unreadableLines,
            });
          }
        },
      ),
      { numRuns: 300 },
    );
  });

  it("a changed price changes the totals at once (nothing stale is remembered)", () => {
    const panel = createPanelTotals();
    const lines = [line({ unitPrice: "10" }), line({ unitPrice: "1" })];
    expect(panel({ priceEntry: "net", lines, payments: [] }).grossCents).toBe(1364);
    expect(panel({ priceEntry: "net", lines: [lines[0]!, line({ unitPrice: "15" })], payments: [] }).grossCents).toBe(3100);
    // Gross entry gives back what was typed: 10,00 (8,06 + 1,94) + 15,00.
    expect(panel({ priceEntry: "gross", lines: [lines[0]!, line({ unitPrice: "15" })], payments: [] }).grossCents).toBe(2500);
  });

  it("lineAmountsOf reads only the four fields the amounts depend on", () => {
    expect(lineAmountsOf({ quantity: "2", unitPrice: "7,99", discountPercent: "", vatCategory: 1 }, "gross")).toMatchObject({ totalCents: 1598 });
    expect(lineAmountsOf({ quantity: "2", unitPrice: "", discountPercent: "", vatCategory: 1 }, "net")).toBeNull();
  });
});
