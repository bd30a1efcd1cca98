import { randomInt, randomUUID } from "node:crypto";
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { createProviderClient } from "@/lib/provider/impact/client";
import type { ProviderClient, ProviderClientConfig } from "@/lib/provider/client-types";
import type { LookupOutcome, SendOutcome } from "@/lib/provider/types";
import { startTestSandbox } from "@/tests/support/sandbox";

// Every fault the sandbox can inject, reached through the real client over HTTP, and the
// outcome the rest of the product relies on for each.

const SAMPLE_PATH = fileURLToPath(new URL("../../fixtures/reference/5.2-b2b-credit-invoice-non-associated.json", import.meta.url));
const SAMPLE_TEXT = readFileSync(SAMPLE_PATH, "utf8");
const RESPONSE_TIMEOUT_MS = 800;

type Sandbox = Awaited<ReturnType<typeof startTestSandbox>>;
let sandbox: Sandbox;

/** The provider's 5.2 sample, issued by the sandbox's demo VAT under a fresh identity. */
function freshDocument(): { text: string; internalId: string } {
  const document = JSON.parse(SAMPLE_TEXT) as {
    Series: string;
    Number: string;
    Issuer: { Vat: string };
    DistributionDetails: { InternalDocumentId: string };
  };
  const internalId = randomUUID();
  document.Issuer.Vat = sandbox.vat;
  document.Series = `T${internalId.slice(0, 8).toUpperCase()}`;
  document.Number = String(randomInt(1, 1_000_000_000));
  document.DistributionDetails.InternalDocumentId = internalId;
  return { text: JSON.stringify(document, null, 2), internalId };
}

function client(overrides: Partial<ProviderClientConfig> = {}): ProviderClient {
  return createProviderClient({
    baseUrl: sandbox.baseUrl,
    apiKey: sandbox.apiKey,
    connectTimeoutMs: 1_000,
    responseTimeoutMs: RESPONSE_TIMEOUT_MS,
    ...overrides,
  });
}

function expectAccepted(outcome: SendOutcome, httpStatus = 201): Extract<SendOutcome, { kind: "accepted" }> {
  expect(outcome).toMatchObject({ kind: "accepted", httpStatus });
  if (outcome.kind !== "accepted") throw new Error(`expected accepted, got ${outcome.kind}`);
  for (const field of [outcome.mark, outcome.uid, outcome.authenticationCode, outcome.url]) expect(field).not.toBe("");
  return outcome;
}

/** Look-ups until the sandbox stops saying processing (bounded); the last outcome. */
async function settledLookup(internalId: string): Promise<LookupOutcome> {
  let outcome = await client().lookupStatus({ internalId });
  for (let i = 0; i < 20 && outcome.kind === "found" && outcome.status === "processing"; i += 1) {
    await new Promise((resolve) => setTimeout(resolve, 150));
    outcome = await client().lookupStatus({ internalId });
  }
  return outcome;
}

beforeAll(async () => {
  sandbox = await startTestSandbox({ processingWindowMs: 1_000 });
});

afterAll(async () => {
  await sandbox.stop();
});

beforeEach(async () => {
  await sandbox.reset();
});

