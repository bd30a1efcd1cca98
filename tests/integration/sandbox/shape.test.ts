/**
 * Each sandbox answer against the provider answer recorded in tests/fixtures/provider: the same
 * keys in the same order, the same JSON types (recursively), the same message texts and the same
 * myDATA XML structure. Values (MARKs, hashes, urls) differ by design.
 */
import { randomUUID } from "node:crypto";
import { readFileSync } from "node:fs";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { startTestSandbox, type TestSandbox } from "@/tests/support/sandbox";
import { http, internalIdOf, json, listDocuments, sampleDocument, send, sendCredit, setPath, type HttpResult, type Registered } from "./helpers";

interface Fixture {
  note: string;
  status: number;
  body: unknown;
  headers?: Record<string, string>;
}

function fixture(name: string): Fixture {
  return JSON.parse(readFileSync(new URL(`../../fixtures/provider/${name}.json`, import.meta.url), "utf8")) as Fixture;
}

/** The JSON type tree of a value: key order kept, arrays described by their first element. */
function shapeOf(value: unknown): unknown {
  if (value === null) return "null";
  if (Array.isArray(value)) return value.length === 0 ? [] : [shapeOf(value[0])];
  if (typeof value === "object") return Object.entries(value).map(([key, inner]) => [key, shapeOf(inner)]);
  return typeof value;
}

/** The sequence of element names in an XML text (values ignored). */
function xmlStructure(xml: unknown): string[] {
  return [...String(xml).matchAll(/<(\/?[A-Za-z][\w:]*)/g)].map((match) => match[1] ?? "");
}

function expectLike(result: HttpResult, recorded: Fixture): void {
  expect(result.status).toBe(recorded.status);
  const body = json(result);
  expect(shapeOf(body)).toEqual(shapeOf(recorded.body));
  const bodyRecord = body as Record<string, unknown>;
  const recordedBody = recorded.body as Record<string, unknown>;
  if ("message" in recordedBody && !String(recordedBody.message).includes("already being transmitted")) {
    expect(bodyRecord.message).toBe(recordedBody.message);
  }
  if ("myDataResponse" in recordedBody) expect(xmlStructure(bodyRecord.myDataResponse)).toEqual(xmlStructure(recordedBody.myDataResponse));
  if ("status" in recordedBody) expect(bodyRecord.status).toBe(recordedBody.status);
  if ("errorMessage" in recordedBody) expect(bodyRecord.errorMessage).toBe(recordedBody.errorMessage);
}

let sandbox: TestSandbox;

beforeAll(async () => {
  sandbox = await startTestSandbox({ resendLockMs: 60_000, delayedTimeoutMs: 100, delayedRegisterMs: 60_000 });
});

afterAll(async () => {
  await sandbox.stop();
});

beforeEach(async () => {
  // The delayed case leaves its series in flight for a minute: start every case from an empty store.
  await sandbox.reset({ store: true });
});

