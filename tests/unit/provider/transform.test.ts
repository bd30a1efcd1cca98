import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { classifySendResponse, redactApiKey } from "@/lib/provider/impact/transform";
import { parseJsonObject, parseRetryAfter, readField, readText } from "@/lib/provider/impact/response-fields";
import type { SendOutcome } from "@/lib/provider/types";

/** Byte-for-byte copy of the provider's sample (tests/fixtures/reference), kept with the tests. */
const SAMPLE_PATH = fileURLToPath(new URL("../../fixtures/reference/5.2-b2b-credit-invoice-non-associated.json", import.meta.url));
const NOW = Date.parse("2025-06-30T10:00:00Z");

const AADE_XML =
  '<?xml version="1.0" encoding="utf-8"?><ResponseDoc><response><index>1</index>' +
  "<statusCode>ValidationError</statusCode><errors><error>" +
  "<message>VatAmount does not match NetValue * VatCategory, invoice line: 3</message><code>229</code>" +
  "</error></errors></response></ResponseDoc>";

const ACCEPTED_CAMEL = JSON.stringify({
  success: true,
  message: "",
  mark: "400001951234567",
  uid: "5A9C3F0E1B2D4C6A8E7F9A0B1C2D3E4F5A6B7C8D",
  authenticationCode: "9F8E7D6C5B4A39281706F5E4D3C2B1A0",
  url: "https://einvoiceportaluat.impact.gr/v/EL094259216-9F8E7D6C5B4A3928",
  series: "D9439",
  number: "8",
  internalId: "3f7b1c2e-7a55-4d1e-9a0b-2c9f4e8d1a67",
});

const ACCEPTED_PASCAL = JSON.stringify({
  Success: true,
  Mark: 400001951234568,
  UniqueId: "0B1C2D3E4F5A6B7C8D5A9C3F0E1B2D4C6A8E7F9A",
  AuthenticationCode: "0A1B2C3D4E5F60718293A4B5C6D7E8F9",
  Url: "https://einvoiceportaluat.impact.gr/v/EL094259216-0A1B2C3D4E5F6071",
  Series: "D9439",
  Number: "9",
  InternalId: "b9d3a1f0-1c2d-4e5f-8a9b-0c1d2e3f4a5b",
});

type Expectation = Partial<Record<string, unknown>> & { kind: SendOutcome["kind"] };

