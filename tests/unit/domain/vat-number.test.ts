import { describe, expect, it } from "vitest";
import { isEuCountry, isValidAfm, normalizeVatNumber, vatPrefixForCountry } from "@/lib/domain/vat-number";
import { readSharedJson } from "./support";

interface AfmRules {
  vatNumberRules: { greekAfm: { verifiedValidExamples: { afm: string }[]; verifiedInvalidExamples: { afm: string }[] } };
}
const afmRules = (readSharedJson("reference/mydata-codes.json") as AfmRules).vatNumberRules.greekAfm;

describe("isValidAfm", () => {
  const valid = ["094259216", "925667500", "064677095", ...afmRules.verifiedValidExamples.map((example) => example.afm)];
  it.each([...new Set(valid)])("%s is valid", (afm) => {
    expect(isValidAfm(afm)).toBe(true);
  });

  it("covers the seven verified examples of the reference file", () => {
    expect(afmRules.verifiedValidExamples).toHaveLength(7);
  });

  const invalid = ["123456789", "925667503", "000000000", ...afmRules.verifiedInvalidExamples.map((example) => example.afm)];
  it.each([...new Set(invalid)])("%s is invalid", (afm) => {
    expect(isValidAfm(afm)).toBe(false);
  });

  it.each(["EL094259216", "GR094259216", "el094259216", "EL 094 259 216", "094.259.216", "094-259-216", "094/259/216", " 094259216 "])(
    "accepts prefixes and separators: %j",
    (raw) => {
      expect(isValidAfm(raw)).toBe(true);
    },
  );

  it.each(["94259216", "0942592160", "EL09425921A", "DE094259216", "", "ELGR094259216", "EL123456789"])("refuses %j", (raw) => {
    expect(isValidAfm(raw)).toBe(false);
  });
});

describe("normalizeVatNumber: Greece", () => {
  it.each(["EL094259216", "GR094259216", "094259216", "el 094-259-216", "094.259.216"])("%j → EL094259216", (raw) => {
    expect(normalizeVatNumber("GR", raw)).toEqual({ ok: true, vat: "EL094259216", digits: "094259216" });
  });

  it.each([
    ["12345678", "afm_format"],
    ["EL12345678A", "afm_format"],
    ["000000000", "afm_format"],
    ["123456789", "afm_check_digit"],
    ["EL925667503", "afm_check_digit"],
    ["DE094259216", "vat_prefix_mismatch"],
    ["", "vat_format"],
  ])("%j → %s", (raw, code) => {
    expect(normalizeVatNumber("GR", raw)).toEqual({ ok: false, code });
  });

  it("lower-case and spaced country codes are read as ISO codes", () => {
    expect(normalizeVatNumber(" gr ", "094259216")).toMatchObject({ ok: true, vat: "EL094259216" });
  });
});

describe("normalizeVatNumber: EU member states (VIES prefix + national format)", () => {
  it.each([
    ["AT", "U12345678"],
    ["BE", "0123456789"],
    ["BG", "123456789"],
    ["CY", "12345678L"],
    ["CZ", "12345678"],
    ["DE", "123456789"],
    ["DK", "12345678"],
    ["EE", "123456789"],
    ["ES", "X1234567L"],
    ["ES", "12345678Z"],
    ["FI", "12345678"],
    ["FR", "AB123456789"],
    ["FR", "12123456789"],
    ["HR", "12345678901"],
    ["HU", "12345678"],
    ["IE", "1234567WA"],
    ["IE", "1A23456B"],
    ["IT", "12345678901"],
    ["LT", "123456789012"],
    ["LU", "12345678"],
    ["LV", "12345678901"],
    ["MT", "12345678"],
    ["NL", "123456789B01"],
    ["PL", "1234567890"],
    ["PT", "123456789"],
    ["RO", "12345678"],
    ["SE", "123456789001"],
    ["SI", "12345678"],
    ["SK", "1234567890"],
    ["XI", "123456789"],
  ])("%s %s, with or without prefix", (country, national) => {
    const expected = { ok: true, vat: `${country}${national}`, digits: national };
    expect(normalizeVatNumber(country, national)).toEqual(expected);
    expect(normalizeVatNumber(country, `${country}${national}`)).toEqual(expected);
    expect(normalizeVatNumber(country.toLowerCase(), `${country} ${national.toLowerCase()}`)).toEqual(expected);
  });

  it("the provider's sample counterparty DE123456789 is accepted", () => {
    expect(normalizeVatNumber("DE", "DE123456789")).toEqual({ ok: true, vat: "DE123456789", digits: "123456789" });
  });

  it.each([
    ["DE", "12345678", "vat_format"],
    ["DE", "DE1234567890", "vat_format"],
    ["AT", "12345678", "vat_format"],
    ["NL", "123456789", "vat_format"],
    ["CY", "123456789", "vat_format"],
    ["FR", "DE123456789", "vat_prefix_mismatch"],
    ["DE", "EL094259216", "vat_prefix_mismatch"],
    ["IT", "FR12345678901", "vat_prefix_mismatch"],
    ["AT", "GR123456789", "vat_prefix_mismatch"],
    ["D1", "123456789", "vat_format"],
  ])("%s %j → %s", (country, raw, code) => {
    expect(normalizeVatNumber(country, raw)).toEqual({ ok: false, code });
  });

  it("a GB counterparty with an XI number keeps its Northern Ireland prefix", () => {
    expect(normalizeVatNumber("GB", "XI123456789")).toEqual({ ok: true, vat: "XI123456789", digits: "123456789" });
  });
});

describe("normalizeVatNumber: third countries", () => {
  it.each([
    ["US", "12-3456789", "US123456789", "123456789"],
    ["US", "US123456789", "US123456789", "123456789"],
    ["CH", "CHE-123.456.789", "CHE123456789", "E123456789"],
    ["NO", "123456789MVA", "NO123456789MVA", "123456789MVA"],
    ["GB", "GB123456789", "GB123456789", "123456789"],
    ["TR", "12", "TR12", "12"],
  ])("%s %j → %s", (country, raw, vat, digits) => {
    expect(normalizeVatNumber(country, raw)).toEqual({ ok: true, vat, digits });
  });

  it.each([
    ["US", "1", "vat_format"],
    ["US", "1234567890123456789012345678901", "vat_format"],
    ["US", "12#45", "vat_format"],
    ["US", "DE123456789", "vat_prefix_mismatch"],
    ["CH", "EL094259216", "vat_prefix_mismatch"],
  ])("%s %j → %s", (country, raw, code) => {
    expect(normalizeVatNumber(country, raw)).toEqual({ ok: false, code });
  });
});

describe("country helpers", () => {
  it("VIES prefix equals the ISO code except Greece (EL)", () => {
    expect(vatPrefixForCountry("GR")).toBe("EL");
    expect(vatPrefixForCountry("gr")).toBe("EL");
    expect(vatPrefixForCountry("DE")).toBe("DE");
    expect(vatPrefixForCountry("XI")).toBe("XI");
    expect(vatPrefixForCountry("US")).toBe("US");
  });

  it("knows the 27 EU member states", () => {
    expect(["GR", "EL", "DE", "CY", "ie", "SK"].every(isEuCountry)).toBe(true);
    expect(["GB", "XI", "US", "CH", "NO", ""].some(isEuCountry)).toBe(false);
  });
});
