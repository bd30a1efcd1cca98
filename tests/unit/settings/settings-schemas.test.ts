import { describe, expect, it } from "vitest";
import { counterpartySchema } from "@/lib/validation/draft";
import { branchBodySchema, issuerProfileBodySchema, seriesBodySchema, seriesPatchSchema } from "@/lib/validation/settings";

const codes = (result: { success: boolean; error?: { issues: { path: PropertyKey[]; message: string }[] } }) =>
  (result.error?.issues ?? []).map((issue) => `${issue.path.join(".")}:${issue.message}`);

const profile = { vat: "094259216", name: "BEST SHOPPING", address: { countryCode: "GR", city: "ΑΘΗΝΑ", street: "ΟΔΟΣ", postalCode: "10551" } };

describe("issuer profile schema", () => {
  it("normalises the AFM and reads a blank default classification as none", () => {
    expect(issuerProfileBodySchema.parse({ ...profile, defaultClassification: { category: "", type: null } })).toMatchObject({ vat: "EL094259216", defaultClassification: null });
    expect(issuerProfileBodySchema.parse(profile).defaultClassification).toBeNull();
    expect(issuerProfileBodySchema.parse({ ...profile, defaultClassification: { category: "category1_95", type: "" } }).defaultClassification).toEqual({ category: "category1_95", type: null });
  });

  it("refuses a wrong AFM, a foreign issuer and a classification 5.2 does not allow", () => {
    expect(codes(issuerProfileBodySchema.safeParse({ ...profile, vat: "EL123456789" }))).toEqual(["vat:afm_check_digit"]);
    expect(codes(issuerProfileBodySchema.safeParse({ ...profile, address: { ...profile.address, countryCode: "CY" } }))).toEqual(["address.countryCode:issuer_not_greek"]);
    expect(codes(issuerProfileBodySchema.safeParse({ ...profile, defaultClassification: { category: "category1_1", type: "E3_880_001" } }))).toEqual(["defaultClassification.type:classification_not_allowed"]);
  });
});

describe("branch and series schemas", () => {
  it("keeps branch 0 for the head office", () => {
    expect(codes(branchBodySchema.safeParse({ branchCode: 0, name: "x" }))).toEqual(["branchCode:branch_code_range"]);
    expect(branchBodySchema.parse({ branchCode: "12", name: " Πάτρα " })).toEqual({ branchCode: 12, name: "Πάτρα" });
  });

  it("checks series codes like the draft does and numbers from 1", () => {
    expect(seriesBodySchema.parse({ issuerVat: "EL094259216", code: "Α-1/2025" })).toEqual({ issuerVat: "EL094259216", code: "Α-1/2025", nextNumber: 1, description: undefined });
    expect(codes(seriesBodySchema.safeParse({ issuerVat: "EL094259216", code: "A 1", nextNumber: 0 })).sort()).toEqual(["code:invalid_series", "nextNumber:next_number_range"]);
    expect(seriesPatchSchema.parse({ nextNumber: "42" })).toEqual({ nextNumber: 42, description: undefined });
  });
});

describe("counterparty schema (address book and draft)", () => {
  const party = { name: "FOREIGN COMPANY", vat: "DE123456789", address: { countryCode: "DE", city: "Reutlingen", street: "S", postalCode: "1" }, emails: [] };

  it("reports a wrong VAT number together with the other fields' problems", () => {
    expect(codes(counterpartySchema.safeParse({ ...party, name: "", vat: "DE12" }))).toEqual(["name:required", "vat:vat_format"]);
  });

  it("reports each VAT problem once and normalises valid numbers", () => {
    expect(codes(counterpartySchema.safeParse({ ...party, vat: "DE12" }))).toEqual(["vat:vat_format"]);
    expect(codes(counterpartySchema.safeParse({ ...party, vat: "" }))).toEqual(["vat:required"]);
    expect(counterpartySchema.parse({ ...party, vat: "EL094259216", address: { ...party.address, countryCode: "GR" } }).vat).toBe("EL094259216");
    expect(counterpartySchema.parse({ ...party, vat: "094 259 216", address: { ...party.address, countryCode: "gr" } }).vat).toBe("EL094259216");
  });
});
