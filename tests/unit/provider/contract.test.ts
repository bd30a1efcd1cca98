import { readdirSync, readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { readTokenAnswer } from "@/lib/provider/impact/bearer-tokens";
import { readDocumentListPage } from "@/lib/provider/impact/document-list";
import { classifySendResponse, type SendEndpoint } from "@/lib/provider/impact/transform";
import type { SendOutcome } from "@/lib/provider/types";

/**
 * The contract as observed on the provider's UAT: the client's classification of every recorded
 * answer in tests/fixtures/provider (docs/reference/observed-uat.md). One test per file; a new file without a
 * test here fails the last test.
 */
const DIR = fileURLToPath(new URL("../../fixtures/provider/", import.meta.url));
const NOW = Date.parse("2026-04-18T22:50:00Z");

interface Fixture {
  note: string;
  status: number;
  body: unknown;
  headers?: Record<string, string>;
}

function fixture(name: string): { status: number; headers: Record<string, string>; text: string } {
  const raw = readFileSync(`${DIR}${name}`, "utf8");
  const parsed = JSON.parse(raw) as Fixture;
  // The body exactly as the provider wrote it: the MARK stays a JSON number in the text.
  const text = typeof parsed.body === "string" ? parsed.body : bodyTextOf(raw);
  return { status: parsed.status, headers: parsed.headers ?? {}, text };
}

/** The raw text of the fixture's `body` member (so numbers are not re-serialised through a float). */
function bodyTextOf(raw: string): string {
  const start = raw.indexOf('"body"');
  const open = raw.slice(start).search(/[[{]/) + start;
  let depth = 0;
  let inString = false;
  for (let i = open; i < raw.length; i += 1) {
    const ch = raw[i];
    if (inString) {
      if (ch === "\\") i += 1;
      else if (ch === '"') inString = false;
    } else if (ch === '"') inString = true;
    else if (ch === "{" || ch === "[") depth += 1;
    else if (ch === "}" || ch === "]") {
      depth -= 1;
      if (depth === 0) return raw.slice(open, i + 1);
    }
  }
  throw new Error("no body");
}

function classify(name: string, endpoint: SendEndpoint = "json"): SendOutcome {
  const { status, headers, text } = fixture(name);
  return classifySendResponse(status, headers, text, { endpoint, nowMs: NOW });
}

const REGISTERED = {
  mark: "400001961605322",
  uid: "91D624F9092C837886BA3E2B843C538A624D33FE",
  authenticationCode: "8EB6CB21872385341A2B9A272F08F3FC3DCC439A",
  url: "https://einvoiceportaluat.impact.gr/f/EL094259216/91D624F9092C837886BA3E2B843C538A624D33FE/565A632B636048F08692E1C78C65D298",
  qrUrl: "https://mydataapidev.aade.gr/TimologioQR/QRInfo?q=wADVk2D3yQ%2bKJwF5xZ0Yl0sQ",
  series: "A",
  number: "999002",
};

const tested = new Set<string>();
function contract(name: string, check: () => void): void {
  tested.add(name);
  it(name, check);
}

describe("the provider's observed answers, classified", () => {
  contract("invoice-json-201.json", () => {
    expect(classify("invoice-json-201.json")).toMatchObject({ kind: "accepted", httpStatus: 201, ...REGISTERED, internalId: "1" });
  });

  contract("invoice-json-409-duplicate.json", () => {
    expect(classify("invoice-json-409-duplicate.json")).toMatchObject({
      kind: "duplicate", httpStatus: 409, message: "Successfully submitted to IAPR", registered: { ...REGISTERED, internalId: "1" },
    });
  });

  contract("invoice-json-409-other-document.json", () => {
    expect(classify("invoice-json-409-other-document.json")).toMatchObject({
      kind: "duplicate", httpStatus: 409, registered: { ...REGISTERED, internalId: "ERP-77120" },
    });
  });

  contract("invoice-json-200-already-transmitted.json", () => {
    expect(classify("invoice-json-200-already-transmitted.json")).toMatchObject({
      kind: "duplicate", httpStatus: 200, message: "Document has already been transmitted", registered: { ...REGISTERED, internalId: "1" },
    });
  });

  contract("invoice-json-400-validation.json", () => {
    const outcome = classify("invoice-json-400-validation.json");
    expect(outcome).toMatchObject({
      kind: "rejected", httpStatus: 400, isAadeError: true, message: "Aade Validation Error: Fake validation error",
      errors: [{ code: "229", message: "Fake validation error", field: "Details" }],
    });
  });

  contract("invoice-json-408-iapr-timeout.json", () => {
    expect(classify("invoice-json-408-iapr-timeout.json")).toMatchObject({ kind: "unavailable", httpStatus: 408, registered: "maybe", message: "IAPR Timeout" });
  });

  contract("invoice-json-408-already-transmitting.json", () => {
    expect(classify("invoice-json-408-already-transmitting.json")).toMatchObject({
      kind: "locked", httpStatus: 408, message: "Document A|999003 with InternalId 2 is already being transmitted.",
    });
  });

  contract("invoice-json-500-resend.json", () => {
    expect(classify("invoice-json-500-resend.json")).toMatchObject({
      kind: "unavailable", httpStatus: 500, registered: "no", message: "Could not accept document. Please resend.",
    });
  });

  contract("invoice-credit-201-empty.json", () => {
    expect(classify("invoice-credit-201-empty.json", "credit")).toMatchObject({ kind: "accepted_without_mark", httpStatus: 201 });
    // The same answer to /Invoice/json would have lost the MARK: it stays open.
    expect(classify("invoice-credit-201-empty.json", "json")).toMatchObject({ kind: "ambiguous", reason: "malformed" });
  });

  contract("authentication-login-200.json", () => {
    const { text } = fixture("authentication-login-200.json");
    expect(readTokenAnswer(text, NOW)).toEqual({
      accessToken: expect.stringMatching(/^eyJ/) as unknown as string,
      accessExpiresAtMs: 1_776_552_587_000, // the JWT's own `exp`
      refreshToken: "5d1f0a4e9b8c4f7a9e2d3c1b0a9f8e7d",
      refreshExpiresAtMs: Date.parse("2026-04-25T22:49:47Z"),
    });
  });

  contract("portal-documents-page-1.json", () => {
    const { status, headers, text } = fixture("portal-documents-page-1.json");
    const page = readDocumentListPage(1, status, headers, text);
    expect(page).toMatchObject({
      kind: "rows",
      nextPage: 2,
      rows: [
        { series: "A", number: "999002", mark: "400001961605322", invoiceType: "1.1", counterpartyVat: "EL800512345", totalAmount: "124" },
        { series: "ΠΤ", number: "15", mark: "400001961605377", invoiceType: "5.1", uid: "0C2D5E8F1A3B4C6D7E8F9A0B1C2D3E4F5A6B7C8D", totalAmount: "7.99" },
      ],
    });
  });

  contract("portal-documents-past-end.json", () => {
    const { status, headers, text } = fixture("portal-documents-past-end.json");
    expect(readDocumentListPage(3, status, headers, text)).toEqual({ kind: "past_end" });
  });

  it("covers every recorded answer", () => {
    const files = readdirSync(DIR).filter((name) => name.endsWith(".json"));
    expect(files.filter((name) => !tested.has(name))).toEqual([]);
  });
});

describe("the MARK is read as digits, never through a float", () => {
  it("keeps 9007199254740993 (2^53 + 1) exact", () => {
    const outcome = classifySendResponse(201, {}, '{"mark": 9007199254740993, "uid": "U", "authenticationCode": "A", "url": "u", "success": true}', { nowMs: NOW });
    expect(outcome).toMatchObject({ kind: "accepted", mark: "9007199254740993" });
  });

  it("keeps it exact inside a 409's stored body and a document list row", () => {
    const duplicate = classifySendResponse(409, {}, '{"mark":9007199254740993,"series":"A","number":"1","internalId":"x","success":false}', { nowMs: NOW });
    expect(duplicate).toMatchObject({ kind: "duplicate", registered: { mark: "9007199254740993" } });
    const page = readDocumentListPage(1, 200, {}, '[{"series":"A","number":"1","mark":12345678901234567890}]');
    expect(page).toMatchObject({ kind: "rows", rows: [{ mark: "12345678901234567890" }] });
  });

  it("is not fooled by a mark-like text inside a string", () => {
    const body = '{"message":"\\"mark\\": 1","mark":400001961605322,"success":true}';
    expect(classifySendResponse(201, {}, body, { nowMs: NOW })).toMatchObject({ kind: "accepted", mark: "400001961605322" });
  });
});