describe("sending through the sandbox", () => {
  it("accepts a valid document and serves its PDF and status", async () => {
    const { text, internalId } = freshDocument();
    const accepted = expectAccepted(await client().sendDocument(text));
    expect(accepted.internalId ?? internalId).toBe(internalId);
    const pdf = await client().fetchDocumentFile(accepted.url, "pdf");
    expect(pdf).toMatchObject({ ok: true, contentType: expect.stringContaining("application/pdf") });
    if (pdf.ok) expect(pdf.body.subarray(0, 5).toString("latin1")).toBe("%PDF-");
    expect(await client().lookupStatus({ internalId })).toMatchObject({ kind: "found", status: "accepted", mark: accepted.mark });
    const log = await sandbox.requests();
    expect(log.some((entry) => entry.path.toLowerCase() === "/invoice/json" && entry.apiKeyPresent)).toBe(true);
  });

  it("accepts when the provider is slower than usual but within the response timeout", async () => {
    await sandbox.fault({ mode: "delay", ms: 200, times: 1 });
    expectAccepted(await client().sendDocument(freshDocument().text));
  });

  it("times out, connected, when the provider is slower than the response timeout; it then holds the document", async () => {
    await sandbox.fault({ mode: "delay", ms: RESPONSE_TIMEOUT_MS + 700, times: 1 });
    const { text, internalId } = freshDocument();
    expect(await client().sendDocument(text)).toMatchObject({
      kind: "ambiguous", reason: "timeout", connected: true, httpStatus: null,
    });
    let held = false;
    for (let i = 0; i < 30 && !held; i += 1) {
      await new Promise((resolve) => setTimeout(resolve, 100));
      held = (await sandbox.documents()).some((document) => document.internalId === internalId);
    }
    expect(held).toBe(true);
    expect(await settledLookup(internalId)).toMatchObject({ kind: "found", status: "accepted" });
  });

  it.each([
    ["error500", "not_found"],
    ["error500_after_store", "found"],
  ])("reports %s as unavailable 500 (look-up afterwards: %s)", async (mode, lookupKind) => {
    await sandbox.fault({ mode, times: 1 });
    const { text, internalId } = freshDocument();
    expect(await client().sendDocument(text)).toMatchObject({ kind: "unavailable", httpStatus: 500 });
    expect(await settledLookup(internalId)).toMatchObject({ kind: lookupKind });
  });

  it("reports the provider's save error (erp: FAKE_ELISE_SAVE_DOCUMENT_ERROR) as unavailable 500", async () => {
    const outcome = await client().sendDocument(freshDocument().text, { headers: { erp: "FAKE_ELISE_SAVE_DOCUMENT_ERROR" } });
    expect(outcome).toMatchObject({ kind: "unavailable", httpStatus: 500 });
  });

  it("times out on accept_then_hang, and the look-up then finds the document", async () => {
    await sandbox.fault({ mode: "accept_then_hang", times: 1 });
    const { text, internalId } = freshDocument();
    expect(await client().sendDocument(text)).toMatchObject({ kind: "ambiguous", reason: "timeout", connected: true });
    const lookup = await client().lookupStatus({ internalId });
    expect(lookup.kind).toBe("found");
    if (lookup.kind === "found") expect(["accepted", "processing"]).toContain(lookup.status);
  });

  it("reports reset_before_store as a connected reset, and the provider does not know the document", async () => {
    await sandbox.fault({ mode: "reset_before_store", times: 1 });
    const { text, internalId } = freshDocument();
    expect(await client().sendDocument(text)).toMatchObject({ kind: "ambiguous", reason: "reset", connected: true });
    expect(await settledLookup(internalId)).toMatchObject({ kind: "not_found", httpStatus: 404 });
  });

  it("reports reset_after_store as a connected reset; the identical resend is a duplicate", async () => {
    await sandbox.fault({ mode: "reset_after_store", times: 1 });
    const { text, internalId } = freshDocument();
    expect(await client().sendDocument(text)).toMatchObject({ kind: "ambiguous", reason: "reset", connected: true });
    expect(await settledLookup(internalId)).toMatchObject({ kind: "found", status: "accepted" });
    expect(await client().sendDocument(text)).toMatchObject({ kind: "duplicate", httpStatus: 409 });
  });

  it("reports an unreadable 2xx as ambiguous malformed", async () => {
    await sandbox.fault({ mode: "malformed_2xx", times: 1 });
    const outcome = await client().sendDocument(freshDocument().text);
    expect(outcome).toMatchObject({ kind: "ambiguous", reason: "malformed", connected: true });
    expect(outcome.kind === "ambiguous" && outcome.httpStatus !== null && outcome.httpStatus >= 200 && outcome.httpStatus < 300).toBe(true);
  });

  it("reports timeout_408 and erp: FAKE_IAPR_TIMEOUT as unavailable 408", async () => {
    await sandbox.fault({ mode: "timeout_408", times: 1 });
    expect(await client().sendDocument(freshDocument().text)).toMatchObject({ kind: "unavailable", httpStatus: 408 });
    const outcome = await client().sendDocument(freshDocument().text, { headers: { erp: "FAKE_IAPR_TIMEOUT" } });
    expect(outcome).toMatchObject({ kind: "unavailable", httpStatus: 408 });
  });

  it("reports erp: FAKE_IAPR_VALIDATION_ERROR as a myDATA rejection", async () => {
    const outcome = await client().sendDocument(freshDocument().text, { headers: { erp: "FAKE_IAPR_VALIDATION_ERROR" } });
    expect(outcome).toMatchObject({ kind: "rejected", httpStatus: 400, isAadeError: true });
    if (outcome.kind === "rejected") {
      expect(outcome.errors.length).toBeGreaterThan(0);
      expect(outcome.errors.some((error) => error.code !== null && /^\d+$/.test(error.code))).toBe(true);
    }
  });

  it("reports a provider validation error as rejected, not from myDATA", async () => {
    const document = JSON.parse(freshDocument().text) as { Summaries: { TotalGrossValue: number } };
    document.Summaries.TotalGrossValue = 8.99;
    const outcome = await client().sendDocument(document);
    expect(outcome).toMatchObject({ kind: "rejected", httpStatus: 400 });
    if (outcome.kind === "rejected") expect(outcome.errors.length).toBeGreaterThan(0);
  });

  it.each(["409", "2xx"] as const)("reports a resent document as duplicate (%s shape)", async (duplicateShape) => {
    await sandbox.settings({ duplicateShape });
    const { text } = freshDocument();
    expectAccepted(await client().sendDocument(text));
    const outcome = await client().sendDocument(text);
    expect(outcome.kind).toBe("duplicate");
    if (outcome.kind === "duplicate") {
      if (duplicateShape === "409") expect(outcome.httpStatus).toBe(409);
      else expect(outcome.httpStatus).toBeLessThan(300);
      expect(outcome.message).toMatch(/already.*transmitted/i);
    }
  });

  it("reports a wrong key as unauthorized", async () => {
    const outcome = await client({ apiKey: "not-the-key-of-this-vat" }).sendDocument(freshDocument().text);
    expect(outcome).toMatchObject({ kind: "unauthorized", httpStatus: 401 });
  });

  it("reports a closed port as a connect failure that never reached the provider", async () => {
    const closed = await startTestSandbox();
    const baseUrl = closed.baseUrl;
    await closed.stop();
    const outcome = await client({ baseUrl }).sendDocument(freshDocument().text);
    expect(outcome).toMatchObject({ kind: "ambiguous", reason: "connect", connected: false });
  });
});

describe("status look-up and credit through the sandbox", () => {
  it("does not know an id it never saw", async () => {
    expect(await client().lookupStatus({ internalId: randomUUID() })).toMatchObject({ kind: "not_found", httpStatus: 404 });
  });

  it("reports status_error500 as unavailable", async () => {
    await sandbox.fault({ mode: "status_error500", times: 1 });
    expect(await client().lookupStatus({ internalId: randomUUID() })).toMatchObject({ kind: "unavailable", httpStatus: 500 });
  });

  it("credits an issued document, which gets its own MARK", async () => {
    const original = expectAccepted(await client().sendDocument(freshDocument().text));
    const internalId = randomUUID();
    const outcome = await client().creditExisting({
      issuerTin: sandbox.vat,
      authenticationCode: original.authenticationCode,
      mark: original.mark,
      series: `C${internalId.slice(0, 8).toUpperCase()}`,
      number: String(randomInt(1, 1_000_000_000)),
      internalId,
      relateCredit: false,
      preventDocumentMapping: false,
    });
    const credit = expectAccepted(outcome);
    expect(credit.mark).not.toBe(original.mark);
    expect(await client().lookupStatus({ internalId })).toMatchObject({ kind: "found", status: "accepted", mark: credit.mark });
  });
});
