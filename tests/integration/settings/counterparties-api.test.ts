import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { GET as search, POST as save } from "@/app/api/counterparties/route";
import { DELETE as remove, GET as getOne, PATCH as change } from "@/app/api/counterparties/[id]/route";
import { openTestDb, testEngines, type TestDb } from "@/tests/support/db";
import { call, createSessions, setTestEnvironment, useDatabase, type Sessions } from "./harness";

setTestEnvironment();

const omega = {
  name: "ΩΜΈΓΑ ΕΜΠΟΡΙΚΉ Α.Ε.",
  vat: "800 123 456",
  code: "C-100",
  address: { countryCode: "gr", city: "ΑΘΗΝΑ", street: "ΣΤΑΔΙΟΥ 5", postalCode: "10562" },
  emails: ["a@omega.gr", " "],
};

describe.each(testEngines())("counterparty address book API (%s)", (engine) => {
  let testDb: TestDb;
  let s: Sessions;
  let omegaId = "";

  beforeAll(async () => {
    testDb = await openTestDb(engine);
    useDatabase(testDb.db);
    s = await createSessions();
  });
  afterAll(async () => {
    useDatabase(undefined);
    await testDb.cleanup();
  });

  it("saves an entry with its VAT number normalised for its country, and audits it", async () => {
    const created = await call(save, "/api/counterparties", { body: omega, token: s.clerk, headers: { "x-correlation-id": "corr-cp-1" } });
    expect(created.status).toBe(201);
    const { counterparty } = await created.json();
    omegaId = counterparty.id;
    expect(counterparty).toMatchObject({ vat: "EL800123456", code: "C-100", address: { countryCode: "GR" }, emails: ["a@omega.gr"] });
    const audit = await testDb.db.selectFrom("audit_log").selectAll().where("action", "=", "counterparty.create").execute();
    expect(audit).toEqual([expect.objectContaining({ actor: "clerk@compose.test", target: omegaId, correlation_id: "corr-cp-1" })]);
  });

  it("updates instead of duplicating when the same VAT number is saved again", async () => {
    const again = await call(save, "/api/counterparties", { body: { ...omega, vat: "EL800123456", address: { ...omega.address, city: "ΠΕΙΡΑΙΑΣ" } }, token: s.clerk });
    expect(again.status).toBe(200);
    expect((await again.json()).counterparty).toMatchObject({ id: omegaId, address: { city: "ΠΕΙΡΑΙΑΣ" } });
    expect(await testDb.db.selectFrom("counterparties").select("id").execute()).toHaveLength(1);
  });

  it("finds entries whatever the case and accents, by name, VAT number or code, and treats % and _ literally", async () => {
    await call(save, "/api/counterparties", {
      body: { name: "FOREIGN COMPANY", vat: "DE123456789", address: { countryCode: "DE", city: "Reutlingen", street: "STREET NUMBER", postalCode: "12345" }, emails: [] },
      token: s.clerk,
    });
    const names = async (q: string) =>
      ((await (await call(search, `/api/counterparties?q=${encodeURIComponent(q)}`, { token: s.clerk })).json()).items as { name: string }[]).map((e) => e.name);
    expect(await names("ωμεγα εμπορικη")).toEqual(["ΩΜΈΓΑ ΕΜΠΟΡΙΚΉ Α.Ε."]);
    expect(await names("800123")).toEqual(["ΩΜΈΓΑ ΕΜΠΟΡΙΚΉ Α.Ε."]);
    expect(await names("c-100")).toEqual(["ΩΜΈΓΑ ΕΜΠΟΡΙΚΉ Α.Ε."]);
    expect(await names("foreign")).toEqual(["FOREIGN COMPANY"]);
    expect(await names("")).toEqual(["FOREIGN COMPANY", "ΩΜΈΓΑ ΕΜΠΟΡΙΚΉ Α.Ε."]);
    expect(await names("%")).toEqual([]);
    expect(await names("_")).toEqual([]);
    expect((await call(search, "/api/counterparties?limit=1000", { token: s.clerk })).status).toBe(422);
  });

  it("refuses an invalid entry with field errors in Greek or English, and writes nothing", async () => {
    const bad = { ...omega, name: "", vat: "800123457", emails: ["not-an-email"] };
    const greek = await call(save, "/api/counterparties", { body: bad, token: s.clerk });
    expect(greek.status).toBe(422);
    expect((await greek.json()).errors).toEqual(expect.arrayContaining([
      { path: "name", code: "required", message: "Επωνυμία: είναι υποχρεωτικό" },
      { path: "vat", code: "afm_check_digit", message: "ΑΦΜ / VAT: μη έγκυρος ΑΦΜ (λάθος ψηφίο ελέγχου)" },
      expect.objectContaining({ path: "emails.0", code: "invalid_email" }),
    ]));
    const english = await call(save, "/api/counterparties", { body: bad, token: s.clerk, headers: { "accept-language": "en" } });
    expect((await english.json()).errors).toContainEqual({ path: "name", code: "required", message: "Name: is required" });
    expect(await testDb.db.selectFrom("counterparties").select("id").execute()).toHaveLength(2);
  });

  it("reads, changes and deletes one entry; viewers may not use the address book", async () => {
    expect((await (await call(getOne, `/api/counterparties/${omegaId}`, { token: s.clerk }, { id: omegaId })).json()).counterparty.name).toBe(omega.name);
    const changed = await call(change, `/api/counterparties/${omegaId}`, { method: "PATCH", body: { ...omega, name: "ΩΜΕΓΑ ΝΕΑ" }, token: s.clerk }, { id: omegaId });
    expect((await changed.json()).counterparty.name).toBe("ΩΜΕΓΑ ΝΕΑ");
    expect((await call(search, "/api/counterparties?q=νεα", { token: s.clerk }).then((r) => r.json())).items).toHaveLength(1);
    expect((await call(search, "/api/counterparties", { token: s.viewer })).status).toBe(403);
    expect((await call(remove, `/api/counterparties/${omegaId}`, { method: "DELETE", token: s.viewer }, { id: omegaId })).status).toBe(403);
    expect((await call(remove, `/api/counterparties/${omegaId}`, { method: "DELETE", token: s.clerk }, { id: omegaId })).status).toBe(200);
    expect((await call(getOne, `/api/counterparties/${omegaId}`, { token: s.clerk }, { id: omegaId })).status).toBe(404);
  });

  it("refuses a mutation from another origin before touching anything", async () => {
    const foreign = await call(save, "/api/counterparties", { body: omega, token: s.clerk, headers: { origin: "https://evil.example" } });
    expect(foreign.status).toBe(403);
  });
});
