import { describe, expect, it } from "vitest";
import { csvAmount, csvField, csvHeaderLine, csvLine, csvSeparatorOf } from "@/lib/history/csv-export";
import type { HistoryItem } from "@/lib/history/views";

const row: HistoryItem = {
  id: "00000000-0000-4000-8000-000000000001",
  internalDocumentId: "00000000-0000-4000-8000-000000000002",
  kind: "compose",
  status: "accepted",
  series: "ΠΤ",
  number: "8",
  issuedAt: "2025-07-01T10:15:00",
  issuerVat: "094259216",
  counterpartyName: "Ωμέγα; Εμπορική, \"Α.Ε.\"",
  counterpartyVat: "DE123456789",
  netCents: 123456,
  vatCents: 155,
  grossCents: 799,
  mark: "400001234567890",
  uid: null,
  attemptCount: 1,
  createdBy: "=HYPERLINK(\"x\")",
  createdAt: "2025-07-01T07:15:00.000Z",
  updatedAt: "2025-07-01T07:15:02.000Z",
};

describe("the history CSV in each language", () => {
  it("writes Greek with ;, decimal commas without grouping, Greek headers and status names", () => {
    expect(csvSeparatorOf("el")).toBe(";");
    expect(csvHeaderLine("el")).toBe(
      "Κατάσταση;Σειρά;Αριθμός;Ημ/νία έκδοσης;Αντισυμβαλλόμενος;ΑΦΜ αντισυμβαλλόμενου;Καθαρή αξία;ΦΠΑ;Σύνολο;ΜΑΡΚ;UID;Εσωτερικό αναγνωριστικό;Εκδόθηκε από;Καταχωρίστηκε\r\n");
    expect(csvLine(row, "el").split(";").slice(0, 3)).toEqual(["Εγκρίθηκε", "ΠΤ", "8"]);
    expect(csvLine(row, "el")).toContain(";1234,56;1,55;7,99;");
  });

  it("keeps English as it was: commas, decimal points, column keys and status codes", () => {
    expect(csvSeparatorOf("en")).toBe(",");
    expect(csvHeaderLine("en")).toBe("status,series,number,issued_at,counterparty,counterparty_vat,net,vat,gross,mark,uid,internal_document_id,issued_by,created_at\r\n");
    expect(csvLine(row, "en")).toBe(
      'accepted,ΠΤ,8,2025-07-01T10:15:00,"Ωμέγα; Εμπορική, ""Α.Ε.""",DE123456789,1234.56,1.55,7.99,400001234567890,,' +
        `00000000-0000-4000-8000-000000000002,"'=HYPERLINK(""x"")",2025-07-01T07:15:00.000Z\r\n`);
  });

  it("quotes text holding either separator, in both languages, and guards formula-looking text", () => {
    expect(csvLine(row, "el")).toContain(';"Ωμέγα; Εμπορική, ""Α.Ε."""');
    expect(csvLine(row, "el")).toContain(`;"'=HYPERLINK(""x"")";`);
    expect(csvField("+30 210")).toBe("'+30 210");
    expect(csvField("-1")).toBe("'-1");
    expect(csvField(null)).toBe("");
    expect(csvField("a\r\nb")).toBe('"a\r\nb"');
  });

  it("leaves empty amounts empty and writes cents exactly (half-cents never arise)", () => {
    expect(csvAmount(5, "el")).toBe("0,05");
    expect(csvAmount(100000000, "el")).toBe("1000000,00");
    expect(csvAmount(100000000, "en")).toBe("1000000.00");
    const blank = csvLine({ ...row, netCents: null, vatCents: null, grossCents: null }, "el");
    expect(blank).toContain(";;;;400001234567890;");
  });
});
