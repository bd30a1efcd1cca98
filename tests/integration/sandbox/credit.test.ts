import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestSandbox, type TestSandbox } from "@/tests/support/sandbox";
import { http, json, sampleDocument, send, status, type HttpResult } from "./helpers";

let sandbox: TestSandbox;

beforeAll(async () => {
  sandbox = await startTestSandbox();
});

afterAll(async () => {
  await sandbox.stop();
});

interface Accepted {
  success: boolean;
  mark: string;
  uid: string;
  authenticationCode: string;
  url: string;
  series: string;
  number: string;
  internalId: string;
}

async function issueOriginal(): Promise<Accepted> {
  const result = await send(sandbox, sampleDocument());
  expect(result.status).toBe(201);
  return json<Accepted>(result);
}

function credit(original: Accepted, overrides: Record<string, unknown> = {}, internalId = randomUUID()): Promise<HttpResult> {
  return http(`${sandbox.baseUrl}/Invoice/credit`, {
    headers: { APIKey: sandbox.apiKey },
    body: {
      issuerTin: sandbox.vat, authenticationCode: original.authenticationCode, mark: Number(original.mark),
      series: "CR", number: String(Math.floor(Math.random() * 1e9)), internalId, relateCredit: false,
      preventDocumentMapping: false, ...overrides,
    },
  });
}

describe("POST /Invoice/credit", () => {
  it("issues a 5.2 with its own MARK from the original's lines, as often as asked", async () => {
    const original = await issueOriginal();
    const internalId = randomUUID();
    const first = await credit(original, {}, internalId);
    expect(first.status).toBe(201);
    const body = json<Accepted>(first);
    expect(body).toMatchObject({ success: true, series: "CR", internalId });
    expect(body.mark).not.toBe(original.mark);
    expect(body.authenticationCode).toMatch(/^[0-9A-F]{40}$/);
    expect((await credit(original)).status).toBe(201);

    const stored = (await sandbox.documents()).find((doc) => doc.internalId === internalId);
    expect(stored).toMatchObject({ invoiceType: "5.2", totals: { net: 6.44, vat: 1.55, gross: 7.99 }, mark: body.mark });
    expect(json(await status(sandbox, `internalId=${internalId}`))).toMatchObject({ status: "accepted", mark: body.mark });
    expect((await http(`${body.url}/aade`)).text).toContain("<invoiceType>5.2</invoiceType>");
  });

  it("issues a 5.1 correlated to the original only once", async () => {
    const original = await issueOriginal();
    const first = await credit(original, { relateCredit: true });
    expect(first.status).toBe(201);
    const xml = (await http(`${json<Accepted>(first).url}/aade`)).text;
    expect(xml).toContain("<invoiceType>5.1</invoiceType>");
    expect(xml).toContain(`<correlatedInvoices>${original.mark}</correlatedInvoices>`);
    const second = await credit(original, { relateCredit: true });
    expect(second.status).toBe(409);
    expect(json(second)).toMatchObject({ success: false });
  });

  it("answers a resent credit request as a duplicate", async () => {
    const original = await issueOriginal();
    const internalId = randomUUID();
    expect((await credit(original, { number: "77" }, internalId)).status).toBe(201);
    expect((await credit(original, { number: "77" }, internalId)).status).toBe(409);
  });

  it("accepts the request without a mark (0)", async () => {
    const original = await issueOriginal();
    expect((await credit(original, { mark: 0 })).status).toBe(201);
  });

  it("names mark when it does not belong to the authentication code", async () => {
    const original = await issueOriginal();
    const result = await credit(original, { mark: "400001999999999" });
    expect(result.status).toBe(400);
    expect(json(result)).toMatchObject({ success: false, errors: [expect.objectContaining({ field: "mark" })] });
  });

  it("names authenticationCode when no such document exists, and records the rejection", async () => {
    const original = await issueOriginal();
    const internalId = randomUUID();
    const result = await credit({ ...original, authenticationCode: "0".repeat(40) }, {}, internalId);
    expect(result.status).toBe(400);
    expect(json(result)).toMatchObject({ errors: [expect.objectContaining({ field: "authenticationCode" })] });
    expect(json(await status(sandbox, `internalId=${internalId}`))).toMatchObject({ status: "rejected" });
  });

  it("names each missing field and refuses another issuer's TIN", async () => {
    const original = await issueOriginal();
    const missing = await credit(original, { series: "", internalId: undefined });
    expect(missing.status).toBe(400);
    const fields = json<{ errors: { field: string }[] }>(missing).errors.map((error) => error.field);
    expect(fields).toEqual(expect.arrayContaining(["series", "internalId"]));
    expect((await credit(original, { issuerTin: "EL925667500" })).status).toBe(401);
  });
});