const cases: Array<[string, number, Record<string, string | string[] | undefined>, string, Expectation]> = [
  ["201 camelCase body", 201, {}, ACCEPTED_CAMEL, {
    kind: "accepted", mark: "400001951234567", uid: "5A9C3F0E1B2D4C6A8E7F9A0B1C2D3E4F5A6B7C8D",
    authenticationCode: "9F8E7D6C5B4A39281706F5E4D3C2B1A0",
    url: "https://einvoiceportaluat.impact.gr/v/EL094259216-9F8E7D6C5B4A3928",
    series: "D9439", number: "8", internalId: "3f7b1c2e-7a55-4d1e-9a0b-2c9f4e8d1a67",
  }],
  ["201 PascalCase body, numeric Mark, UniqueId", 201, {}, ACCEPTED_PASCAL, {
    kind: "accepted", mark: "400001951234568", uid: "0B1C2D3E4F5A6B7C8D5A9C3F0E1B2D4C6A8E7F9A", number: "9",
  }],
  ["200 with a mark", 200, {}, ACCEPTED_CAMEL, { kind: "accepted", httpStatus: 200 }],
  ["201 with a MARK beyond 2^53 keeps every digit", 201, {}, '{"mark": 9007199254740993, "uid": "U", "authenticationCode": "A", "url": "u"}', {
    kind: "accepted", mark: "9007199254740993",
  }],
  ["2xx success:false already transmitted", 200, {}, '{"success":false,"message":"Document has already been transmitted"}', {
    kind: "duplicate", message: "Document has already been transmitted",
  }],
  ["2xx success:\"false\" already transmitted, with the stored mark", 202, {}, '{"Success":"false","Message":"Document has already been transmitted","Mark":"400001951234567"}', {
    kind: "duplicate",
  }],
  ["2xx empty object", 201, {}, "{}", { kind: "ambiguous", reason: "malformed", connected: true }],
  ["2xx empty body", 201, {}, "", { kind: "ambiguous", reason: "malformed" }],
  ["2xx truncated JSON", 201, {}, '{"mark":"4000019', { kind: "ambiguous", reason: "malformed" }],
  ["2xx HTML", 200, {}, "<html><body>Gateway</body></html>", { kind: "ambiguous", reason: "malformed" }],
  ["2xx success:true without mark", 201, {}, '{"success":true,"message":"Queued"}', {
    kind: "ambiguous", reason: "malformed", message: "Provider answered HTTP 201 without a MARK: Queued",
  }],
  ["302 redirect", 302, { location: "https://elsewhere.example/login" }, "", { kind: "ambiguous", reason: "redirect", httpStatus: 302 }],
  ["401 wrong key", 401, {}, '{"message":"Unauthorized"}', { kind: "unauthorized", message: "Unauthorized" }],
  ["401 empty body", 401, {}, "", { kind: "unauthorized", message: "HTTP 401" }],
  ["403", 403, {}, "Forbidden", { kind: "unauthorized", message: "Forbidden" }],
  ["408 IAPR unavailable", 408, {}, '{"message":"IAPR is unavailable. Please try again later."}', {
    kind: "unavailable", httpStatus: 408, retryAfterMs: null,
  }],
  ["409 already transmitted", 409, {}, "This invoice has already been transmitted to our systems", {
    kind: "duplicate", message: "This invoice has already been transmitted to our systems",
  }],
  ["500 please resend", 500, {}, '{"success":false,"message":"Could not accept document. Please resend."}', {
    kind: "unavailable", httpStatus: 500, message: "Could not accept document. Please resend.", retryAfterMs: null,
  }],
  ["503 Retry-After seconds", 503, { "retry-after": "120" }, "", { kind: "unavailable", retryAfterMs: 120_000 }],
  ["503 Retry-After HTTP date", 503, { "retry-after": "Mon, 30 Jun 2025 10:00:30 GMT" }, "", { kind: "unavailable", retryAfterMs: 30_000 }],
  ["503 Retry-After date in the past", 503, { "retry-after": "Mon, 30 Jun 2025 09:00:00 GMT" }, "", { kind: "unavailable", retryAfterMs: 0 }],
  ["503 Retry-After unreadable", 503, { "retry-after": "soon" }, "", { kind: "unavailable", retryAfterMs: null }],
  ["429 Retry-After repeated header", 429, { "Retry-After": ["5", "9"] }, "", { kind: "unavailable", httpStatus: 429, retryAfterMs: 5_000 }],
  ["404 other 4xx", 404, {}, "", { kind: "rejected", httpStatus: 404, isAadeError: false }],
  ["422 other 4xx", 422, {}, '{"message":"Unprocessable"}', { kind: "rejected", httpStatus: 422, message: "Unprocessable" }],
  ["1xx is unexpected", 101, {}, "", { kind: "ambiguous", reason: "unexpected" }],
];

describe("classifySendResponse", () => {
  it.each(cases)("%s", (_name, status, headers, body, expected) => {
    const outcome = classifySendResponse(status, headers, body, { nowMs: NOW });
    expect(outcome).toMatchObject({ httpStatus: status, body, ...expected });
  });

  it("fills missing accepted fields with empty text instead of losing the MARK", () => {
    const outcome = classifySendResponse(201, {}, '{"mark":"400001951234569"}', { nowMs: NOW });
    expect(outcome).toEqual({
      kind: "accepted", httpStatus: 201, body: '{"mark":"400001951234569"}', mark: "400001951234569",
      uid: "", authenticationCode: "", url: "", series: undefined, number: undefined, internalId: undefined,
    });
  });
});

