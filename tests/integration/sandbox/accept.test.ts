import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestSandbox, type TestSandbox } from "@/tests/support/sandbox";
import { camelCased, http, internalIdOf, json, sampleDocument, send, setPath, type Registered } from "./helpers";

let sandbox: TestSandbox;

beforeAll(async () => {
  sandbox = await startTestSandbox();
});

afterAll(async () => {
  await sandbox.stop();
});

type Success = Registered;

describe("POST /Invoice/json with the provider's 5.2 sample", () => {
  it("accepts it with every field of the observed 201 body", async () => {
    const doc = sampleDocument();
    const result = await send(sandbox, doc);
    expect(result.status).toBe(201);
    const body = json<Success>(result);
    expect(body).toMatchObject({
      success: true, status: "SUBMITTED", series: "D9439", internalId: internalIdOf(doc), dateIssued: "2023-03-24T00:00:00", domain: sandbox.baseUrl,
    });
    expect(body).not.toHaveProperty("message");
    expect(body).not.toHaveProperty("qrUrl");
    expect(body.number).toBe(doc.Number);
    expect(Number.isSafeInteger(body.mark)).toBe(true);
    expect(result.text).toMatch(/"mark":\d{15},/);
    expect(body.uid).toMatch(/^[0-9A-F]{40}$/);
    expect(body.authenticationCode).toMatch(/^[0-9A-F]{40}$/);
    expect(body.signature).toBe(`EL094259216-${body.authenticationCode}`);
    expect(body.integritySignature).toMatch(/^[0-9A-F]{40}-[0-9A-F]{40}$/);
    expect(body.url).toBe(`${sandbox.baseUrl}/f/EL094259216/${body.uid}/${body.url.split("/").pop() ?? ""}`);
    expect(body.url).toMatch(/\/[0-9A-F]{32}$/);
    expect(body.erpQrCode).toMatch(new RegExp(`^${sandbox.baseUrl}/TimologioQR/QRInfo\\?q=\\S+$`));
    expect(body.myDataResponse).toContain(`<invoiceUid>${body.uid}</invoiceUid>`);
    expect(body.myDataResponse).toContain(`<invoiceMark>${String(body.mark)}</invoiceMark>`);
    expect(body.myDataResponse).toContain(`<qrUrl>${body.erpQrCode}</qrUrl>`);
    expect(body.myDataResponse).toContain("<statusCode>Success</statusCode>");
  });

  it("derives the UID from issuer AFM, date, branch, type, series and number", async () => {
    const { createHash } = await import("node:crypto");
    const doc = sampleDocument();
    const body = json<Success>(await send(sandbox, doc));
    const expected = createHash("sha1").update(`094259216-2023-03-24-0-5.2-D9439-${String(doc.Number)}`).digest("hex").toUpperCase();
    expect(body.uid).toBe(expected);
  });

  it("issues strictly increasing MARKs", async () => {
    const first = json<Success>(await send(sandbox, sampleDocument()));
    const second = json<Success>(await send(sandbox, sampleDocument()));
    expect(BigInt(second.mark)).toBeGreaterThan(BigInt(first.mark));
  });

  it("accepts camelCase property names and a lower-case path", async () => {
    const doc = camelCased(sampleDocument());
    const result = await http(`${sandbox.baseUrl}/invoice/JSON`, { body: doc, headers: { apikey: sandbox.apiKey } });
    expect(result.status).toBe(201);
  });

  it("accepts a Greek counterparty with a valid AFM and a line VAT one cent off net × rate", async () => {
    const doc = sampleDocument();
    setPath(doc, "CounterParty.Vat", "EL925667500");
    setPath(doc, "CounterParty.Address.CountryCode", "GR");
    setPath(doc, "Details[0].VATTotal", 1.56);
    setPath(doc, "Details[0].Total", 8);
    setPath(doc, "Summaries", { TotalNetAmount: 6.44, TotalVATAmount: 1.56, TotalGrossValue: 8 });
    setPath(doc, "vatAnalysis[0].vatAmount", 1.56);
    setPath(doc, "PaymentDetails.PaymentMethods[0].Amount", 8);
    expect((await send(sandbox, doc)).status).toBe(201);
  });

  it("answers 400 to a body that is not JSON", async () => {
    const result = await send(sandbox, "{ not json");
    expect(result.status).toBe(400);
    expect(json(result)).toMatchObject({ success: false, errorMessage: "ValidationError", message: "Aade Validation Error: The request body is not valid JSON." });
  });
});

describe("document links", () => {
  it("serves a PDF containing the MARK, the myDATA XML and an HTML page, without a key", async () => {
    const body = json<Success>(await send(sandbox, sampleDocument()));
    const pdf = await http(`${body.url}/pdf`);
    expect(pdf.status).toBe(200);
    expect(pdf.headers["content-type"]).toContain("application/pdf");
    expect(pdf.raw.subarray(0, 4).toString("latin1")).toBe("%PDF");
    expect(pdf.raw.toString("latin1")).toContain(String(body.mark));
    expect(pdf.raw.toString("latin1")).toContain("/FontFile2");

    const xml = await http(`${body.url}/aade`);
    expect(xml.status).toBe(200);
    expect(xml.headers["content-type"]).toContain("xml");
    expect(xml.text).toMatch(/^<\?xml/);
    expect(xml.text).toContain(`<mark>${String(body.mark)}</mark>`);
    expect(xml.text).toContain(`<uid>${body.uid}</uid>`);
    expect(xml.text).toContain("<invoiceType>5.2</invoiceType>");
    expect(xml.text).toContain("<totalGrossValue>7.99</totalGrossValue>");

    const page = await http(body.url);
    expect(page.status).toBe(200);
    expect(page.text).toContain(String(body.mark));
    expect(page.text).toContain("Φαρδιά ζώνη cowboy");

    const qr = await http(body.erpQrCode);
    expect(qr.status).toBe(302);
    expect(qr.headers.location).toBe(body.url);
    const token = body.url.split("/").pop() ?? "";
    expect((await http(`${sandbox.baseUrl}/v/${token}/pdf`)).status).toBe(200);
  });

  it("answers 404 when the VAT or UID of a portal link does not match its token", async () => {
    const body = json<Success>(await send(sandbox, sampleDocument()));
    const token = body.url.split("/").pop() ?? "";
    expect((await http(`${sandbox.baseUrl}/f/EL925667500/${body.uid}/${token}`)).status).toBe(404);
    expect((await http(`${sandbox.baseUrl}/f/EL094259216/${"0".repeat(40)}/${token}`)).status).toBe(404);
  });

  it("answers 404 for an unknown signature", async () => {
    expect((await http(`${sandbox.baseUrl}/v/0123456789abcdef/pdf`)).status).toBe(404);
  });
});

describe("health and unknown routes", () => {
  it("reports health and 404s unknown paths", async () => {
    expect(json(await http(`${sandbox.baseUrl}/health`))).toEqual({ ok: true });
    expect((await http(`${sandbox.baseUrl}/Invoice/nothing`)).status).toBe(404);
    expect((await http(`${sandbox.baseUrl}/Invoice/json`)).status).toBe(405);
  });
});