describe("sandbox answers in the recorded provider shapes", () => {
  it("POST /Invoice/json 201 ≈ invoice-json-201", async () => {
    const result = await send(sandbox, sampleDocument());
    expectLike(result, fixture("invoice-json-201"));
    const recorded = fixture("invoice-json-201").body as Registered;
    const body = json<Registered>(result);
    // The same kinds of values: hash lengths, the url pattern, the date format.
    for (const key of ["uid", "authenticationCode", "integritySignature", "signature"] as const) expect(body[key].length).toBe(recorded[key].length);
    expect(body.url.replace(body.domain, "")).toMatch(/^\/f\/EL\d{9}\/[0-9A-F]{40}\/[0-9A-F]{32}$/);
    expect(recorded.url.replace(recorded.domain, "")).toMatch(/^\/f\/EL\d{9}\/[0-9A-F]{40}\/[0-9A-F]{32}$/);
    expect(body.dateIssued).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}$/);
    expect(body.erpQrCode).toMatch(/\/TimologioQR\/QRInfo\?q=/);
  });

  it("the same document again ≈ invoice-json-409-duplicate", async () => {
    const doc = sampleDocument();
    await send(sandbox, doc);
    expectLike(await send(sandbox, doc), fixture("invoice-json-409-duplicate"));
  });

  it("the same series+number under another InternalDocumentId ≈ invoice-json-409-other-document", async () => {
    const doc = sampleDocument();
    await send(sandbox, doc);
    setPath(doc, "DistributionDetails.InternalDocumentId", `ERP-${randomUUID()}`);
    const result = await send(sandbox, doc);
    expectLike(result, fixture("invoice-json-409-other-document"));
    expect(json<Registered>(result).internalId).not.toBe(internalIdOf(doc));
  });

  it("the 2xx duplicate shape ≈ invoice-json-200-already-transmitted", async () => {
    await sandbox.settings({ duplicateShape: "2xx" });
    const doc = sampleDocument();
    await send(sandbox, doc);
    expectLike(await send(sandbox, doc), fixture("invoice-json-200-already-transmitted"));
  });

  it("FAKE_IAPR_VALIDATION_ERROR ≈ invoice-json-400-validation (also the myDataErrors values and <code>)", async () => {
    const result = await send(sandbox, sampleDocument(), { erp: "FAKE_IAPR_VALIDATION_ERROR" });
    const recorded = fixture("invoice-json-400-validation");
    expectLike(result, recorded);
    const body = json<Record<string, unknown>>(result);
    const recordedBody = recorded.body as Record<string, unknown>;
    expect(body.myDataErrors).toEqual(recordedBody.myDataErrors);
    expect(body.myDataResponse).toBe(recordedBody.myDataResponse);
  });

  it("a myDATA rule refusal has the same shape", async () => {
    const doc = sampleDocument();
    setPath(doc, "Details[0].VATTotal", 1.6);
    setPath(doc, "Details[0].Total", 8.04);
    const result = await send(sandbox, doc);
    expect(result.status).toBe(400);
    expect(shapeOf(json(result))).toEqual(shapeOf(fixture("invoice-json-400-validation").body));
  });

  it("FAKE_IAPR_TIMEOUT ≈ invoice-json-408-iapr-timeout", async () => {
    expectLike(await send(sandbox, sampleDocument(), { erp: "FAKE_IAPR_TIMEOUT" }), fixture("invoice-json-408-iapr-timeout"));
  });

  it("FAKE_ELISE_SAVE_DOCUMENT_ERROR ≈ invoice-json-500-resend, and the resend ≈ invoice-json-408-already-transmitting", async () => {
    const doc = sampleDocument();
    expectLike(await send(sandbox, doc, { erp: "FAKE_ELISE_SAVE_DOCUMENT_ERROR" }), fixture("invoice-json-500-resend"));
    const resend = await send(sandbox, doc);
    const recorded = fixture("invoice-json-408-already-transmitting");
    expectLike(resend, recorded);
    const template = String((recorded.body as { message: string }).message).replace("A|999003", "{sn}").replace("InternalId 2", "InternalId {id}");
    expect(json<{ message: string }>(resend).message)
      .toBe(template.replace("{sn}", `${String(doc.Series)}|${String(doc.Number)}`).replace("{id}", internalIdOf(doc)));
  });

  it("FAKE_IAPR_DELAYED_TIMEOUT then the next number of the series ≈ 408 IAPR Timeout, then 408 already being transmitted", async () => {
    const doc = sampleDocument();
    expectLike(await send(sandbox, doc, { erp: "FAKE_IAPR_DELAYED_TIMEOUT" }), fixture("invoice-json-408-iapr-timeout"));
    setPath(doc, "Number", `${String(doc.Number)}1`);
    expectLike(await send(sandbox, doc), fixture("invoice-json-408-already-transmitting"));
  });

  it("POST /Invoice/credit ≈ invoice-credit-201-empty", async () => {
    const original = json<Registered>(await send(sandbox, sampleDocument()));
    const result = await sendCredit(sandbox, {
      issuerTin: sandbox.vat, authenticationCode: original.authenticationCode, mark: original.mark, series: "CR",
      number: String(Math.floor(Math.random() * 1e9)), internalId: randomUUID(), relateCredit: false, preventDocumentMapping: true,
    });
    expect(result.status).toBe(201);
    expect(json(result)).toEqual(fixture("invoice-credit-201-empty").body);
  });

  it("POST /Authentication/login ≈ authentication-login-200", async () => {
    const result = await http(`${sandbox.baseUrl}/Authentication/login`, { body: { key: sandbox.apiKey, vat: sandbox.vat } });
    expectLike(result, fixture("authentication-login-200"));
    const recorded = fixture("authentication-login-200").body as { accessToken: string };
    expect(json<{ accessToken: string }>(result).accessToken.split(".")).toHaveLength(recorded.accessToken.split(".").length);
  });

  it("GET /api/Invoice/GetDocuments page 1 ≈ portal-documents-page-1 (rows, NextPage), past the end ≈ portal-documents-past-end", async () => {
    await sandbox.settings({ documentsPageSize: 1 });
    const original = json<Registered>(await send(sandbox, sampleDocument()));
    await sendCredit(sandbox, {
      issuerTin: sandbox.vat, authenticationCode: original.authenticationCode, mark: original.mark, series: "ΠΤ", number: "15",
      internalId: randomUUID(), relateCredit: true, preventDocumentMapping: false,
    });
    const recorded = fixture("portal-documents-page-1");
    const first = await listDocuments(sandbox, 1);
    expectLike(first, recorded);
    expect(first.headers.nextpage).toBe(recorded.headers?.NextPage);
    const second = await listDocuments(sandbox, 2);
    expect(shapeOf(json(second))).toEqual(shapeOf([(recorded.body as unknown[])[1]]));
    const past = fixture("portal-documents-past-end");
    const end = await listDocuments(sandbox, 3);
    expect(end.status).toBe(past.status);
    expect(end.text).toBe(past.body);
  });
});
