import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { editableDraftOf, STORED_DRAFT_VERSION } from "@/lib/domain/editable-draft";
import { computeTotals } from "@/lib/domain/totals";
import type { LineInput } from "@/lib/domain/types";
import { parseDraft } from "@/lib/validation/parse-draft";
import { editableDraftSchema } from "@/lib/validation/draft-snapshot";
import { readStoredDraft } from "@/lib/validation/stored-draft";
import { SAMPLE_INPUT } from "@/tests/unit/domain/support";

const IDENTITY = { series: "A", number: "12", issuedAt: "2025-03-24T10:15:00" };

describe("reading a stored draft", () => {
  it("reads back what issuing stores, which parses to the very input it was written from", () => {
    const line = fc.record({
      description: fc.constant("Γραμμή"),
      quantityMilli: fc.integer({ min: 1, max: 9_999_999 }),
      unitCode: fc.constant(1),
      unitPriceCents: fc.integer({ min: 1, max: 9_999_999 }),
      discountBasisPoints: fc.integer({ min: 0, max: 5_000 }),
      vatCategory: fc.constantFrom(1, 2, 3),
      vatExemptionCategory: fc.constant(null),
      incomeClassification: fc.constant({ category: "category1_1", type: "E3_561_001" as string | null }),
    }) satisfies fc.Arbitrary<LineInput>;
    fc.assert(
      fc.property(fc.array(line, { minLength: 1, maxLength: 3 }), fc.constantFrom("net" as const, "gross" as const), (lines, priceEntry) => {
        const { grossCents } = computeTotals({ priceEntry, lines, payments: [] });
        // A draft whose lines round to nothing is refused by the schema: nothing could have been issued.
        fc.pre(grossCents > 0);
        const input = { ...structuredClone(SAMPLE_INPUT), lines, priceEntry, payments: [{ methodCode: 3, amountCents: grossCents }] };
        const stored = readStoredDraft(JSON.stringify(editableDraftOf(input, IDENTITY)), STORED_DRAFT_VERSION);
        // Read through the form's own schema: every key present, optional text as "".
        expect(stored).toEqual(editableDraftSchema.parse(editableDraftOf(input, IDENTITY)));
        const parsed = parseDraft(stored);
        expect(parsed.ok && parsed.value.input).toEqual(input);
      }),
      { numRuns: 150 },
    );
  });

  it("keeps a draft that today's rules refuse (Fix & resend corrects it) but not one of another shape", () => {
    const draft = editableDraftOf(SAMPLE_INPUT, IDENTITY);
    const refused = { ...draft, lines: [{ ...draft.lines[0]!, vatCategory: 99, quantity: "abc" }] };
    expect(readStoredDraft(JSON.stringify(refused), 1)).toEqual(editableDraftSchema.parse(refused));
    expect(readStoredDraft(JSON.stringify(refused), 1)?.lines[0]).toMatchObject({ vatCategory: 99, quantity: "abc" });
    expect(readStoredDraft(JSON.stringify({ ...draft, lines: "none" }), 1)).toBeNull();
    expect(readStoredDraft(JSON.stringify({ Series: "A", Details: [] }), 1)).toBeNull();
  });

  it("has nothing for no draft, text that is not JSON, or a version it does not know", () => {
    const json = JSON.stringify(editableDraftOf(SAMPLE_INPUT, IDENTITY));
    expect(readStoredDraft(null, null)).toBeNull();
    expect(readStoredDraft(json, null)).toBeNull();
    expect(readStoredDraft("{oops", 1)).toBeNull();
    expect(readStoredDraft(json, 0)).toBeNull();
    expect(readStoredDraft(json, STORED_DRAFT_VERSION + 1)).toBeNull();
  });
});
