import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { editableDraftOfDocument } from "@/lib/provider/impact/read-document";
import { editableDraftSchema, type EditableDraft } from "@/lib/validation/draft-snapshot";

/** The editable draft of a stored payload, read through the draft's one declaration. */
const draftFromPayload = (payload: unknown): EditableDraft => editableDraftSchema.parse(editableDraftOfDocument(payload));
import { buildProviderDocument } from "@/lib/provider/impact/document";
import { readStoredDraft } from "@/lib/validation/stored-draft";
import { loadOverview } from "@/lib/history/overview";
import { seedHistory } from "@/lib/seed/seed-history";
import { issueCreditNote } from "@/lib/sending/issue";
import { parseDraft } from "@/lib/validation/parse-draft";
import { openTestDb, testEngines, type TestDb } from "@/tests/support/db";
import { sampleIssueRequest } from "@/tests/unit/sending/credit-note-fixture";

const NOW = new Date("2025-06-18T09:30:00.000Z");

describe.each(testEngines())("seeded history on %s", (engine) => {
  let t: TestDb;

  beforeAll(async () => {
    t = await openTestDb(engine);
  });
  afterAll(async () => {
    await t.cleanup();
  });

  it("holds every status, several series and rates, Greek and foreign counterparties, attempts and events", async () => {
    const result = await seedHistory(t.db, { documents: 1_200, providerBaseUrl: "http://127.0.0.1:4010", now: NOW, spanDays: 60, seed: 5 });
    expect(result.documents).toBe(1_200);
    for (const status of ["queued", "sending", "accepted", "rejected", "unknown", "needs_attention"] as const) expect(result.byStatus[status], status).toBeGreaterThan(0);
    const docs = await t.db.selectFrom("documents").selectAll().execute();
    expect(docs).toHaveLength(1_200);
    expect(new Set(docs.map((doc) => doc.series)).size).toBeGreaterThanOrEqual(4);
    expect(new Set(docs.map((doc) => doc.counterparty_vat?.slice(0, 2))).size).toBeGreaterThanOrEqual(6);
    expect(docs.some((doc) => doc.kind === "credit_existing")).toBe(true);
    expect(docs.filter((doc) => doc.status === "accepted").every((doc) => /^3\d{14}$/.test(doc.mark ?? "") && doc.uid && doc.url)).toBe(true);
    expect(docs.filter((doc) => doc.status === "rejected").every((doc) => JSON.parse(doc.last_error_json ?? "{}").errors.length > 0)).toBe(true);
    const rates = new Set(docs.flatMap((doc) => (doc.kind === "compose" ? (JSON.parse(doc.payload_json) as { Details: { VatCategoryCode: number }[] }).Details.map((line) => line.VatCategoryCode) : [])));
    expect(rates.size).toBeGreaterThanOrEqual(4);
    const attempts = await t.db.selectFrom("attempts").select((eb) => eb.fn.countAll<number>().as("n")).executeTakeFirstOrThrow();
    expect(Number(attempts.n)).toBe(result.attempts);
    expect(docs.every((doc) => doc.attempt_count >= 0)).toBe(true);
    // Every composed document reads back as a draft the compose schema accepts.
    for (const doc of docs.filter((d) => d.kind === "compose").slice(0, 200)) expect(parseDraft(draftFromPayload(JSON.parse(doc.payload_json))).ok).toBe(true);
    // …and keeps the draft it was built from: accepted by the compose schema, rebuilding the payload exactly.
    for (const doc of docs.filter((d) => d.kind === "compose").slice(0, 200)) {
      const parsed = parseDraft(readStoredDraft(doc.draft_json, doc.draft_version));
      if (!parsed.ok) throw new Error(JSON.stringify(parsed.errors));
      const identity = { internalDocumentId: doc.internal_document_id, series: doc.series, number: doc.number, issuedAt: doc.issued_at };
      expect(JSON.stringify(buildProviderDocument(parsed.value.input, identity))).toBe(doc.payload_json);
    }
    expect(docs.filter((doc) => doc.kind === "credit_existing").every((doc) => doc.draft_json === null && doc.draft_version === null)).toBe(true);
    const overview = await loadOverview(t.db, { now: new Date(NOW.getTime() + 10 * 60_000) });
    expect(overview.attention.counts).toMatchObject({ rejected: result.byStatus.rejected, needs_attention: result.byStatus.needs_attention, unknown: result.byStatus.unknown, stuck: result.byStatus.queued });
    expect(Object.values(overview.month).reduce((a, b) => a + b, 0)).toBeGreaterThan(Object.values(overview.today).reduce((a, b) => a + b, 0));
  }, 120_000);

  it("adds to what is there, numbering on, and leaves the series counters past every number used", async () => {
    await seedHistory(t.db, { documents: 300, providerBaseUrl: "http://127.0.0.1:4010", now: NOW, spanDays: 60, seed: 6 });
    const docs = await t.db.selectFrom("documents").select(["series", "number"]).execute();
    expect(docs).toHaveLength(1_500);
    expect(new Set(docs.map((doc) => `${doc.series}/${doc.number}`)).size).toBe(1_500);
    const issued = await issueCreditNote(t.db, sampleIssueRequest({ series: "ΠΤ" }), { now: NOW });
    const highest = Math.max(...docs.filter((doc) => doc.series === "ΠΤ").map((doc) => Number(doc.number)));
    expect(Number(issued.number)).toBe(highest + 1);
  }, 60_000);
});
