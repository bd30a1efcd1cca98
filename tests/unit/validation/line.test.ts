import { describe, expect, expectTypeOf, it } from "vitest";
import type { EditableDraft, EditableLine } from "@/lib/validation/draft-snapshot";
import type { LineInput } from "@/lib/domain/types";
import type { DraftFormValues } from "@/lib/validation/draft";
import { composeValuesSchema, editableDraftSchema, type ComposeLine } from "@/lib/validation/draft-snapshot";
import { lineSchema, lineValuesSchema, type LineBody, type LineValues, type ParsedLine } from "@/lib/validation/line";

describe("the line, declared once", () => {
  it("has the same fields typed and judged, and the form's line is a line the server reads", () => {
    expect(Object.keys(lineValuesSchema.shape).sort()).toEqual(Object.keys(lineSchema.in.shape).sort());
    const typed = lineValuesSchema.parse({ description: "Φαρδιά ζώνη cowboy", quantity: "1", unitPrice: "7,99", incomeClassification: { category: "category1_1", type: "E3_561_001" } });
    const judged = lineSchema.parse(typed);
    expect(judged).toEqual({
      description: "Φαρδιά ζώνη cowboy", quantityMilli: 1000, unitCode: 1, unitPriceCents: 799, discountBasisPoints: 0, vatCategory: 1,
      vatExemptionCategory: null, incomeClassification: { category: "category1_1", type: "E3_561_001" },
    });
    expectTypeOf<LineValues>().toExtend<LineBody>();
    expectTypeOf<ParsedLine>().toEqualTypeOf<LineInput>();
    expectTypeOf<ComposeLine>().toEqualTypeOf<LineValues>();
    expectTypeOf<EditableLine>().toEqualTypeOf<LineValues>();
  });

  it("gives Fix & resend the form's draft with the document's identity", () => {
    expect(Object.keys(editableDraftSchema.shape).sort()).toEqual(
      [...Object.keys(composeValuesSchema.shape).filter((key) => key !== "id" && key !== "issuerProfileId"), "number"].sort(),
    );
    expectTypeOf<EditableDraft>().toExtend<DraftFormValues>();
    expectTypeOf<EditableDraft["lines"][number]>().toEqualTypeOf<LineValues>();
  });
});
