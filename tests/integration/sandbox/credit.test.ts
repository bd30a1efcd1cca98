import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestSandbox, type TestSandbox } from "@/tests/support/sandbox";
import {
  errorCodes, http, json, listDocuments, sampleDocument, send, status, type DocumentRow, type HttpResult, type Registered, type ValidationAnswer,
} from "./helpers";

let sandbox: TestSandbox;

beforeAll(async () => {
  sandbox = await startTestSandbox();
});

afterAll(async () => {
  await sandbox.stop();
});

type Accepted = Registered;

async function issueOriginal(): Promise<Accepted> {
  const result = await send(sandbox, sampleDocument());
  expect(result.status).toBe(201);
  return json<Accepted>(result);
}

/** The credit's row in the portal document list, found by series + number as a client does. */
async function rowOf(series: string, number: string): Promise<DocumentRow | undefined> {
  const rows = json<DocumentRow[]>(await listDocuments(sandbox, 1));
  return rows.find((row) => row.series === series && row.number === number);
}

type CreditResult = HttpResult & { requestBody: string };

const numberOf = (result: CreditResult): string => (JSON.parse(result.requestBody) as { number: string }).number;

async function credit(original: Accepted, overrides: Record<string, unknown> = {}, internalId = randomUUID()): Promise<CreditResult> {
  const body = {
    issuerTin: sandbox.vat, authenticationCode: original.authenticationCode, mark: original.mark,
    series: "CR", number: String(Math.floor(Math.random() * 1e9)), internalId, relateCredit: false,
    preventDocumentMapping: false, ...overrides,
  };
  const result = await http(`${sandbox.baseUrl}/Invoice/credit`, { headers: { APIKey: sandbox.apiKey }, body });
  return { ...result, requestBody: JSON.stringify(body) };
}

describe("POST /Invoice/credit", () => {
  it("answers 201 {} and issues a 5.2 with its own MARK from the original's lines, found in the document list", async () => {
    const original = await issueOriginal();
    const internalId = randomUUID();
    const first = await credit(original, {}, internalId);
    expect(first.status).toBe(201);
    expect(first.text).toBe("{}");
    const row = await rowOf("CR", numberOf(first));
    expect(row).toMatchObject({ invoiceType: "5.2", totalAmount: 7.99, totalVatAmount: 1.55, counterPartyVAT: "DE123456789" });
    expect(row?.mark).not.toBe(original.mark);
    expect(row?.authenticationCode).toMatch(/^[0-9A-F]{40}$/);
    expect(row?.url).toBe(`${sandbox.baseUrl}/f/EL094259216/${row?.uid ?? ""}/${row?.url.split("/").pop() ?? ""}`);
    expect((await credit(original)).status).toBe(201);

    const stored = (await sandbox.documents()).find((doc) => doc.internalId === internalId);
    expect(stored).toMatchObject({ invoiceType: "5.2", totals: { net: 6.44, vat: 1.55, gross: 7.99 }, mark: String(row?.mark) });
    expect(json(await status(sandbox, `internalId=${internalId}`))).toMatchObject({ status: "accepted", mark: String(row?.mark) });
    expect((await http(`${row?.url ?? ""}/aade`)).text).toContain("<invoiceType>5.2</invoiceType>");
  });

  it("issues a 5.1 correlated to the original only once", async () => {
    const original = await issueOriginal();
    const first = await credit(original, { relateCredit: true });
    expect(first.status).toBe(201);
    expect(json(first)).toEqual({});
    const row = await rowOf("CR", numberOf(first));
    expect(row?.invoiceType).toBe("5.1");
    const xml = (await http(`${row?.url ?? ""}/aade`)).text;
    expect(xml).toContain("<invoiceType>5.1</invoiceType>");
    expect(xml).toContain(`<correlatedInvoices>${String(original.mark)}</correlatedInvoices>`);
    const second = await credit(original, { relateCredit: true });
    expect(second.status).toBe(409);
    expect(json(second)).toMatchObject({ success: false });
  });

  it("answers a resent credit request as a duplicate, with the credit's stored body", async () => {
    const original = await issueOriginal();
    const internalId = randomUUID();
    expect((await credit(original, { number: "77" }, internalId)).status).toBe(201);
    const again = await credit(original, { number: "77" }, internalId);
    expect(again.status).toBe(409);
    const row = await rowOf("CR", "77");
    expect(json(again)).toMatchObject({ series: "CR", number: "77", internalId, mark: row?.mark, uid: row?.uid, success: false, uniqueId: row?.uid });
  });

  it("accepts the request without a mark (0)", async () => {
    const original = await issueOriginal();
    expect((await credit(original, { mark: 0 })).status).toBe(201);
  });

  it("names mark when it does not belong to the authentication code", async () => {
    const original = await issueOriginal();
    const internalId = randomUUID();
    const result = await credit(original, { mark: "400001999999999" }, internalId);
    expect(result.status).toBe(400);
    const body = json<ValidationAnswer>(result);
    expect(body).toMatchObject({ success: false, errorMessage: "ValidationError" });
    expect(errorCodes(body)).toEqual(["MarkMismatch"]);
    expect(body.myDataErrors[0]?.value).toContain("400001999999999");
    expect(json(await status(sandbox, `internalId=${internalId}`))).toMatchObject({ errors: [expect.objectContaining({ field: "mark" })] });
  });

  it("names authenticationCode when no such document exists, and records the rejection", async () => {
    const original = await issueOriginal();
    const internalId = randomUUID();
    const result = await credit({ ...original, authenticationCode: "0".repeat(40) }, {}, internalId);
    expect(result.status).toBe(400);
    expect(errorCodes(json<ValidationAnswer>(result))).toEqual(["DocumentNotFound"]);
    expect(json(await status(sandbox, `internalId=${internalId}`))).toMatchObject({
      status: "rejected", errors: [expect.objectContaining({ field: "authenticationCode" })],
    });
  });

  it("names each missing field and refuses another issuer's TIN", async () => {
    const original = await issueOriginal();
    const missing = await credit(original, { series: "", internalId: undefined });
    expect(missing.status).toBe(400);
    const body = json<ValidationAnswer>(missing);
    expect(errorCodes(body)).toEqual(["101", "101"]);
    expect(body.myDataErrors.map((error) => error.value)).toEqual([expect.stringContaining("series"), expect.stringContaining("internalId")]);
    expect((await credit(original, { issuerTin: "EL925667500" })).status).toBe(401);
  });
});
