import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { POST as issue } from "@/app/api/credit-notes/route";
import { POST as creditExisting } from "@/app/api/credit-notes/credit-existing/route";
import { POST as preview } from "@/app/api/credit-notes/preview/route";
import { PUT as putDraft } from "@/app/api/drafts/[id]/route";
import { POST as createSeries } from "@/app/api/series/route";
import { PATCH as changeSeries } from "@/app/api/series/[id]/route";
import { POST as createProfile } from "@/app/api/issuer-profiles/route";
import { PATCH as changeProfile } from "@/app/api/issuer-profiles/[id]/route";
import { POST as addBranch } from "@/app/api/issuer-profiles/[id]/branches/route";
import { POST as fix } from "@/app/api/transmissions/[id]/fix/route";
import { sampleDraft } from "@/tests/fixtures/sample-draft";
import { openTestDb, testEngines, type TestDb } from "@/tests/support/db";
import { call, createSessions, defineSampleSettings, setTestEnvironment, useDatabase, type Sessions } from "@/tests/integration/settings/harness";

setTestEnvironment();

/** The sample draft, new id, number from the series. */
function draftWith(overrides: Record<string, unknown> = {}) {
  const draft: Record<string, unknown> = { ...sampleDraft(), id: randomUUID(), issuedAt: undefined, ...overrides };
  delete draft.number;
  return draft;
}

/** The field errors of a 422 (`{errors:[{path, code, message}]}`). */
async function fieldsOf(response: Response): Promise<{ path: string; code: string; message: string }[]> {
  const body = (await response.json()) as { errors?: { path: string; code: string; message: string }[] };
  return body.errors ?? [];
}

