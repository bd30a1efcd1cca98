import { XMLParser } from "fast-xml-parser";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestSandbox, type TestSandbox } from "@/tests/support/sandbox";
import { http, json, listDocuments, type DocumentRow } from "./helpers";

let sandbox: TestSandbox;

beforeAll(async () => {
  sandbox = await startTestSandbox({ seedErp: true });
});

afterAll(async () => {
  await sandbox.stop();
});

const rows = async (): Promise<DocumentRow[]> => json<DocumentRow[]>(await listDocuments(sandbox, 1));
const parser = new XMLParser({ removeNSPrefix: true, parseTagValue: false, isArray: (name) => name === "invoiceDetails" });

describe("SANDBOX_SEED_ERP=1: invoices issued by the ERP", () => {
  it("lists ERP invoices of types 1.1 and 2.1 with their totals, and their myDATA XML carries the lines", async () => {
    const listed = await rows();
    expect(listed.map((row) => `${row.invoiceType} ${row.series}-${row.number}`)).toEqual(["1.1 ΤΔΑ-1041", "1.1 ΤΔΑ-1042", "1.1 ΤΔΑ-1043", "2.1 ΤΠΥ-310"]);
    const tenItems = listed.find((row) => row.number === "1042");
    expect(tenItems).toMatchObject({ totalAmount: 124, totalVatAmount: 24, counterPartyVAT: "EL800512413" });
    expect(listed.find((row) => row.number === "1043")).toMatchObject({ totalAmount: 7.99, totalVatAmount: 1.55 });

    const xml = await http(`${listed[0]?.url ?? ""}/aade`, { method: "GET" });
    expect(xml.status).toBe(200);
    const invoice = (parser.parse(xml.text) as { InvoicesDoc: { invoice: { mark: string; invoiceDetails: Record<string, string>[]; invoiceSummary: Record<string, string> } } }).InvoicesDoc.invoice;
    expect(invoice.mark).toBe(String(listed[0]?.mark));
    expect(invoice.invoiceDetails.map((line) => [line.itemDescr, line.quantity, line.netValue, line.vatCategory, line.vatAmount])).toEqual([
      ["Καφετιέρα φίλτρου", "2", "90.00", "1", "21.60"],
      ["Καφές φίλτρου 1 kg", "4", "50.00", "2", "6.50"],
      ["Βιβλίο συνταγών", "1", "18.00", "3", "1.08"],
    ]);
    expect(invoice.invoiceSummary.totalGrossValue).toBe("187.18");
  });

  it("seeds once per store: a restart keeps the same invoices, a store reset seeds them again", async () => {
    const before = await rows();
    await sandbox.restart();
    expect((await rows()).map((row) => row.mark)).toEqual(before.map((row) => row.mark));
    await sandbox.reset({ store: true });
    const after = await rows();
    expect(after).toHaveLength(4);
    expect(after.map((row) => row.number)).toEqual(before.map((row) => row.number));
  });

  it("POST /__control/erp-invoices issues one more ERP invoice from a template, listed with its own MARK", async () => {
    const answer = await http(`${sandbox.baseUrl}/__control/erp-invoices`, { body: { template: "1042", series: "ERPX", number: "7" } });
    expect(answer.status).toBe(200);
    const issued = json<{ mark: string; authenticationCode: string; invoiceType: string; totals: { gross: number } }>(answer);
    expect(issued).toMatchObject({ invoiceType: "1.1", totals: { gross: 124 } });
    expect((await rows()).find((row) => row.series === "ERPX")).toMatchObject({ number: "7", mark: Number(issued.mark), authenticationCode: issued.authenticationCode });
    expect((await http(`${sandbox.baseUrl}/__control/erp-invoices`, { body: { template: "9", series: "E", number: "1" } })).status).toBe(400);
  });
});
