import { describe, expect, it } from "vitest";
import { previewCreditNote, PREVIEW_INTERNAL_ID } from "@/lib/credit-notes/preview";
import { ValidationFailure } from "@/lib/domain/errors";
import { sampleDraft } from "@/tests/fixtures/sample-draft";

describe("preview", () => {
  it("builds the provider document and totals of the draft of docs/DRAFT.md", async () => {
    const { document, totals, assignedAtIssue } = await previewCreditNote({ draft: sampleDraft() }, "el");
    expect(document).toMatchObject({
      InvoiceTypeCode: "5.2",
      DocumentTypeCode: "INVOICE",
      Series: "D9439",
      Number: "8",
      DateIssued: "2023-03-24T00:00:00",
      DistributionDetails: { InternalDocumentId: PREVIEW_INTERNAL_ID },
      Summaries: { TotalNetAmount: 6.44, TotalVATAmount: 1.55, TotalGrossValue: 7.99 },
      IsDelayedCode: 0,
    });
    expect(totals).toMatchObject({ netCents: 644, vatCents: 155, grossCents: 799, paymentDifferenceCents: 0 });
    expect(assignedAtIssue).toEqual(["DistributionDetails.InternalDocumentId"]);
  });

  it("lists the identity fields that issuing will assign", async () => {
    const draft = { ...sampleDraft(), id: undefined, number: undefined, issuedAt: undefined };
    const now = new Date("2026-07-01T09:30:00Z");
    const { document, assignedAtIssue } = await previewCreditNote({ draft }, "el", now);
    expect(assignedAtIssue).toEqual(["DistributionDetails.InternalDocumentId", "Number", "DateIssued"]);
    expect(document.DistributionDetails.InternalDocumentId).toBe(PREVIEW_INTERNAL_ID);
    expect(document.DateIssued).toBe("2026-07-01T12:30:00");
  });

  it("refuses a body without a draft with a field error", async () => {
    await expect(previewCreditNote({}, "en")).rejects.toSatisfy(
      (error) => error instanceof ValidationFailure && error.errors[0]?.path === "draft" && error.errors[0].message === "Draft: is required",
    );
  });

  it("prefixes field paths with draft.", async () => {
    const draft = sampleDraft();
    draft.lines[0]!.unitPrice = "1,234.50";
    await expect(previewCreditNote({ draft }, "el")).rejects.toSatisfy(
      (error) => error instanceof ValidationFailure && error.errors.some((e) => e.path === "draft.lines.0.unitPrice"),
    );
  });
});
