import { randomInt, randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { previewCreditNote } from "@/lib/credit-notes/preview";
import { ValidationFailure } from "@/lib/domain/errors";
import { startTestSandbox, type TestSandbox } from "@/tests/support/sandbox";
import { json, send } from "@/tests/integration/sandbox/helpers";
import { sampleDraft } from "@/tests/fixtures/sample-draft";

let sandbox: TestSandbox;

beforeAll(async () => {
  sandbox = await startTestSandbox();
});

afterAll(async () => {
  await sandbox.stop();
});

/** A service credit: 1 × 1.000,00 € net at 24%, 20% withholding (3, management fees) and 1,2% stamp duty (1). */
function serviceNote(payment: string) {
  const draft = sampleDraft();
  draft.priceEntry = "net" as never;
  draft.issuedAt = "2026-07-01T10:00:00";
  draft.lines = [{
    ...draft.lines[0]!,
    description: "Αμοιβή συμβούλου διοίκησης",
    unitPrice: "1000",
    incomeClassification: { category: "category1_3", type: "E3_561_001" },
    withheldCategory: 3,
    stampDutyCategory: 1,
  } as (typeof draft.lines)[number]];
  draft.payments = [{ methodCode: 1, amount: payment }];
  return draft;
}

const NOW = new Date("2026-07-01T09:30:00Z");

describe("a service credit note with withholding and stamp duty", () => {
  it("previews with the taxes on the line, the summaries and the payable amount: 1.000 + 240 − 200 + 12 = 1.052", async () => {
    const { document, totals } = await previewCreditNote({ draft: serviceNote("1052") }, "en", NOW);
    expect(document.Details[0]).toMatchObject({
      NetTotal: 1000, VATTotal: 240, Total: 1240,
      WithheldAmount: 200, WithheldPercentCategoryCode: 3, StampDutyAmount: 12, StampDutyPercentCategoryCode: 1,
    });
    expect(document.Details[0]).not.toHaveProperty("FeesAmount");
    expect(document.Summaries).toEqual({
      TotalNetAmount: 1000, TotalVATAmount: 240, TotalGrossValue: 1052,
      TotalWithheldAmount: 200, TotalFeesAmount: 0, TotalStampDutyAmount: 12, TotalOtherTaxesAmount: 0, TotalDeductionsAmount: 0,
      TotalPayableAmount: 1052,
    });
    expect(totals).toMatchObject({ grossCents: 105_200, withheldCents: 20_000, stampDutyCents: 1_200, paymentDifferenceCents: 0 });

    // The very document, with an identity of its own, is accepted by the sandbox's myDATA rules.
    const sent = { ...document, Number: String(randomInt(1, 1_000_000_000)), DistributionDetails: { InternalDocumentId: randomUUID() } };
    const answer = await send(sandbox, sent);
    expect(answer.status, answer.text).toBe(201);
    expect(json<{ mark: number }>(answer).mark).toBeGreaterThan(0);
  });

  it("refuses payments of net + VAT (1.240): they must equal the payable amount", async () => {
    const error: unknown = await previewCreditNote({ draft: serviceNote("1240") }, "en", NOW).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(ValidationFailure);
    expect((error as ValidationFailure).errors).toEqual([expect.objectContaining({
      path: "draft.payments", code: "payments_sum_mismatch", message: expect.stringContaining("1,052.00 €"),
    })]);
  });

  it("names each tax field it refuses, in Greek", async () => {
    const draft = serviceNote("1052");
    Object.assign(draft.lines[0]!, { withheldCategory: 19, feesAmount: "5", otherTaxesCategory: 17 });
    const error = (await previewCreditNote({ draft }, "el", NOW).catch((caught: unknown) => caught)) as ValidationFailure;
    expect(error.errors.map((e) => [e.path, e.code])).toEqual([
      ["draft.lines.0.withheldCategory", "unknown_tax_category"],
      ["draft.lines.0.feesAmount", "tax_amount_without_category"],
      ["draft.lines.0.otherTaxesAmount", "tax_amount_required"],
    ]);
    expect(error.errors[0]?.message).toBe("Κατηγορία παρακράτησης φόρου (γραμμή 1): άγνωστη κατηγορία για αυτόν τον φόρο");
  });

  it("refuses an other-tax category myDATA no longer accepts, naming the field and the category, in Greek and English", async () => {
    for (const locale of ["el", "en"] as const) {
      const draft = serviceNote("1052");
      Object.assign(draft.lines[0]!, { otherTaxesCategory: 1 });
      const error = (await previewCreditNote({ draft }, locale, NOW).catch((caught: unknown) => caught)) as ValidationFailure;
      expect(error).toBeInstanceOf(ValidationFailure);
      expect(error.errors.map((e) => [e.path, e.code])).toEqual([["draft.lines.0.otherTaxesCategory", "tax_category_no_longer_accepted"]]);
      expect(error.errors[0]?.message).toMatch(locale === "el" ? /\(γραμμή 1\): η κατηγορία 1 δεν γίνεται πλέον δεκτή/ : /\(line 1\): category 1 is no longer accepted/);
    }
  });
});
