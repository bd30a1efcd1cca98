import { describe, expect, it } from "vitest";
import { buildProviderDocument } from "@/lib/provider/impact/document";
import { readSentDocument, redactedPretty } from "@/lib/history/sent-document";
import { parseDraft } from "@/lib/validation/parse-draft";
import { sampleDraft } from "@/tests/fixtures/sample-draft";

describe("the stored request body read back for people", () => {
  it("groups a composed 5.2 as the wizard does, amounts in cents", () => {
    const parsed = parseDraft(sampleDraft());
    if (!parsed.ok) throw new Error("sample draft invalid");
    const payload = buildProviderDocument(parsed.value.input, { internalDocumentId: "x", series: "A", number: "7", issuedAt: "2025-01-02T03:04:05" });
    expect(readSentDocument(JSON.stringify(payload), "compose")).toEqual({
      kind: "compose",
      issuer: { name: "BEST SHOPPING", vat: "EL094259216", address: "ΟΔΟΣ ΑΡΙΘΜΟΣ, ΑΘΗΝΑ, 10551, GR", emails: [], branchCode: 0 },
      counterparty: { name: "FOREIGN COMPANY", vat: "DE123456789", address: "STREET NUMBER, Reutlingen, 12345, DE", emails: [], branchCode: null },
      series: "A", number: "7", issuedAt: "2025-01-02T03:04:05",
      lines: [{ lineNo: 1, description: "Φαρδιά ζώνη cowboy", quantity: 1, unitCode: 1, unitNetCents: 644, netCents: 644, vatCents: 155, totalCents: 799, vatCategory: 1, vatExemptionCategory: null, classification: "category1_1 / E3_561_001" }],
      payments: [{ methodCode: 3, amountCents: 799 }],
      totals: { netCents: 644, vatCents: 155, grossCents: 799 },
      vatAnalysis: [{ percentage: 24, underlyingCents: 644, vatCents: 155, exemption: null }],
      reference: "A9439 / 50",
      emails: ["COMPANY@company.com"],
    });
  });

  it("reads a credit of an issued document, and refuses what is not JSON", () => {
    const body = JSON.stringify({ issuerTin: "EL094259216", authenticationCode: "ABC", mark: 400001000000001, series: "CN", number: "3", internalId: "i", relateCredit: true, preventDocumentMapping: false });
    expect(readSentDocument(body, "credit_existing")).toEqual({ kind: "credit_existing", authenticationCode: "ABC", mark: "400001000000001", relateCredit: true, series: "CN", number: "3" });
    expect(readSentDocument("{oops", "compose")).toBeNull();
  });

  it("pretty-prints with every secret-looking value redacted", () => {
    const shown = redactedPretty(JSON.stringify({ Series: "A", apiKey: "k-123", nested: [{ access_token: "t", Password: "p" }], Authorization: "Bearer x" }));
    expect(JSON.parse(shown)).toEqual({ Series: "A", apiKey: "•••", nested: [{ access_token: "•••", Password: "•••" }], Authorization: "•••" });
    expect(shown).not.toMatch(/k-123|Bearer x/);
    expect(redactedPretty("APIKey: secret-value here")).not.toContain("secret-value");
  });
});