describe("classifySendResponse on 400", () => {
  it("reads a myDATA error embedded as XML in errors[]", () => {
    const body = JSON.stringify({ message: "", errors: [`Aade Validation Error: ${AADE_XML}`] });
    const outcome = classifySendResponse(400, {}, body, { nowMs: NOW });
    expect(outcome).toMatchObject({ kind: "rejected", isAadeError: true });
    if (outcome.kind !== "rejected") throw new Error("not rejected");
    expect(outcome.errors).toEqual([
      { code: "229", message: "VatAmount does not match NetValue * VatCategory, invoice line: 3", field: "Details[2].VATTotal" },
    ]);
    expect(outcome.message).toContain("invoice line: 3");
  });

  it("reads a myDATA error given as plain text, HTML-escaped", () => {
    const body = "Aade Validation Error &lt;code&gt;229&lt;/code&gt; Vat amount mismatch, invoice line: 3";
    const outcome = classifySendResponse(400, {}, body, { nowMs: NOW });
    if (outcome.kind !== "rejected") throw new Error("not rejected");
    expect(outcome.isAadeError).toBe(true);
    expect(outcome.errors).toHaveLength(1);
    expect(outcome.errors[0]).toMatchObject({ code: "229", field: "Details[2].VATTotal" });
  });

  it("reads an ASP.NET ModelState dictionary", () => {
    const body = JSON.stringify({
      type: "https://tools.ietf.org/html/rfc7231#section-6.5.1",
      title: "One or more validation errors occurred.",
      status: 400,
      errors: { "Details[0].VATTotal": ["The VATTotal field is required."], "Issuer.Vat": ["Invalid VAT", "Too short"] },
    });
    const outcome = classifySendResponse(400, {}, body, { nowMs: NOW });
    if (outcome.kind !== "rejected") throw new Error("not rejected");
    expect(outcome.message).toBe("One or more validation errors occurred.");
    expect(outcome.isAadeError).toBe(false);
    expect(outcome.errors).toEqual([
      { code: null, message: "The VATTotal field is required.", field: "Details[0].VATTotal" },
      { code: null, message: "Invalid VAT", field: "Issuer.Vat" },
      { code: null, message: "Too short", field: "Issuer.Vat" },
    ]);
  });

  it("reads errors given as objects", () => {
    const body = JSON.stringify({
      Message: "Validation failed",
      Errors: [{ Code: "101", Message: "Invalid Counterparty VAT Number (AFM) for Country Code -GR-", PropertyName: "CounterParty.Vat" }],
    });
    const outcome = classifySendResponse(400, {}, body, { nowMs: NOW });
    if (outcome.kind !== "rejected") throw new Error("not rejected");
    expect(outcome.message).toBe("Validation failed");
    expect(outcome.errors).toContainEqual({
      code: "101", message: "Invalid Counterparty VAT Number (AFM) for Country Code -GR-", field: "CounterParty.Vat",
    });
  });

  it("turns a lone message into one error, and does not repeat it", () => {
    const text = "Invalid Counterparty VAT Number (AFM) for Country Code -GR-";
    const outcome = classifySendResponse(400, {}, JSON.stringify({ message: text, errors: [text] }), { nowMs: NOW });
    if (outcome.kind !== "rejected") throw new Error("not rejected");
    expect(outcome.errors).toEqual([{ code: null, message: text, field: null }]);
  });

  it("lists each error once when `message` joins them", () => {
    const errors = [
      { code: "229", message: "Aade Validation Error: <code>229</code> VAT mismatch invoice line: 1", field: "Details[0].VATTotal" },
      { code: "407", message: "Aade Validation Error: <code>407</code> Payments do not add up", field: "PaymentDetails" },
    ];
    const body = JSON.stringify({ success: false, message: errors.map((error) => error.message).join(" | "), errors });
    const outcome = classifySendResponse(400, {}, body, { nowMs: NOW });
    if (outcome.kind !== "rejected") throw new Error("not rejected");
    expect(outcome.isAadeError).toBe(true);
    expect(outcome.errors).toEqual(errors);
  });

  it("reads the error out of `message` when `errors` is empty", () => {
    const body = JSON.stringify({ message: `Aade Validation Error: ${AADE_XML}`, errors: [] });
    const outcome = classifySendResponse(400, {}, body, { nowMs: NOW });
    if (outcome.kind !== "rejected") throw new Error("not rejected");
    expect(outcome.errors).toEqual([
      { code: "229", message: "VatAmount does not match NetValue * VatCategory, invoice line: 3", field: "Details[2].VATTotal" },
    ]);
  });

  it("keeps an empty 400 readable", () => {
    const outcome = classifySendResponse(400, {}, "", { nowMs: NOW });
    expect(outcome).toMatchObject({ kind: "rejected", message: "HTTP 400", errors: [{ code: null, message: "HTTP 400", field: null }] });
  });
});

