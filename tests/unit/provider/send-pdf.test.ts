import { describe, expect, it } from "vitest";
import { editableDraftOf } from "@/lib/domain/editable-draft";
import { buildProviderDocument } from "@/lib/provider/impact/document";
import { readComposedDocument } from "@/lib/provider/impact/read-document";
import { parseDraft } from "@/lib/validation/parse-draft";
import { sampleDraft } from "@/tests/fixtures/sample-draft";

const identity = { internalDocumentId: "0b6f6c2e-8a57-4d39-9d0e-1f3f7c2b9a10", series: "ΠΤ", number: "7", issuedAt: "2025-03-24T10:00:00" };

function inputOf(draft: unknown) {
  const parsed = parseDraft(draft, "en");
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.errors));
  return parsed.value.input;
}

describe("the PDF e-mail at issue (SendAsPdf)", () => {
  it("asks the provider for one PDF e-mail to the draft's recipients, with TransmissionMethod A (never E, which would send a second)", () => {
    const document = buildProviderDocument(inputOf({ ...sampleDraft(), emails: ["a@customer.example", "b@customer.example"], sendPdf: true }), identity);
    expect(document.AdditionalDetails).toEqual({
      AccountingDepartmentEmails: ["a@customer.example", "b@customer.example"],
      AvoidEmailGrouping: false,
      TransmissionMethod: "A",
      SendAsPdf: true,
      PdfNotificationEmails: ["a@customer.example", "b@customer.example"],
    });
  });

  it("sends no PDF option without it, as before", () => {
    const document = buildProviderDocument(inputOf(sampleDraft()), identity);
    expect(document.AdditionalDetails).not.toHaveProperty("SendAsPdf");
    expect(document.AdditionalDetails).not.toHaveProperty("PdfNotificationEmails");
  });

  it("is read back from the stored payload, so a copy or a fix keeps it", () => {
    const input = inputOf({ ...sampleDraft(), emails: ["a@customer.example"], sendPdf: true });
    const read = readComposedDocument(JSON.parse(JSON.stringify(buildProviderDocument(input, identity))));
    expect(read.input.sendPdf).toBe(true);
    expect(editableDraftOf(read.input, identity)).toMatchObject({ sendPdf: true, emails: ["a@customer.example"] });
  });

  it("is refused on the e-mail field when there is no address to send to, in both languages", () => {
    for (const locale of ["el", "en"] as const) {
      const parsed = parseDraft({ ...sampleDraft(), emails: [], sendPdf: true }, locale);
      expect(parsed.ok).toBe(false);
      if (parsed.ok) continue;
      const error = parsed.errors.find((e) => e.path === "emails");
      expect(error?.code).toBe("pdf_needs_email");
      expect(error?.message).toMatch(locale === "el" ? /τουλάχιστον μία διεύθυνση/ : /at least one address/);
    }
  });
});
