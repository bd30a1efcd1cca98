import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Insertable } from "kysely";
import { migrateTo, migrateToLatest } from "@/lib/db/migrate";
import type { DocumentsTable } from "@/lib/db/schema";
import { editableDraftOf } from "@/lib/domain/editable-draft";
import { computeTotals } from "@/lib/domain/totals";
import type { CreditNoteInput } from "@/lib/domain/types";
import { buildProviderDocument } from "@/lib/provider/impact/document";
import { parseDraft } from "@/lib/validation/parse-draft";
import { sampleDraft } from "@/tests/fixtures/sample-draft";
import { openEmptyTestDb, testEngines, type TestDb } from "@/tests/support/db";

const COMPOSED = 450;
const at = "2025-03-24T08:00:00.000Z";

function sampleInput(): CreditNoteInput {
  const parsed = parseDraft(sampleDraft());
  if (!parsed.ok) throw new Error("sample draft invalid");
  return parsed.value.input;
}

/** A composed document as an older version stored it: the payload only. */
function composed(n: number): { row: Insertable<DocumentsTable>; input: CreditNoteInput; identity: { series: string; number: string; issuedAt: string } } {
  const input = sampleInput();
  // Net entry, a different price and quantity per document; payments add up.
  const cents = 100 + n * 37;
  const milli = 1000 + (n % 7) * 250;
  input.priceEntry = "net";
  input.lines = [{ ...input.lines[0]!, unitPriceCents: cents, quantityMilli: milli }];
  input.payments = [{ methodCode: 3, amountCents: computeTotals(input).grossCents }];
  const identity = { series: "M", number: String(n + 1), issuedAt: "2025-03-24T10:00:00" };
  const payloadJson = JSON.stringify(buildProviderDocument(input, { internalDocumentId: `i-${n}`, ...identity }));
  return {
    input, identity,
    row: {
      id: `d-${String(n).padStart(4, "0")}`, internal_document_id: `i-${n}`, kind: "compose", issuer_vat: "EL094259216", series: "M", number: String(n + 1),
      issued_at: identity.issuedAt, payload_json: payloadJson, payload_sha256: "x", status: "accepted", deadline_at: at, created_at: at, updated_at: at,
    },
  };
}

describe.each(testEngines())("migration 005: every document keeps its draft (%s)", (engine) => {
  let t: TestDb;
  const documents = Array.from({ length: COMPOSED }, (_, n) => composed(n));

  beforeAll(async () => {
    t = await openEmptyTestDb(engine);
    await migrateTo(t.db, "004-history-indexes");
    for (let i = 0; i < documents.length; i += 100) await t.db.insertInto("documents").values(documents.slice(i, i + 100).map((doc) => doc.row)).execute();
    const base = { issuer_vat: "EL094259216", series: "M", payload_sha256: "x", status: "accepted" as const, deadline_at: at, created_at: at, updated_at: at, issued_at: "2025-03-24T10:00:00" };
    await t.db.insertInto("documents").values([
      { ...base, id: "c-credit", internal_document_id: "i-credit", kind: "credit_existing", number: "9001", payload_json: JSON.stringify({ issuerTin: "EL094259216", authenticationCode: "A", mark: 1, series: "M", number: "9001" }) },
      { ...base, id: "c-broken", internal_document_id: "i-broken", kind: "compose", number: "9002", payload_json: "{not json" },
    ]).execute();
    // 005 runs first; the later migrations follow it on the way to the latest schema.
    expect((await migrateToLatest(t.db)).map((result) => result.migrationName)[0]).toBe("005-stored-draft");
  }, 120_000);
  afterAll(async () => {
    await t.cleanup();
  });

  it("fills the draft of every composed document, in batches past the first", async () => {
    const rows = await t.db.selectFrom("documents").select(["id", "kind", "draft_json", "draft_version"]).orderBy("id").execute();
    const byId = new Map(rows.map((row) => [row.id, row]));
    expect(rows.filter((row) => row.kind === "compose" && (row.draft_json === null || row.draft_version !== 1))).toEqual([]);
    for (const doc of documents) {
      const row = byId.get(String(doc.row.id));
      // Read back as the compose form writes it, exact to the cent, and parsing to the same input.
      expect(JSON.parse(row?.draft_json ?? "null")).toEqual(editableDraftOf(doc.input, doc.identity));
      const reparsed = parseDraft(JSON.parse(row?.draft_json ?? "null"));
      expect(reparsed.ok && reparsed.value.input).toEqual(doc.input);
    }
  });

  it("leaves a credit of an issued document without a draft, and gives an unreadable payload a blank one", async () => {
    const credit = await t.db.selectFrom("documents").select(["draft_json", "draft_version"]).where("id", "=", "c-credit").executeTakeFirstOrThrow();
    expect(credit).toEqual({ draft_json: null, draft_version: null });
    const broken = await t.db.selectFrom("documents").select(["draft_json", "draft_version"]).where("id", "=", "c-broken").executeTakeFirstOrThrow();
    expect(broken.draft_version).toBe(1);
    expect(JSON.parse(broken.draft_json ?? "null")).toMatchObject({ series: "", lines: [], payments: [] });
  });

  it("runs once: migrating again changes nothing", async () => {
    expect(await migrateToLatest(t.db)).toEqual([]);
  });
});