describe("Retry-After", () => {
  it.each([
    ["0", 0], ["7", 7_000], [" 30 ", 30_000], ["-5", null], ["1.5", null], ["", null],
    ["Mon, 30 Jun 2025 10:01:00 GMT", 60_000],
  ])("%j → %j", (value, expected) => {
    expect(parseRetryAfter(value, NOW)).toBe(expected);
  });
});

describe("redactApiKey", () => {
  it("replaces every occurrence, raw and URL-encoded", () => {
    const key = "k3y/with+chars=";
    const text = `APIKey: ${key}; again ${key}; url ?k=${encodeURIComponent(key)}`;
    const redacted = redactApiKey(text, key);
    expect(redacted).toBe("APIKey: [REDACTED]; again [REDACTED]; url ?k=[REDACTED]");
    expect(redacted).not.toContain(key);
  });

  it("leaves text alone for an empty or tiny key", () => {
    expect(redactApiKey("a b c", "")).toBe("a b c");
    expect(redactApiKey("a b c", "b")).toBe("a b c");
  });
});

describe("the provider's 5.2 sample document", () => {
  it("parses and is read case-insensitively like a provider answer", () => {
    const text = readFileSync(SAMPLE_PATH, "utf8");
    const sample = parseJsonObject(text);
    expect(sample).not.toBeNull();
    if (sample === null) return;
    expect(readText(sample, "invoiceTypeCode")).toBe("5.2");
    expect(readText(sample, "DocumentTypeCode")).toBe("INVOICE");
    // The sample itself mixes styles: `vatAnalysis` next to `Summaries`.
    expect(readField(sample, "VatAnalysis")).toEqual([{ name: "24", percentage: 24, vatAmount: 1.55, underlyingValue: 6.44 }]);
    expect(readField(sample, "summaries")).toMatchObject({ TotalGrossValue: 7.99 });
  });
});

describe("classifySendResponse on a myDATA refusal in the observed shape", () => {
  it("pairs each of AADE's words with its code and places it on the line myDATA names", () => {
    const xml = '<?xml version="1.0"?><ResponseDoc><response><index>1</index><statusCode>ValidationError</statusCode><errors>' +
      "<error><message>Payment amounts do not match the total</message><code>407</code></error>" +
      "<error><message>VatAmount does not match NetValue * VatCategory, invoice line: 2</message><code>229</code></error>" +
      "</errors></response></ResponseDoc>";
    const body = JSON.stringify({
      myDataResponse: xml,
      myDataErrors: [{ key: 1, value: "VatAmount does not match NetValue * VatCategory, invoice line: 2" }, { key: 1, value: "Payment amounts do not match the total" }],
      errorMessage: "ValidationError", success: false, message: "Aade Validation Error: VatAmount does not match NetValue * VatCategory, invoice line: 2",
    });
    const outcome = classifySendResponse(400, {}, body, { nowMs: NOW });
    expect(outcome).toMatchObject({
      kind: "rejected", isAadeError: true,
      errors: [
        { code: "229", message: "VatAmount does not match NetValue * VatCategory, invoice line: 2", field: "Details[1].VATTotal" },
        { code: "407", message: "Payment amounts do not match the total", field: "PaymentDetails.PaymentMethods" },
      ],
    });
  });
});
