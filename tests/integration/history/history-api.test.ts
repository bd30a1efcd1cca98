import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { POST as issue } from "@/app/api/credit-notes/route";
import { GET as listRoute } from "@/app/api/transmissions/route";
import { GET as exportCsv } from "@/app/api/transmissions/export.csv/route";
import { GET as aade } from "@/app/api/transmissions/[id]/aade/route";
import { GET as detailRoute } from "@/app/api/transmissions/[id]/route";
import { POST as fix } from "@/app/api/transmissions/[id]/fix/route";
import { GET as pdf } from "@/app/api/transmissions/[id]/pdf/route";
import { POST as refresh } from "@/app/api/transmissions/[id]/refresh/route";
import type { Db } from "@/lib/db/schema";
import { loadDetail } from "@/lib/history/detail";
import { loadFixDraft } from "@/lib/credit-notes/fix";
import { seedHistory } from "@/lib/seed/seed-history";
import { sha256Hex } from "@/lib/sending/outbox";
import type { Worker } from "@/lib/sending/worker";
import { sampleDraft } from "@/tests/fixtures/sample-draft";
import { clientFor, driveUntilSettled, manualWorker } from "@/tests/integration/sending/harness";
import { openTestDb, testEngines, type TestDb } from "@/tests/support/db";
import { startTestSandbox, type TestSandbox } from "@/tests/support/sandbox";
import { parseCsv } from "@/tests/support/csv";
import { defineSampleIssuerInDb } from "@/tests/support/defined-settings";
import { call, userWithSession } from "./helpers";

const holder = globalThis as typeof globalThis & { creditDeskDb?: Db; creditDeskDbReady?: Promise<Db> };
let sandbox: TestSandbox;

beforeAll(async () => {
  sandbox = await startTestSandbox({ processingWindowMs: 300 });
  // Read once by lib/env on first use, which comes after this.
  process.env.IMPACT_BASE_URL = sandbox.baseUrl;
  process.env.IMPACT_API_KEY = sandbox.apiKey;
  process.env.SESSION_SECRET = "history-integration-secret-0123456789abcdef";
  delete process.env.ADMIN_EMAIL;
  delete process.env.ADMIN_PASSWORD;
}, 60_000);
afterAll(async () => {
  await sandbox.stop();
});

/** A fresh draft of the example of docs/DRAFT.md: new id, number from the series. */
function freshDraft(series: string) {
  const draft: Record<string, unknown> = { ...sampleDraft(), id: randomUUID(), series, issuedAt: undefined };
  delete draft.number;
  return draft;
}

