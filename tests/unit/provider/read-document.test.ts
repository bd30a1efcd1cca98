import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { greekDecimalText } from "@/lib/domain/editable-draft";
import { centsToDecimal } from "@/lib/domain/money";
import { buildProviderDocument } from "@/lib/provider/impact/document";
import { readComposedDocument, readCreditRequest } from "@/lib/provider/impact/read-document";
import { editableDraftOfDocument } from "@/lib/provider/impact/read-document";
import { editableDraftSchema, type EditableDraft } from "@/lib/validation/draft-snapshot";

/** The editable draft of a stored payload, read through the draft's one declaration. */
const draftFromPayload = (payload: unknown): EditableDraft => editableDraftSchema.parse(editableDraftOfDocument(payload));
import { parseDraft } from "@/lib/validation/parse-draft";
import { sampleDraft } from "@/tests/fixtures/sample-draft";

const IDENTITY = { internalDocumentId: "5f0c6a8e-2b1d-4c3e-9f7a-1a2b3c4d5e6f", series: "A", number: "1", issuedAt: "2025-03-24T10:15:00" };

/** The provider sample as sent, as plain JSON. */
function samplePayload(): Record<string, unknown> & { Details: Record<string, unknown>[]; PaymentDetails: { PaymentMethods: { Amount: unknown }[] } } {
  const parsed = parseDraft(sampleDraft());
  if (!parsed.ok) throw new Error("sample draft invalid");
  return JSON.parse(JSON.stringify(buildProviderDocument(parsed.value.input, IDENTITY)));
}

describe("reading a stored provider document back, in exact cents", () => {
  it("reads every payment amount from 0,01 to 99 999,99 back to the same cents and text", () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 9_999_999 }), (cents) => {
        const payload = samplePayload();
        payload.PaymentDetails.PaymentMethods[0]!.Amount = centsToDecimal(cents);
        const wire = JSON.parse(JSON.stringify(payload)) as unknown;
        expect(readComposedDocument(wire).input.payments[0]?.amountCents).toBe(cents);
        expect(draftFromPayload(wire).payments[0]?.amount).toBe(greekDecimalText(cents, 2));
      }),
      { numRuns: 2_000 },
    );
  });

  it.each([
    [1.005, 101, "1,01"],
    [2.675, 268, "2,68"],
    [4.35, 435, "4,35"],
    [0.29, 29, "0,29"],
    [1.1, 110, "1,1"],
  ])("reads %s as %s cents (%s), where float arithmetic does not", (amount, cents, text) => {
    const payload = samplePayload();
    payload.PaymentDetails.PaymentMethods[0]!.Amount = amount;
    payload.Details[0]!.UnitPrice = amount;
    const read = readComposedDocument(payload);
    expect(read.input.payments[0]?.amountCents).toBe(cents);
    expect(draftFromPayload(payload).payments[0]?.amount).toBe(text);
  });

  it("reads unit prices and quantities exactly (net entry)", () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 9_999_999 }), fc.integer({ min: 1, max: 999_999 }), (cents, milli) => {
        const payload = samplePayload();
        const detail = payload.Details[0]!;
        detail.UnitPrice = centsToDecimal(cents);
        detail.Quantity = Number(`${Math.floor(milli / 1000)}.${String(milli % 1000).padStart(3, "0")}`);
        const [line] = readComposedDocument(JSON.parse(JSON.stringify(payload))).input.lines;
        expect(line?.quantityMilli).toBe(milli);
        // The read lines are net-priced unless the gross price reproduces the stored amounts.
        expect(line?.unitPriceCents).toBe(cents);
      }),
      { numRuns: 500 },
    );
  });

  it("reads a credit of an issued document, and nothing from what is not JSON", () => {
    const body = JSON.stringify({ issuerTin: "EL094259216", authenticationCode: "ABC", mark: 400001000000001, series: "CN", number: "3", internalId: "i", relateCredit: true, preventDocumentMapping: false });
    expect(readCreditRequest(body)).toEqual({ authenticationCode: "ABC", mark: "400001000000001", relateCredit: true, series: "CN", number: "3" });
    expect(readCreditRequest("{oops")).toBeNull();
  });
});