describe.each(testEngines())("issuers and series are chosen among the defined ones (%s)", (engine) => {
  let t: TestDb;
  let s: Sessions;
  let profileId: string;

  beforeAll(async () => {
    t = await openTestDb(engine);
    useDatabase(t.db);
    s = await createSessions();
    ({ profileId } = await defineSampleSettings(s.admin, ["D9439", "ΠΤ"]));
  }, 60_000);
  afterAll(async () => {
    useDatabase(undefined);
    await t.cleanup();
  });

  const seriesRows = () => t.db.selectFrom("series").select(["issuer_vat", "code"]).orderBy("code").execute();
  const documentCount = async () => (await t.db.selectFrom("documents").select("id").execute()).length;

  it("refuses an undefined series on issue, naming the field in Greek and English, and creates nothing", async () => {
    const before = await seriesRows();
    const el = await call(issue, "/api/credit-notes", { body: { draft: draftWith({ series: "NEW1" }) }, token: s.clerk });
    expect(el.status).toBe(422);
    expect(await fieldsOf(el)).toEqual([expect.objectContaining({ path: "draft.series", code: "series_not_defined", message: expect.stringMatching(/^Σειρά: η σειρά «NEW1» δεν έχει οριστεί/) })]);
    const en = await call(issue, "/api/credit-notes", { body: { draft: draftWith({ series: "NEW1" }) }, token: s.clerk, headers: { "accept-language": "en" } });
    expect((await fieldsOf(en))[0]?.message).toMatch(/^Series: series “NEW1” is not defined for this issuer/);
    expect(await seriesRows()).toEqual(before);
    expect(await documentCount()).toBe(0);
  });

  it("refuses an issuer nobody defined (by VAT number or by profile id) and an undefined branch", async () => {
    // EL090000045: a valid AFM that no profile holds.
    const stranger = draftWith({ issuer: { ...sampleDraft().issuer, vat: "EL090000045" } });
    const byVat = await call(issue, "/api/credit-notes", { body: { draft: stranger }, token: s.clerk });
    expect(byVat.status).toBe(422);
    expect(await fieldsOf(byVat)).toEqual([expect.objectContaining({ path: "draft.issuer.vat", code: "issuer_not_defined" })]);
    const byId = await call(issue, "/api/credit-notes", { body: { draft: draftWith({ issuerProfileId: randomUUID() }) }, token: s.clerk });
    expect(await fieldsOf(byId)).toEqual([expect.objectContaining({ path: "draft.issuerProfileId", code: "unknown_issuer_profile" })]);
    const branch = await call(issue, "/api/credit-notes", { body: { draft: draftWith({ issuer: { ...sampleDraft().issuer, branchCode: 7 } }) }, token: s.clerk });
    expect(await fieldsOf(branch)).toEqual([expect.objectContaining({ path: "draft.issuer.branchCode", code: "branch_not_defined" })]);
    expect(await documentCount()).toBe(0);
  });

  it("takes the issuer's name and address from its profile whatever the request typed", async () => {
    const typed = draftWith({ issuer: { ...sampleDraft().issuer, name: "SOMEONE ELSE", address: { countryCode: "GR", city: "ΠΑΤΡΑ", street: "ΑΛΛΟΥ 1", postalCode: "26221" } } });
    const response = await call(issue, "/api/credit-notes", { body: { draft: typed }, token: s.clerk });
    expect(response.status).toBe(202);
    const { id } = (await response.json()) as { id: string };
    const doc = await t.db.selectFrom("documents").select(["payload_json", "draft_json"]).where("id", "=", id).executeTakeFirstOrThrow();
    expect(JSON.parse(doc.draft_json ?? "{}").issuer).toMatchObject({ name: "BEST SHOPPING", address: { city: "ΑΘΗΝΑ" } });
    expect(doc.payload_json).not.toContain("SOMEONE ELSE");
  });

  it("reads a look-alike spelling of a defined series as that series (one numbering)", async () => {
    // "ΠT": Greek Π, Latin T; "пт" would be Cyrillic; "pt" lower-case Latin.
    const first = await call(issue, "/api/credit-notes", { body: { draft: draftWith({ series: "ΠT" }) }, token: s.clerk });
    const second = await call(issue, "/api/credit-notes", { body: { draft: draftWith({ series: "pt" }) }, token: s.clerk });
    expect([first.status, second.status]).toEqual([202, 202]);
    const numbers = [await first.json(), await second.json()].map((body: { series: string; number: string }) => `${body.series}/${body.number}`);
    expect(numbers).toEqual(["ΠΤ/1", "ΠΤ/2"]);
    expect((await seriesRows()).map((row) => row.code)).toEqual(["D9439", "ΠΤ"]);
  });

  it("preview, drafts, fix and credit of an issued document refuse an undefined series or issuer too", async () => {
    const previewed = await call(preview, "/api/credit-notes/preview", { body: { draft: draftWith({ series: "NEW2" }) }, token: s.clerk });
    expect(previewed.status).toBe(422);
    expect((await fieldsOf(previewed))[0]?.path).toBe("draft.series");

    const draftId = randomUUID();
    const saved = await call(putDraft, `/api/drafts/${draftId}`, { method: "PUT", body: { step: 0, draft: { ...draftWith({ series: "NEW2" }), id: draftId } }, token: s.clerk }, { id: draftId });
    expect(saved.status).toBe(422);
    expect((await fieldsOf(saved))[0]).toMatchObject({ path: "draft.series", code: "series_not_defined" });
    const half = await call(putDraft, `/api/drafts/${draftId}`, { method: "PUT", body: { step: 0, draft: { id: draftId, series: "" } }, token: s.clerk }, { id: draftId });
    expect(half.status).toBe(200);

    const issued = await call(issue, "/api/credit-notes", { body: { draft: draftWith() }, token: s.clerk });
    const { id } = (await issued.json()) as { id: string };
    await t.db.updateTable("documents").set({ status: "rejected", next_action: null }).where("id", "=", id).execute();
    const fixed = await call(fix, `/api/transmissions/${id}/fix`, { body: { draft: { ...draftWith(), id: undefined, issuerProfileId: randomUUID() } }, token: s.clerk }, { id });
    expect(fixed.status).toBe(422);
    expect((await fieldsOf(fixed))[0]?.path).toBe("draft.issuerProfileId");

    const credit = await call(creditExisting, "/api/credit-notes/credit-existing", {
      body: { authenticationCode: "ABC123", mark: "400001000000001", relateCredit: false, series: "NEW3", issuerVat: "EL094259216" }, token: s.clerk,
    });
    expect(credit.status).toBe(422);
    expect((await fieldsOf(credit))[0]).toMatchObject({ path: "series", code: "series_not_defined" });
    expect((await seriesRows()).map((row) => row.code)).toEqual(["D9439", "ΠΤ"]);
  });

  it("lets only an administrator define series and issuers, refuses a look-alike series and audits every change", async () => {
    expect((await call(createSeries, "/api/series", { body: { issuerVat: "EL094259216", code: "NEW4" }, token: s.clerk })).status).toBe(403);
    expect((await call(createProfile, "/api/issuer-profiles", { body: { vat: "EL090000045", name: "X", address: { countryCode: "GR", city: "A", street: "B", postalCode: "10551" } }, token: s.clerk })).status).toBe(403);
    for (const lookAlike of ["ΠT", "PT", "pτ", "ＰＴ"]) {
      const refused = await call(createSeries, "/api/series", { body: { issuerVat: "EL094259216", code: lookAlike }, token: s.admin });
      expect(refused.status, lookAlike).toBe(422);
      expect((await fieldsOf(refused))[0], lookAlike).toMatchObject({ path: "code", code: "series_lookalike", message: expect.stringContaining("«ΠΤ»") });
    }
    const created = await call(createSeries, "/api/series", { body: { issuerVat: "EL094259216", code: "ΠΤΑ" }, token: s.admin });
    expect(created.status).toBe(201);
    const { series: { id: seriesId } } = (await created.json()) as { series: { id: number } };
    expect((await call(changeSeries, `/api/series/${seriesId}`, { method: "PATCH", body: { nextNumber: 5 }, token: s.admin }, { id: String(seriesId) })).status).toBe(200);
    const profileBody = { vat: "EL094259216", name: "BEST SHOPPING A.E.", address: { countryCode: "GR", city: "ΑΘΗΝΑ", street: "ΟΔΟΣ ΑΡΙΘΜΟΣ", postalCode: "10551" } };
    expect((await call(changeProfile, `/api/issuer-profiles/${profileId}`, { method: "PATCH", body: profileBody, token: s.admin }, { id: profileId })).status).toBe(200);
    expect((await call(addBranch, `/api/issuer-profiles/${profileId}/branches`, { body: { branchCode: 3, name: "Πάτρα" }, token: s.admin }, { id: profileId })).status).toBe(201);
    const audit = await t.db.selectFrom("audit_log").select(["actor", "action", "target"]).where("action", "like", "settings.%").orderBy("id").execute();
    const actions = audit.map((row) => `${row.action} ${row.target ?? ""}`);
    expect(actions).toEqual(expect.arrayContaining([
      "settings.issuer_profile.create " + profileId, "settings.series.create EL094259216/D9439", "settings.series.create EL094259216/ΠΤ",
      "settings.series.create EL094259216/ΠΤΑ", "settings.series.update EL094259216/ΠΤΑ", "settings.issuer_profile.update " + profileId, "settings.branch.create " + profileId,
    ]));
    expect(actions.filter((action) => /ΠT|PT|pτ|ＰＴ|NEW/.test(action))).toEqual([]);
    expect(new Set(audit.map((row) => row.actor))).toEqual(new Set([audit[0]?.actor]));
    // The branch now defined may be chosen.
    const atBranch = await call(issue, "/api/credit-notes", { body: { draft: draftWith({ issuer: { ...sampleDraft().issuer, branchCode: 3 } }) }, token: s.clerk });
    expect(atBranch.status).toBe(202);
  });
});