describe.each(testEngines())("history, detail and Fix & resend over route handlers (%s)", (engine) => {
  let t: TestDb;
  let worker: Worker;
  let clerk: { email: string; token: string };
  let viewer: { email: string; token: string };

  // The sandbox outlives one engine's database; each engine numbers its own series so the two never collide there.
  async function issued(token: string, draft = freshDraft(engine === "sqlite" ? "HS" : "HP")): Promise<string> {
    const response = await call(issue, "/api/credit-notes", { body: { draft }, token });
    expect(response.status).toBe(202);
    return ((await response.json()) as { id: string }).id;
  }

  beforeAll(async () => {
    t = await openTestDb(engine);
    holder.creditDeskDb = t.db;
    holder.creditDeskDbReady = undefined;
    worker = manualWorker(t.db, clientFor(sandbox));
    clerk = await userWithSession(t.db, "clerk");
    await defineSampleIssuerInDb(t.db, ["HS", "HP"]);
    viewer = await userWithSession(t.db, "viewer");
  }, 60_000);
  afterAll(async () => {
    await worker.stop();
    holder.creditDeskDb = undefined;
    holder.creditDeskDbReady = undefined;
    await t.cleanup();
  });

  it("serves the provider's PDF and XML of an accepted document through the dashboard", async () => {
    const id = await issued(clerk.token);
    expect((await call(pdf, `/api/transmissions/${id}/pdf`, { token: viewer.token }, { id })).status).toBe(404);
    expect(await driveUntilSettled(t.db, worker, id)).toBe("accepted");
    const file = await call(pdf, `/api/transmissions/${id}/pdf`, { token: viewer.token }, { id });
    expect(file.status).toBe(200);
    expect(file.headers.get("content-type")).toBe("application/pdf");
    expect(Buffer.from(await file.arrayBuffer()).subarray(0, 5).toString()).toBe("%PDF-");
    const xml = await call(aade, `/api/transmissions/${id}/aade`, { token: viewer.token }, { id });
    expect(xml.status).toBe(200);
    expect(xml.headers.get("content-disposition")).toMatch(/^attachment;/);
    const { mark } = await t.db.selectFrom("documents").select("mark").where("id", "=", id).executeTakeFirstOrThrow();
    expect(await xml.text()).toContain(String(mark));
    expect((await call(pdf, `/api/transmissions/${id}/pdf`, {}, { id })).status).toBe(401);
    // AADE's QR link (erpQrCode) is kept apart from the portal url, and it is what the QR encodes.
    const detail = (await (await call(detailRoute, `/api/transmissions/${id}`, { token: viewer.token }, { id })).json()) as { url: string; qrUrl: string | null };
    const [registered] = (await sandbox.documents()).filter((doc) => doc.mark === mark);
    expect(registered).toBeDefined();
    expect(detail.qrUrl).toMatch(/^https?:\/\//);
    expect(detail.qrUrl).not.toBe(detail.url);
    expect((await loadDetail(t.db, id, { canAct: false }))?.qrSvg).toContain("<svg");
    const missing = randomUUID();
    expect((await call(pdf, `/api/transmissions/${missing}/pdf`, { token: viewer.token }, { id: missing })).status).toBe(404);
  });

  it("places a rejection's errors on the wizard's fields, and Fix & resend keeps the number until accepted", async () => {
    const id = await issued(clerk.token);
    // A wrong line VAT, as a faulty sender would have sent it: myDATA answers 229 on Details[0].VATTotal.
    const row = await t.db.selectFrom("documents").select("payload_json").where("id", "=", id).executeTakeFirstOrThrow();
    const payload = JSON.parse(row.payload_json) as { Details: { VATTotal: number }[] };
    payload.Details[0]!.VATTotal = 1.45;
    const tampered = JSON.stringify(payload);
    await t.db.updateTable("documents").set({ payload_json: tampered, payload_sha256: sha256Hex(tampered) }).where("id", "=", id).execute();
    expect(await driveUntilSettled(t.db, worker, id)).toBe("rejected");
    const before = await t.db.selectFrom("documents").selectAll().where("id", "=", id).executeTakeFirstOrThrow();

    const detail = await loadDetail(t.db, id, { canAct: true });
    expect(detail?.actions).toEqual(["fix", "copy", "close_out"]);
    expect(detail?.errors).toContainEqual(expect.objectContaining({ code: "229", step: "lines", path: "lines.0.vatCategory", line: 0, providerField: "Details[0].VATTotal" }));
    expect((await loadDetail(t.db, id, { canAct: false }))?.actions).toEqual([]);

    const draft = await loadFixDraft(t.db, id);
    if (draft === null) throw new Error("no stored draft");
    // The stored draft, as it was typed (gross 7,99), not the tampered payload.
    expect(draft).toMatchObject({ series: before.series, number: before.number, priceEntry: "gross", lines: [{ unitPrice: "7,99", quantity: "1" }] });
    expect((await call(fix, `/api/transmissions/${id}/fix`, { body: { draft }, token: viewer.token }, { id })).status).toBe(403);
    const badVat = { ...draft, counterparty: { ...draft.counterparty, vat: "EL123456789", address: { ...draft.counterparty.address, countryCode: "GR" } } };
    const refused = await call(fix, `/api/transmissions/${id}/fix`, { body: { draft: badVat }, token: clerk.token }, { id });
    expect(refused.status).toBe(422);
    expect(((await refused.json()) as { errors: { path: string }[] }).errors.map((e) => e.path)).toContain("draft.counterparty.vat");
    // Another issuer the administrator defined (with the same series code): still not this document's.
    await defineSampleIssuerInDb(t.db, [String(draft.series)], "EL090000045");
    const otherIssuer = { ...draft, issuer: { ...draft.issuer, vat: "EL090000045" } };
    const moved = await call(fix, `/api/transmissions/${id}/fix`, { body: { draft: otherIssuer }, token: clerk.token }, { id });
    expect(moved.status).toBe(422);
    expect(await moved.json()).toMatchObject({ errors: [{ path: "draft.issuer.vat", code: "issuer_changed" }] });

    const fixed = await call(fix, `/api/transmissions/${id}/fix`, { body: { draft }, token: clerk.token }, { id });
    expect(fixed.status).toBe(202);
    expect(await fixed.json()).toMatchObject({ id, status: "queued", series: before.series, number: before.number, internalDocumentId: before.internal_document_id });
    const queued = await t.db.selectFrom("documents").selectAll().where("id", "=", id).executeTakeFirstOrThrow();
    expect(queued).toMatchObject({ status: "queued", next_action: "send", attempt_base: 1, last_error_json: null, internal_document_id: before.internal_document_id, number: before.number });
    expect(queued.payload_sha256).not.toBe(before.payload_sha256);
    expect(JSON.parse(queued.payload_json).Details[0].VATTotal).toBe(1.55);
    const events = await t.db.selectFrom("events").select(["type", "actor"]).where("document_id", "=", id).orderBy("id").execute();
    expect(events.slice(-2)).toEqual([{ type: "fixed", actor: clerk.email }, { type: "queued", actor: clerk.email }]);

    expect(await driveUntilSettled(t.db, worker, id)).toBe("accepted");
    const after = await t.db.selectFrom("documents").selectAll().where("id", "=", id).executeTakeFirstOrThrow();
    expect([after.series, after.number, after.internal_document_id]).toEqual([before.series, before.number, before.internal_document_id]);
    const stored = (await sandbox.documents()).filter((doc) => doc.internalId === before.internal_document_id);
    expect(stored.map((doc) => `${doc.series}/${doc.number}`)).toEqual([`${before.series}/${before.number}`]);
    expect((await call(fix, `/api/transmissions/${id}/fix`, { body: { draft }, token: clerk.token }, { id })).status).toBe(409);
    const unknown = randomUUID();
    expect((await call(fix, `/api/transmissions/${unknown}/fix`, { body: { draft }, token: clerk.token }, { id: unknown })).status).toBe(404);
  });

  it("turns an unknown document into an accepted one with Refresh (the document list)", async () => {
    await sandbox.fault({ mode: "accept_then_hang", times: 1, paths: ["json"] });
    const id = await issued(clerk.token);
    // Jitter fixed at half the ceiling: a 0 ms draw would look the document up in the same pass.
    await manualWorker(t.db, clientFor(sandbox, 400), "hang-worker", () => 0.5).runOnce();
    expect(await t.db.selectFrom("documents").select(["status", "next_action"]).where("id", "=", id).executeTakeFirstOrThrow()).toEqual({ status: "unknown", next_action: "send" });
    expect((await loadDetail(t.db, id, { canAct: true }))?.actions).toEqual(["refresh", "retry", "copy"]);
    await new Promise((resolve) => setTimeout(resolve, 400));
    expect((await call(refresh, `/api/transmissions/${id}/refresh`, { body: {}, token: viewer.token }, { id })).status).toBe(403);
    const answer = await call(refresh, `/api/transmissions/${id}/refresh`, { body: {}, token: clerk.token }, { id });
    expect(answer.status).toBe(200);
    expect(await answer.json()).toMatchObject({ id, status: "accepted", changed: true });
    expect((await t.db.selectFrom("documents").select("mark").where("id", "=", id).executeTakeFirstOrThrow()).mark).toMatch(/^\d{15}$/);
    const asked = (await sandbox.requests()).map((entry) => entry.path.toLowerCase());
    expect(asked.some((path) => path.startsWith("/api/invoice/getdocuments"))).toBe(true);
    expect(asked.some((path) => path.startsWith("/mydata/status"))).toBe(false);
  });

  it("exports as CSV exactly the rows the table pages through for a filter, Greek intact, with a BOM", async () => {
    await seedHistory(t.db, { documents: 400, providerBaseUrl: sandbox.baseUrl, seed: 11 });
    const filters: Record<string, string>[] = [
      { status: "rejected" },
      { series: "ΠΤ", sort: "gross_desc" },
      { counterparty: "ωμεγα", sort: "created_asc" },
      { minGross: "100,00", maxGross: "1.500,00", sort: "gross_asc" },
      { q: "Müller", status: "accepted" },
      { issuedBy: "eleni.konstantinou@example.gr" },
    ];
    for (const filter of filters) {
      const shown: string[] = [];
      let cursor: string | null = null;
      do {
        const query = new URLSearchParams({ ...filter, limit: "37", ...(cursor ? { cursor } : {}) });
        const page = await call(listRoute, `/api/transmissions?${query}`, { token: viewer.token });
        expect(page.status).toBe(200);
        const body = (await page.json()) as { items: { series: string; number: string; counterpartyName: string | null }[]; nextCursor: string | null };
        shown.push(...body.items.map((item) => `${item.series}/${item.number}/${item.counterpartyName ?? ""}`));
        cursor = body.nextCursor;
      } while (cursor !== null);
      expect(shown.length, JSON.stringify(filter)).toBeGreaterThan(0);
      // The English CSV keeps its machine shape (column keys, commas); the Greek one is export-api.test.ts's.
      const csv = await call(exportCsv, `/api/transmissions/export.csv?${new URLSearchParams(filter)}`, { token: viewer.token, headers: { "accept-language": "en" } });
      expect(csv.status).toBe(200);
      const bytes = Buffer.from(await csv.arrayBuffer());
      expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
      const [header, ...rows] = parseCsv(bytes.subarray(3).toString("utf8"));
      const at = (name: string) => header?.indexOf(name) ?? -1;
      expect(rows.map((cells) => `${cells[at("series")]}/${cells[at("number")]}/${cells[at("counterparty")]}`), JSON.stringify(filter)).toEqual(shown);
    }
    const greek = await call(exportCsv, `/api/transmissions/export.csv?${new URLSearchParams({ counterparty: "ωμεγα" })}`, { token: viewer.token });
    expect(await greek.text()).toContain("Ωμέγα Εμπορική Α.Ε.");
  }, 60_000);

  it("pages forward and back over the API: the previous page of page 3 is page 2", async () => {
    const pages: { ids: string[]; next: string | null; prev: string | null }[] = [];
    let cursor: string | null = null;
    for (let i = 0; i < 3; i += 1) {
      const response = await call(listRoute, `/api/transmissions?${new URLSearchParams({ limit: "25", ...(cursor ? { cursor } : {}) })}`, { token: viewer.token });
      const body = (await response.json()) as { items: { id: string }[]; nextCursor: string | null; prevCursor: string | null };
      pages.push({ ids: body.items.map((item) => item.id), next: body.nextCursor, prev: body.prevCursor });
      cursor = body.nextCursor;
    }
    expect(pages[0]?.prev).toBeNull();
    const back = await call(listRoute, `/api/transmissions?${new URLSearchParams({ limit: "25", cursor: pages[2]?.prev ?? "" })}`, { token: viewer.token });
    expect(((await back.json()) as { items: { id: string }[] }).items.map((item) => item.id)).toEqual(pages[1]?.ids);
    const wrongOrder = await call(listRoute, `/api/transmissions?${new URLSearchParams({ sort: "gross_desc", cursor: pages[1]?.next ?? "" })}`, { token: viewer.token });
    expect(wrongOrder.status).toBe(422);
  });
});
