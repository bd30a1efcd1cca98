import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { POST as issue } from "@/app/api/credit-notes/route";
import { GET as listProfiles, POST as createProfile } from "@/app/api/issuer-profiles/route";
import { DELETE as deleteProfile, PATCH as changeProfile } from "@/app/api/issuer-profiles/[id]/route";
import { POST as addBranch } from "@/app/api/issuer-profiles/[id]/branches/route";
import { DELETE as deleteBranch, PATCH as changeBranch } from "@/app/api/issuer-profiles/[id]/branches/[branchId]/route";
import { GET as listSeries, POST as createSeries } from "@/app/api/series/route";
import { DELETE as deleteSeries, PATCH as changeSeries } from "@/app/api/series/[id]/route";
import { sampleDraft } from "@/tests/fixtures/sample-draft";
import { openTestDb, testEngines, type TestDb } from "@/tests/support/db";
import { call, createSessions, setTestEnvironment, useDatabase, type Sessions } from "./harness";

setTestEnvironment();

const profileBody = {
  vat: "094259216",
  name: "BEST SHOPPING",
  address: { countryCode: "GR", city: "ΑΘΗΝΑ", street: "ΟΔΟΣ ΑΡΙΘΜΟΣ", postalCode: "10551" },
  defaultClassification: { category: "category1_3", type: "E3_561_001" },
};

