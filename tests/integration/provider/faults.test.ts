import { randomInt, randomUUID } from "node:crypto";
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { createProviderClient } from "@/lib/provider/impact/client";
import type { DocumentQuery, ProviderClient, ProviderClientConfig } from "@/lib/provider/client-types";
import type { SendOutcome } from "@/lib/provider/types";
import { startTestSandbox } from "@/tests/support/sandbox";

// Every fault the sandbox can inject, reached through the real client over HTTP, and the
// outcome the rest of the product relies on for each.

const SAMPLE_PATH = fileURLToPath(new URL("../../fixtures/reference/5.2-b2b-credit-invoice-non-associated.json", import.meta.url));
const SAMPLE_TEXT = readFileSync(SAMPLE_PATH, "utf8");
const RESPONSE_TIMEOUT_MS = 800;

type Sandbox = Awaited<ReturnType<typeof startTestSandbox>>;
let sandbox: Sandbox;

/** The provider's 5.2 sample, issued by the sandbox's demo VAT under a fresh identity. */
function freshDocument(): { text: string; internalId: string; query: DocumentQuery } {
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
  const query = { issuerVat: sandbox.vat, series: document.Series, number: document.Number, internalId, from: "2023-03-23", to: "2023-03-25" };
  return { text: JSON.stringify(document, null, 2), internalId, query };
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

/** Re-POSTs the identical document until the sandbox stops saying "already being transmitted" (bounded); the last outcome. */
async function resendSettled(text: string): Promise<SendOutcome> {
  let outcome = await client().sendDocument(text);
  for (let i = 0; i < 30 && outcome.kind === "locked"; i += 1) {
    await new Promise((resolve) => setTimeout(resolve, 150));
    outcome = await client().sendDocument(text);
  }
  return outcome;
}

/** A duplicate answer carrying our own stored document, with the MARK the provider gave it. */
function expectOurDuplicate(outcome: SendOutcome, internalId: string): string {
  expect(outcome).toMatchObject({ kind: "duplicate", registered: { internalId } });
  if (outcome.kind !== "duplicate" || outcome.registered === null) throw new Error(`expected a duplicate, got ${outcome.kind}`);
  return outcome.registered.mark;
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
  it("accepts a valid document (AADE's QR link apart from the portal url), serves its PDF and lists it", async () => {
    const { text, internalId, query } = freshDocument();
    const accepted = expectAccepted(await client().sendDocument(text));
    expect(accepted.internalId ?? internalId).toBe(internalId);
    expect(accepted.mark).toMatch(/^\d{15}$/);
    expect(accepted.qrUrl).toBeTruthy();
    expect(accepted.qrUrl).not.toBe(accepted.url);
    const pdf = await client({ responseTimeoutMs: 15_000 }).fetchDocumentFile(accepted.url, "pdf");
    expect(pdf).toMatchObject({ ok: true, contentType: expect.stringContaining("application/pdf") });
    if (pdf.ok) expect(pdf.body.subarray(0, 5).toString("latin1")).toBe("%PDF-");
    expect(await client().findDocument(query)).toMatchObject({ kind: "found", status: "accepted", source: "document_list", mark: accepted.mark, uid: accepted.uid });
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
    expectOurDuplicate(await resendSettled(text), internalId);
  });

  it("reports error500 as unavailable 500, nothing registered: the identical resend is accepted", async () => {
    await sandbox.fault({ mode: "error500", times: 1 });
    const { text } = freshDocument();
    expect(await client().sendDocument(text)).toMatchObject({ kind: "unavailable", httpStatus: 500, registered: "no" });
    expectAccepted(await resendSettled(text));
  });

  it("reports error500_after_store as unavailable 500; the identical resend comes back as our duplicate", async () => {
    await sandbox.fault({ mode: "error500_after_store", times: 1 });
    const { text, internalId } = freshDocument();
    expect(await client().sendDocument(text)).toMatchObject({ kind: "unavailable", httpStatus: 500 });
    expectOurDuplicate(await resendSettled(text), internalId);
  });

  it("reports the provider's save error as 500 Please resend, then the number's lock as locked (408 already being transmitted)", async () => {
    const { text } = freshDocument();
    const outcome = await client().sendDocument(text, { headers: { erp: "FAKE_ELISE_SAVE_DOCUMENT_ERROR" } });
    expect(outcome).toMatchObject({ kind: "unavailable", httpStatus: 500, registered: "no", message: "Could not accept document. Please resend." });
    expect(await client().sendDocument(text)).toMatchObject({ kind: "locked", httpStatus: 408, message: expect.stringMatching(/already being transmitted/) as unknown as string });
  });

  it("times out on accept_then_hang; the identical resend brings back our document with its MARK", async () => {
    await sandbox.fault({ mode: "accept_then_hang", times: 1 });
    const { text, internalId } = freshDocument();
    expect(await client().sendDocument(text)).toMatchObject({ kind: "ambiguous", reason: "timeout", connected: true });
    expectOurDuplicate(await resendSettled(text), internalId);
  });

  it("reports reset_before_store as a connected reset; the provider has nothing, so the identical resend is accepted", async () => {
    await sandbox.fault({ mode: "reset_before_store", times: 1 });
    const { text } = freshDocument();
    expect(await client().sendDocument(text)).toMatchObject({ kind: "ambiguous", reason: "reset", connected: true });
    expectAccepted(await resendSettled(text));
  });

  it("reports reset_after_store as a connected reset; the identical resend is a 409 carrying our stored document", async () => {
    await sandbox.fault({ mode: "reset_after_store", times: 1 });
    const { text, internalId } = freshDocument();
    expect(await client().sendDocument(text)).toMatchObject({ kind: "ambiguous", reason: "reset", connected: true });
    const outcome = await resendSettled(text);
    expectOurDuplicate(outcome, internalId);
    expect(outcome.httpStatus).toBe(409);
  });

  it("reports FAKE_IAPR_DELAYED_TIMEOUT as 408 IAPR Timeout (maybe registered); once registered, the resend carries the MARK", async () => {
    await sandbox.settings({ delayedTimeoutMs: 100, delayedRegisterMs: 400 });
    await sandbox.fault({ mode: "FAKE_IAPR_DELAYED_TIMEOUT", times: 1 });
    const { text, internalId } = freshDocument();
    expect(await client().sendDocument(text)).toMatchObject({ kind: "unavailable", httpStatus: 408, registered: "maybe", message: "IAPR Timeout" });
    expectOurDuplicate(await resendSettled(text), internalId);
  });

  it("reports an unreadable 2xx as ambiguous malformed", async () => {
    await sandbox.fault({ mode: "malformed_2xx", times: 1 });
    const outcome = await client().sendDocument(freshDocument().text);
    expect(outcome).toMatchObject({ kind: "ambiguous", reason: "malformed", connected: true });
    expect(outcome.kind === "ambiguous" && outcome.httpStatus !== null && outcome.httpStatus >= 200 && outcome.httpStatus < 300).toBe(true);
  });

  it("reports timeout_408 and erp: FAKE_IAPR_TIMEOUT as unavailable 408, maybe registered", async () => {
    await sandbox.fault({ mode: "timeout_408", times: 1 });
    expect(await client().sendDocument(freshDocument().text)).toMatchObject({ kind: "unavailable", httpStatus: 408, registered: "maybe" });
    const outcome = await client().sendDocument(freshDocument().text, { headers: { erp: "FAKE_IAPR_TIMEOUT" } });
    expect(outcome).toMatchObject({ kind: "unavailable", httpStatus: 408, registered: "maybe" });
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

  it.each(["409", "2xx"] as const)("reports a resent document as a duplicate carrying its stored answer (%s shape)", async (duplicateShape) => {
    await sandbox.settings({ duplicateShape });
    const { text, internalId } = freshDocument();
    const accepted = expectAccepted(await client().sendDocument(text));
    const outcome = await client().sendDocument(text);
    expect(expectOurDuplicate(outcome, internalId)).toBe(accepted.mark);
    expect(outcome).toMatchObject({ registered: { uid: accepted.uid, authenticationCode: accepted.authenticationCode, url: accepted.url, qrUrl: accepted.qrUrl } });
    if (duplicateShape === "409") expect(outcome.httpStatus).toBe(409);
    else expect(outcome.httpStatus).toBeLessThan(300);
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

describe("finding documents and crediting through the sandbox", () => {
  it("does not list a document it never saw, and never asks /MyData/status by default", async () => {
    expect(await client().findDocument(freshDocument().query)).toMatchObject({ kind: "not_found" });
    expect((await sandbox.requests()).filter((entry) => entry.path.toLowerCase().includes("/mydata/status"))).toEqual([]);
  });

  it("asks the status look-up only when switched on (status_error500 → unavailable)", async () => {
    expect(await client({ statusLookup: true }).findDocument(freshDocument().query)).toMatchObject({ kind: "not_found", httpStatus: 404 });
    await sandbox.fault({ mode: "status_error500", times: 1 });
    expect(await client({ statusLookup: true }).findDocument(freshDocument().query)).toMatchObject({ kind: "unavailable", httpStatus: 500 });
  });

  it("credits an issued document: 201 {} without a MARK; the credit's own MARK is in the document list", async () => {
    const original = expectAccepted(await client().sendDocument(freshDocument().text));
    const internalId = randomUUID();
    const request = {
      issuerTin: sandbox.vat,
      authenticationCode: original.authenticationCode,
      mark: original.mark,
      series: `C${internalId.slice(0, 8).toUpperCase()}`,
      number: String(randomInt(1, 1_000_000_000)),
      internalId,
      relateCredit: false,
      preventDocumentMapping: false,
    };
    const outcome = await client().creditExisting(request);
    expect(outcome).toMatchObject({ kind: "accepted_without_mark", httpStatus: 201 });
    const series = `C${internalId.slice(0, 8).toUpperCase()}`;
    const today = new Date().toISOString().slice(0, 10);
    const listed = await client().findDocument({ issuerVat: sandbox.vat, series, number: request.number, internalId, from: "2020-01-01", to: `${Number(today.slice(0, 4)) + 1}-01-01`, invoiceTypes: ["5.1", "5.2"] });
    expect(listed).toMatchObject({ kind: "found", status: "accepted", series, listed: { invoiceType: "5.2" } });
    if (listed.kind === "found") expect(listed.mark).not.toBe(original.mark);
  });
});
