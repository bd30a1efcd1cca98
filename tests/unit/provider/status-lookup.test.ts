import { describe, expect, it } from "vitest";
import { classifyLookupResponse, statusLookupPath } from "@/lib/provider/impact/status-lookup";
import type { LookupOutcome } from "@/lib/provider/types";

const INTERNAL_ID = "3f7b1c2e-7a55-4d1e-9a0b-2c9f4e8d1a67";

type Expectation = Partial<Record<string, unknown>> & { kind: LookupOutcome["kind"] };

const cases: Array<[string, number, string, Expectation]> = [
  ["accepted with every field", 200, JSON.stringify({
    internalId: INTERNAL_ID, status: "accepted", mark: "400001951234567", uid: "5A9C3F0E", authenticationCode: "9F8E7D6C",
    url: "https://einvoiceportaluat.impact.gr/v/abc", message: null, errors: [],
  }), {
    kind: "found", status: "accepted", mark: "400001951234567", uid: "5A9C3F0E", authenticationCode: "9F8E7D6C",
    url: "https://einvoiceportaluat.impact.gr/v/abc", internalId: INTERNAL_ID, message: null, errors: [],
  }],
  ["PascalCase, status in capitals", 200, JSON.stringify({ Status: "Accepted", Mark: 400001951234568, UniqueId: "U1" }), {
    kind: "found", status: "accepted", mark: "400001951234568", uid: "U1",
  }],
  ["processing", 200, JSON.stringify({ internalId: INTERNAL_ID, status: "processing", message: "Waiting for myDATA" }), {
    kind: "found", status: "processing", message: "Waiting for myDATA", mark: undefined,
  }],
  ["rejected with myDATA errors", 200, JSON.stringify({
    internalId: INTERNAL_ID, status: "rejected", message: "Aade Validation Error",
    errors: [{ code: "229", message: "VatAmount mismatch, invoice line: 1" }],
  }), {
    kind: "found", status: "rejected", errors: [{ code: "229", message: "VatAmount mismatch, invoice line: 1", field: "Details[0].VATTotal" }],
  }],
  ["404 unknown document", 404, "", { kind: "not_found" }],
  ["404 with a message", 404, '{"message":"Document not found"}', { kind: "not_found" }],
  ["503", 503, '{"message":"Service unavailable"}', { kind: "unavailable", message: "Service unavailable" }],
  ["408", 408, "", { kind: "unavailable", message: "Status look-up failed (HTTP 408)" }],
  ["429", 429, "Too many requests", { kind: "unavailable", message: "Too many requests" }],
  ["401 key refused", 401, "", { kind: "unavailable" }],
  ["301 redirect", 301, "", { kind: "ambiguous", reason: "redirect", connected: true }],
  ["400: the look-up contract is not what we assumed", 400, '{"message":"The mark field is required."}', {
    kind: "ambiguous", reason: "unexpected", message: "The mark field is required.",
  }],
  ["200 that is not JSON", 200, "<html></html>", { kind: "ambiguous", reason: "malformed" }],
  ["200 with an unknown status", 200, '{"status":"archived"}', { kind: "ambiguous", reason: "malformed" }],
  ["200 without status", 200, '{"mark":"400001951234567"}', { kind: "ambiguous", reason: "malformed" }],
  ["accepted without a MARK", 200, '{"status":"accepted"}', { kind: "ambiguous", reason: "malformed" }],
];

describe("classifyLookupResponse", () => {
  it.each(cases)("%s", (_name, status, body, expected) => {
    expect(classifyLookupResponse(status, {}, body)).toMatchObject({ httpStatus: status, body, ...expected });
  });
});

describe("statusLookupPath", () => {
  it("asks by internal id", () => {
    expect(statusLookupPath({ internalId: INTERNAL_ID })).toBe(`/MyData/status?internalId=${INTERNAL_ID}`);
  });

  it("adds the MARK when known and encodes values", () => {
    expect(statusLookupPath({ internalId: "Α 1&2", mark: "400001951234567" })).toBe(
      "/MyData/status?internalId=%CE%91+1%262&mark=400001951234567",
    );
  });

  it("ignores an empty MARK", () => {
    expect(statusLookupPath({ internalId: "x", mark: "" })).toBe("/MyData/status?internalId=x");
  });
});