describe.each(testEngines())("issuer profiles, branches and series API (%s)", (engine) => {
  let testDb: TestDb;
  let s: Sessions;
  let profileId = "";

  beforeAll(async () => {
    testDb = await openTestDb(engine);
    useDatabase(testDb.db);
    s = await createSessions();
  });
  afterAll(async () => {
    useDatabase(undefined);
    await testDb.cleanup();
  });

  it("lets only an administrator add a profile; clerks read profiles for the wizard", async () => {
    expect((await call(createProfile, "/api/issuer-profiles", { body: profileBody, token: s.clerk })).status).toBe(403);
    const created = await call(createProfile, "/api/issuer-profiles", { body: profileBody, token: s.admin });
    expect(created.status).toBe(201);
    const { profile } = await created.json();
    profileId = profile.id;
    expect(profile).toMatchObject({ vat: "EL094259216", defaultClassification: { category: "category1_3", type: "E3_561_001" }, branches: [] });
    expect((await call(createProfile, "/api/issuer-profiles", { body: { ...profileBody, vat: "EL094259216" }, token: s.admin })).status).toBe(409);
    const listed = await (await call(listProfiles, "/api/issuer-profiles", { token: s.clerk })).json();
    expect(listed.items.map((p: { id: string }) => p.id)).toEqual([profileId]);
    expect((await call(listProfiles, "/api/issuer-profiles", { token: s.viewer })).status).toBe(403);
    expect(await testDb.db.selectFrom("audit_log").select("action").where("action", "like", "settings.%").execute()).toEqual([{ action: "settings.issuer_profile.create" }]);
  });

  it("refuses a foreign issuer, a wrong AFM and a classification 5.2 does not allow", async () => {
    const bad = await call(createProfile, "/api/issuer-profiles", {
      body: { ...profileBody, vat: "123456789", address: { ...profileBody.address, countryCode: "DE" }, defaultClassification: { category: "category1_4", type: "E3_561_001" } },
      token: s.admin,
    });
    expect(bad.status).toBe(422);
    const errors = (await bad.json()).errors.map((e: { path: string; code: string }) => `${e.path}:${e.code}`);
    expect(errors).toEqual(expect.arrayContaining(["vat:afm_check_digit", "address.countryCode:issuer_not_greek", "defaultClassification.type:classification_not_allowed"]));
    const noDefault = await call(changeProfile, `/api/issuer-profiles/${profileId}`, {
      method: "PATCH", body: { ...profileBody, defaultClassification: { category: "", type: null } }, token: s.admin,
    }, { id: profileId });
    expect((await noDefault.json()).profile.defaultClassification).toBeNull();
  });

  it("adds, renames and deletes branches; branch 0 is the head office and codes are unique per profile", async () => {
    const zero = await call(addBranch, `/api/issuer-profiles/${profileId}/branches`, { body: { branchCode: 0, name: "Έδρα" }, token: s.admin }, { id: profileId });
    expect(zero.status).toBe(422);
    expect((await zero.json()).errors[0].message).toBe("Κωδικός υποκαταστήματος: πρέπει να είναι ακέραιος από 1 έως 999999 (το 0 είναι η έδρα)");
    const added = await call(addBranch, `/api/issuer-profiles/${profileId}/branches`, { body: { branchCode: "2", name: "Θεσσαλονίκη" }, token: s.admin }, { id: profileId });
    expect(added.status).toBe(201);
    const branch = (await added.json()).profile.branches[0];
    expect(branch).toMatchObject({ branchCode: 2, name: "Θεσσαλονίκη" });
    expect((await call(addBranch, `/api/issuer-profiles/${profileId}/branches`, { body: { branchCode: 2, name: "Άλλο" }, token: s.admin }, { id: profileId })).status).toBe(409);
    const params = { id: profileId, branchId: branch.id };
    const renamed = await call(changeBranch, "/api/issuer-profiles/x/branches/y", { method: "PATCH", body: { branchCode: 3, name: "Καλαμαριά" }, token: s.admin }, params);
    expect((await renamed.json()).profile.branches).toEqual([{ id: branch.id, branchCode: 3, name: "Καλαμαριά" }]);
    expect((await call(deleteBranch, "/api/issuer-profiles/x/branches/y", { method: "DELETE", token: s.clerk }, params)).status).toBe(403);
    expect((await call(deleteBranch, "/api/issuer-profiles/x/branches/y", { method: "DELETE", token: s.admin }, params)).status).toBe(200);
    expect((await call(deleteBranch, "/api/issuer-profiles/x/branches/y", { method: "DELETE", token: s.admin }, params)).status).toBe(404);
  });

  it("manages series: the next number set here is the one the next issued document receives", async () => {
    expect((await call(createSeries, "/api/series", { body: { issuerVat: "094259216", code: "A1" }, token: s.clerk })).status).toBe(403);
    const created = await call(createSeries, "/api/series", { body: { issuerVat: "094259216", code: "A1", nextNumber: "7", description: "Πιστωτικά" }, token: s.admin });
    expect(created.status).toBe(201);
    const { series } = await created.json();
    expect(series).toMatchObject({ issuerVat: "EL094259216", code: "A1", nextNumber: 7, description: "Πιστωτικά" });
    expect((await call(createSeries, "/api/series", { body: { issuerVat: "EL094259216", code: "A1" }, token: s.admin })).status).toBe(409);
    const badCode = await call(createSeries, "/api/series", { body: { issuerVat: "EL094259216", code: "A 1", nextNumber: 0 }, token: s.admin });
    expect((await badCode.json()).errors.map((e: { code: string }) => e.code).sort()).toEqual(["invalid_series", "next_number_range"]);

    const moved = await call(changeSeries, `/api/series/${series.id}`, { method: "PATCH", body: { nextNumber: 42 }, token: s.admin }, { id: String(series.id) });
    expect((await moved.json()).series).toMatchObject({ nextNumber: 42, description: "Πιστωτικά" });
    const draft = { ...sampleDraft(), id: undefined, series: "A1", number: undefined };
    const issued = await call(issue, "/api/credit-notes", { body: { draft }, token: s.clerk });
    expect((await issued.json()).number).toBe("42");
    const listed = await (await call(listSeries, "/api/series?issuerVat=EL094259216", { token: s.clerk })).json();
    expect(listed.items).toEqual([expect.objectContaining({ code: "A1", nextNumber: 43 })]);
    expect((await call(listSeries, "/api/series?issuerVat=123", { token: s.clerk })).status).toBe(422);

    // The next number cannot move back to or below one already used (42): refused in the caller's language.
    const patchTo = (nextNumber: number, headers: Record<string, string> = {}) =>
      call(changeSeries, `/api/series/${series.id}`, { method: "PATCH", body: { nextNumber }, token: s.admin, headers }, { id: String(series.id) });
    for (const backwards of [42, 7, 1]) {
      const refused = await patchTo(backwards);
      expect(refused.status).toBe(422);
      expect((await refused.json()).errors).toEqual([{
        path: "nextNumber", code: "next_number_used",
        message: "Επόμενος αριθμός: πρέπει να είναι μεγαλύτερος από 42, τον τελευταίο αριθμό που έχει ήδη χρησιμοποιηθεί στη σειρά",
      }]);
    }
    const inEnglish = await patchTo(40, { "accept-language": "en" });
    expect((await inEnglish.json()).errors[0].message).toBe("Next number: must be greater than 42, the last number already used in this series");
    expect((await (await call(listSeries, "/api/series?issuerVat=EL094259216", { token: s.clerk })).json()).items[0].nextNumber).toBe(43);
    // Unchanged passes (a description edit), and forwards is allowed.
    const same = await call(changeSeries, `/api/series/${series.id}`, { method: "PATCH", body: { nextNumber: 43, description: "Πιστωτικά Α" }, token: s.admin }, { id: String(series.id) });
    expect(same.status).toBe(200);
    const forwards = await patchTo(100);
    expect(forwards.status).toBe(200);
    expect((await forwards.json()).series).toMatchObject({ nextNumber: 100, description: "Πιστωτικά Α" });
    expect((await patchTo(43)).status).toBe(200);

    expect((await call(deleteSeries, `/api/series/${series.id}`, { method: "DELETE", token: s.admin }, { id: String(series.id) })).status).toBe(409);
    const unused = await (await call(createSeries, "/api/series", { body: { issuerVat: "EL094259216", code: "B2" }, token: s.admin })).json();
    expect((await call(deleteSeries, `/api/series/${unused.series.id}`, { method: "DELETE", token: s.admin }, { id: String(unused.series.id) })).status).toBe(200);
    expect((await call(deleteSeries, "/api/series/abc", { method: "DELETE", token: s.admin }, { id: "abc" })).status).toBe(404);
  });

  it("deletes a profile with its branches", async () => {
    await call(addBranch, `/api/issuer-profiles/${profileId}/branches`, { body: { branchCode: 5, name: "Πάτρα" }, token: s.admin }, { id: profileId });
    expect((await call(deleteProfile, `/api/issuer-profiles/${profileId}`, { method: "DELETE", token: s.admin }, { id: profileId })).status).toBe(200);
    expect(await testDb.db.selectFrom("issuer_branches").select("id").execute()).toEqual([]);
    expect((await call(deleteProfile, `/api/issuer-profiles/${profileId}`, { method: "DELETE", token: s.admin }, { id: profileId })).status).toBe(404);
  });
});
