/** The portal's document list, GET /api/Invoice/GetDocuments/{IssuerVat}/{page}/ (docs/reference/observed-uat.md §7), on the sandbox's port. */
import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { startTestSandbox, type TestSandbox } from "@/tests/support/sandbox";
import {
  compactDay, http, json, listDocuments, sampleDocument, send, sendCredit, setPath, type DocumentRow, type Registered,
} from "./helpers";

const ROW_KEYS = [
  "series", "number", "branchCode", "posId", "dateIssued", "counterPartyVAT", "mark", "uid", "authenticationCode", "invoiceType",
  "dateUpdated", "isViewed", "isAccepted", "isArchivedByIssuer", "totalAmount", "totalVatAmount", "url",
];
let sandbox: TestSandbox;

beforeAll(async () => {
  sandbox = await startTestSandbox({ documentsPageSize: 2 });
});

afterAll(async () => {
  await sandbox.stop();
});

beforeEach(async () => {
  await sandbox.reset({ store: true });
});

/** Issues the sample on each of `days` (YYYY-MM-DD) and returns the 201 bodies. */
async function issueOn(days: string[]): Promise<Registered[]> {
  const bodies: Registered[] = [];
  for (const day of days) {
    const doc = sampleDocument();
    setPath(doc, "DateIssued", `${day}T10:30:00`);
    const result = await send(sandbox, doc);
    expect(result.status).toBe(201);
    bodies.push(json<Registered>(result));
  }
  return bodies;
}

const numbersOf = (rows: DocumentRow[]): string[] => rows.map((row) => row.number);

describe("GET /api/Invoice/GetDocuments/{IssuerVat}/{page}/", () => {
  it("lists a registered document with exactly the observed row fields", async () => {
    const [sent] = await issueOn(["2026-04-18"]);
    const result = await listDocuments(sandbox, 1, "From=20260418&To=20260418");
    expect(result.status).toBe(200);
    expect(result.headers["content-type"]).toContain("application/json");
    const rows = json<DocumentRow[]>(result);
    expect(rows).toHaveLength(1);
    expect(Object.keys(rows[0] ?? {})).toEqual(ROW_KEYS);
    expect(rows[0]).toMatchObject({
      series: "D9439", number: sent?.number, branchCode: 0, posId: null, dateIssued: "2026-04-18T10:30:00", counterPartyVAT: "DE123456789",
      mark: sent?.mark, uid: sent?.uid, authenticationCode: sent?.authenticationCode, invoiceType: "5.2", isViewed: false, isAccepted: false,
      isArchivedByIssuer: false, totalAmount: 7.99, totalVatAmount: 1.55, url: sent?.url,
    });
    expect(rows[0]?.dateUpdated).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}$/);
    expect(result.text).toContain(`"mark":${String(sent?.mark)},`);
  });

  it("pages with a NextPage header and answers 404 'Page > TotalPageSize' past the last page", async () => {
    await issueOn(["2026-04-01", "2026-04-02", "2026-04-03"]);
    const first = await listDocuments(sandbox, 1);
    expect(json<DocumentRow[]>(first)).toHaveLength(2);
    expect(first.headers.nextpage).toBe("2");
    const second = await listDocuments(sandbox, 2);
    expect(json<DocumentRow[]>(second)).toHaveLength(1);
    expect(second.headers.nextpage).toBeUndefined();
    const past = await listDocuments(sandbox, 3);
    expect(past.status).toBe(404);
    expect(past.text).toBe("Page > TotalPageSize");
    const all = [...json<DocumentRow[]>(first), ...json<DocumentRow[]>(second)];
    expect(all.map((row) => row.dateIssued.slice(0, 10))).toEqual(["2026-04-01", "2026-04-02", "2026-04-03"]);
  });

  it("filters by issue date, From and To inclusive, and also reads dateTo", async () => {
    const sent = await issueOn(["2026-03-31", "2026-04-01", "2026-04-15", "2026-04-30", "2026-05-01"]);
    const april = ["2026-04-01", "2026-04-15", "2026-04-30"].map(compactDay);
    const pages = async (query: string): Promise<string[]> => {
      const rows: DocumentRow[] = [];
      for (let page = 1; ; page += 1) {
        const result = await listDocuments(sandbox, page, query);
        if (result.status === 404) return numbersOf(rows);
        rows.push(...json<DocumentRow[]>(result));
      }
    };
    const expected = sent.slice(1, 4).map((body) => body.number);
    expect(await pages(`From=${april[0] ?? ""}&To=${april[2] ?? ""}`)).toEqual(expected);
    expect(await pages(`from=${april[0] ?? ""}&dateTo=${april[2] ?? ""}`)).toEqual(expected);
    expect(await pages("From=20260501")).toEqual([sent[4]?.number]);
    expect(await pages("To=20260331")).toEqual([sent[0]?.number]);
  });

  it("answers an empty first page for an empty range, and 400 to a bad page or date", async () => {
    await issueOn(["2026-04-18"]);
    const empty = await listDocuments(sandbox, 1, "From=20250101&To=20250131");
    expect(empty.status).toBe(200);
    expect(json(empty)).toEqual([]);
    expect((await listDocuments(sandbox, 2, "From=20250101&To=20250131")).status).toBe(404);
    expect((await listDocuments(sandbox, 0)).status).toBe(400);
    expect((await listDocuments(sandbox, 1, "From=18-04-2026")).status).toBe(400);
    // The path's VAT must belong to the key.
    expect((await http(`${sandbox.baseUrl}/api/Invoice/GetDocuments/EL925667500/1/`, { headers: { APIKey: sandbox.apiKey } })).status).toBe(401);
  });

  it("lists the credit that POST /Invoice/credit made (201 {}), found by series + number", async () => {
    const [original] = await issueOn(["2026-04-18"]);
    const number = String(Math.floor(Math.random() * 1e6));
    const credited = await sendCredit(sandbox, {
      issuerTin: sandbox.vat, authenticationCode: original?.authenticationCode, mark: original?.mark, series: "ΠΤ", number,
      internalId: randomUUID(), relateCredit: true, preventDocumentMapping: false,
    });
    expect(credited.status).toBe(201);
    expect(json(credited)).toEqual({});
    const rows = json<DocumentRow[]>(await listDocuments(sandbox, 1));
    const credit = rows.find((row) => row.series === "ΠΤ" && row.number === number);
    expect(credit).toMatchObject({ invoiceType: "5.1", totalAmount: 7.99, totalVatAmount: 1.55, counterPartyVAT: "DE123456789" });
    expect(credit?.mark).toBeGreaterThan(original?.mark ?? 0);
    expect((await http(credit?.url ?? "")).status).toBe(200);
  });
});
