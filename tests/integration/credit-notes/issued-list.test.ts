import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { AuthUser } from "@/lib/auth/roles";
import { creditIssuedDocument } from "@/lib/credit-notes/issue";
import { listIssued, loadOriginal } from "@/lib/credit-notes/issued";
import { AppError } from "@/lib/domain/errors";
import type { ProviderClient } from "@/lib/provider/client-types";
import { createProviderClient } from "@/lib/provider/impact/client";
import { openTestDb, type TestDb } from "@/tests/support/db";
import { startTestSandbox, type TestSandbox } from "@/tests/support/sandbox";
import { defineSampleIssuerInDb } from "@/tests/support/defined-settings";
import { clientFor } from "@/tests/integration/sending/harness";

const clerk: AuthUser = { id: "c", email: "clerk@example.gr", name: "Clerk", role: "clerk" };

describe("Issued invoices: the provider's list merged with our history", () => {
  let t: TestDb;
  let sandbox: TestSandbox;
  let client: ProviderClient;

  beforeAll(async () => {
    [t, sandbox] = await Promise.all([openTestDb("sqlite"), startTestSandbox({ seedErp: true })]);
    client = clientFor(sandbox, 5_000);
    await defineSampleIssuerInDb(t.db, ["ZZ"], sandbox.vat);
  }, 60_000);
  afterAll(async () => {
    await Promise.all([t.cleanup(), sandbox.stop()]);
  });

  const list = (query: Record<string, string>) => listIssued(t.db, client, { issuerVat: sandbox.vat, ...query }, "en");

  it("lists the ERP's invoices of the last month with totals, searchable by number, series, counterparty VAT, MARK and pasted code", async () => {
    const all = await list({});
    expect(all.items.map((item) => `${item.invoiceType} ${item.series}/${item.number} ${item.totalNet}+${item.totalVat}=${item.totalGross} ${item.creditedGross}`)).toEqual([
      "2.1 ΤΠΥ/310 350.00+75.20=425.20 0.00", "1.1 ΤΔΑ/1043 6.44+1.55=7.99 0.00", "1.1 ΤΔΑ/1042 100.00+24.00=124.00 0.00", "1.1 ΤΔΑ/1041 158.00+29.18=187.18 0.00",
    ]);
    expect((await list({ q: "1042" })).items.map((item) => item.number)).toEqual(["1042"]);
    expect((await list({ q: "τπυ" })).items.map((item) => item.number)).toEqual(["310"]);
    expect((await list({ q: "800512413" })).items.map((item) => item.number)).toEqual(["1042"]);
    const target = all.items.find((item) => item.number === "1043");
    const code = target?.authenticationCode ?? "";
    expect((await list({ q: ` ${code.slice(0, 10).toLowerCase()} ${code.slice(10)} ` })).items.map((item) => item.number)).toEqual(["1043"]);
    expect((await list({ q: (target?.mark ?? "").replace(/(\d{5})/g, "$1 ") })).items.map((item) => item.number)).toEqual(["1043"]);
    // A pasted code outside the dates is still found; a range without it is empty otherwise.
    expect((await list({ q: code, from: "2001-01-01", to: "2001-01-31" })).items.map((item) => item.number)).toEqual(["1043"]);
    expect((await list({ q: "1043", from: "2001-01-01", to: "2001-01-31" })).items).toEqual([]);
  });

  it("never offers a credit note, and shows what was credited; our history still shows it when the provider cannot be reached", async () => {
    const original = (await list({ q: "1043" })).items[0];
    await creditIssuedDocument(t.db, client, { authenticationCode: original?.authenticationCode, mark: original?.mark, series: "ZZ", issuerVat: sandbox.vat },
      { user: clerk, locale: "en", correlationId: "t", idempotencyKey: undefined });
    // The credit itself (a 5.2 the sandbox lists once the worker sends it) would never be offered; here the ledger shows the amount.
    expect((await list({ q: "1043" })).items).toEqual([expect.objectContaining({ number: "1043", creditedGross: "7.99", source: "both" })]);
    const down = createProviderClient({ baseUrl: "http://127.0.0.1:9", apiKey: "x", connectTimeoutMs: 200, responseTimeoutMs: 200 });
    const offline = await listIssued(t.db, down, { issuerVat: sandbox.vat }, "en");
    expect(offline.providerError).not.toBeNull();
    expect(offline.items).toEqual([expect.objectContaining({ number: "1043", creditedGross: "7.99", totalGross: "7.99", source: "history" })]);
  });

  it("shows an original with its lines from the provider's myDATA XML and what remains", async () => {
    const original = (await list({ q: "1041" })).items[0];
    const view = await loadOriginal(t.db, client, { issuerVat: sandbox.vat, mark: original?.mark ?? "" }, "en");
    expect(view.original.lines?.map((line) => [line.lineNumber, line.description, line.quantityMilli, line.netCents, line.vatCents, line.vatCategory, line.incomeClassification?.category]))
      .toEqual([[1, "Καφετιέρα φίλτρου", 2000, 9000, 2160, 1, "category1_1"], [2, "Καφές φίλτρου 1 kg", 4000, 5000, 650, 2, "category1_1"], [3, "Βιβλίο συνταγών", 1000, 1800, 108, 3, "category1_1"]]);
    expect(view).toMatchObject({ creditedCents: 0, remainingCents: 18718, creditable: true, linesError: null });
    await expect(loadOriginal(t.db, client, { issuerVat: sandbox.vat, mark: "400009999999999" }, "en")).rejects.toThrow();
    await expect(listIssued(t.db, client, { issuerVat: sandbox.vat, from: "yesterday" }, "en")).rejects.toBeInstanceOf(AppError);
  });
});
