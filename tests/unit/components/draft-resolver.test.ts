import fc from "fast-check";
import { get, type FieldError, type ResolverOptions } from "react-hook-form";
import { describe, expect, it } from "vitest";
import { composeResolver } from "@/components/credit-note/draft-resolver";
import { newDraftValues, newLine } from "@/components/credit-note/wizard-model";
import type { ComposeValues } from "@/lib/validation/draft-snapshot";

const messageAt = (errors: unknown, name: string) => (get(errors, name) as FieldError | undefined)?.message;

const options = (names?: string[]): ResolverOptions<ComposeValues> => ({ names: names as never, fields: {}, shouldUseNativeValidation: false, criteriaMode: "firstError" });

function draftWith(lines: ComposeValues["lines"]): ComposeValues {
  return { ...newDraftValues("5d3f0c2a-8b1e-4c7d-9f60-1a2b3c4d5e6f", [], []), lines };
}

const LINE_FIELDS = ["description", "quantity", "unitPrice", "discountPercent", "vatCategory", "vatExemptionCategory", "unitCode", "incomeClassification.type"] as const;

describe("composeResolver", () => {
  it("checks only the typed line while one line field changes", async () => {
    const values = draftWith([{ ...newLine(null), unitPrice: "abc" }, { ...newLine(null), unitPrice: "1,2,3", quantity: "0" }]);
    const scoped = await composeResolver(values, undefined, options(["lines.1.unitPrice"]));
    expect(messageAt(scoped.errors, "lines.1.unitPrice")).toBe("amount.not_a_number");
    expect(messageAt(scoped.errors, "lines.1.quantity")).toBeDefined();
    expect(get(scoped.errors, "lines.0")).toBeUndefined();
    expect(get(scoped.errors, "issuer")).toBeUndefined();
  });

  it("checks the whole draft for a step (several names) or the form (no names)", async () => {
    const values = draftWith([{ ...newLine(null), unitPrice: "abc" }]);
    for (const names of [undefined, ["priceEntry", "lines"]]) {
      const whole = await composeResolver(values, undefined, options(names));
      expect(messageAt(whole.errors, "lines.0.unitPrice")).toBe("amount.not_a_number");
      expect(messageAt(whole.errors, "issuer.vat")).toBe("required");
    }
  });

  it("gives a line field the very error the whole-draft check gives it (property)", async () => {
    const text = fc.constantFrom("", "1", "0", "7,99", "1.234,56", "1,2,3", "abc", "-1", "100", "12,5", "0,001");
    const lineArb = fc.record({
      description: fc.constantFrom("", "Είδος", "x".repeat(301)),
      quantity: text, unitPrice: text, discountPercent: text,
      vatCategory: fc.constantFrom(1, 2, 7, 8, 99),
      vatExemptionCategory: fc.constantFrom(null, 14, 999),
      unitCode: fc.constantFrom(1, 2, 42),
    });
    await fc.assert(
      fc.asyncProperty(fc.array(lineArb, { minLength: 1, maxLength: 4 }), fc.nat(), fc.constantFrom(...LINE_FIELDS), async (raw, pick, field) => {
        const lines = raw.map((l) => ({ ...newLine(null), ...l }));
        const index = pick % lines.length;
        const name = `lines.${index}.${field}`;
        const values = draftWith(lines);
        const scoped = await composeResolver(values, undefined, options([name]));
        const whole = await composeResolver(values, undefined, options(undefined));
        expect(messageAt(scoped.errors, name)).toBe(messageAt(whole.errors, name));
      }),
      { numRuns: 300 },
    );
  });
});
