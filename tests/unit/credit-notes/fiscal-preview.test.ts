import { describe, expect, it } from "vitest";
import { previewCreditNote } from "@/lib/credit-notes/preview";
import { ValidationFailure } from "@/lib/domain/errors";
import type { Locale } from "@/lib/i18n/locale";
import { sampleDraft, type SampleDraft } from "@/tests/fixtures/sample-draft";

const NOW = new Date("2026-07-01T09:30:00Z"); // 12:30 in Athens

/** The one field error a preview of `draft` answers with, in `locale`. */
async function refusal(draft: unknown, locale: Locale = "en", lastIssuedAt?: () => Promise<string | null>) {
  const error: unknown = await previewCreditNote({ draft }, locale, NOW, lastIssuedAt).then(() => null, (caught: unknown) => caught);
  expect(error).toBeInstanceOf(ValidationFailure);
  return (error as ValidationFailure).errors;
}

function draftWith(change: (draft: SampleDraft) => void): SampleDraft {
  const draft = sampleDraft();
  change(draft);
  return draft;
}

describe("preview refuses what myDATA refuses, naming the field in Greek and English", () => {
  it("a country outside myDATA's list (XI, QQ) is refused by name; EL is read as GR and the VAT keeps its EL prefix", async () => {
    const northernIreland = draftWith((d) => { d.counterparty.address.countryCode = "XI"; });
    expect(await refusal(northernIreland)).toContainEqual(expect.objectContaining({
      path: "draft.counterparty.address.countryCode",
      code: "unknown_country",
      message: expect.stringContaining("“XI” is not a myDATA country code"),
    }));
    const [greek] = await refusal(draftWith((d) => { d.counterparty.address.countryCode = "QQ"; }), "el");
    expect(greek?.message).toContain("«QQ» δεν είναι κωδικός χώρας του myDATA");

    const el = draftWith((d) => {
      d.counterparty = { ...d.counterparty, vat: "094259216", address: { ...d.counterparty.address, countryCode: "el" } };
    });
    const { document } = await previewCreditNote({ draft: el }, "en", NOW);
    expect(document.CounterParty.Address.CountryCode).toBe("GR");
    expect(document.CounterParty.Vat).toBe("EL094259216");
  });

  it("a number that is not a positive integer without leading zeros: 0 (AADE 212), 017, ABC", async () => {
    for (const number of ["0", "017", "ABC"]) {
      const errors = await refusal(draftWith((d) => { d.number = number; }));
      expect(errors).toEqual([expect.objectContaining({ path: "draft.number", code: "invalid_document_number", message: expect.stringContaining("positive whole number") })]);
    }
  });

  it("an issue date in the future (Athens time) is refused; now is accepted", async () => {
    const errors = await refusal(draftWith((d) => { d.issuedAt = "2026-07-01T12:31:00"; }));
    expect(errors).toEqual([expect.objectContaining({ path: "draft.issuedAt", code: "issued_at_future", message: "Issue date: cannot be in the future (now: 2026-07-01 12:30:00)" })]);
    const { document } = await previewCreditNote({ draft: draftWith((d) => { d.issuedAt = "2026-07-01T12:30:00"; }) }, "en", NOW);
    expect(document.DateIssued).toBe("2026-07-01T12:30:00");
  });

  it("an issue date earlier than the series' last document is refused; the same moment is accepted", async () => {
    const last = async () => "2026-06-15T10:00:00";
    const errors = await refusal(draftWith((d) => { d.issuedAt = "2026-06-14T23:59:59"; }), "el", last);
    expect(errors).toEqual([expect.objectContaining({ path: "draft.issuedAt", code: "issued_at_before_series" })]);
    expect(errors[0]?.message).toContain("D9439 (2026-06-15 10:00:00)");
    await expect(previewCreditNote({ draft: draftWith((d) => { d.issuedAt = "2026-06-15T10:00:00"; }) }, "el", NOW, last)).resolves.toBeTruthy();
  });

  it("payment method 7 (POS) is refused with its reason; 8 (IRIS) is accepted", async () => {
    const errors = await refusal(draftWith((d) => { d.payments = [{ methodCode: 7, amount: "7.99" }]; }));
    expect(errors).toEqual([expect.objectContaining({ path: "draft.payments.0.methodCode", code: "payment_method_pos", message: expect.stringContaining("provider's signature") })]);
    await expect(previewCreditNote({ draft: draftWith((d) => { d.payments = [{ methodCode: 8, amount: "7.99" }]; }) }, "en", NOW)).resolves.toBeTruthy();
  });

  it("unit 7 (other) is refused: its quantity and title are not collected", async () => {
    const errors = await refusal(draftWith((d) => { d.lines[0]!.unitCode = 7; }), "el");
    expect(errors).toEqual([expect.objectContaining({ path: "draft.lines.0.unitCode", code: "unit_other_not_offered", message: expect.stringContaining("η μονάδα 7") })]);
  });
});
