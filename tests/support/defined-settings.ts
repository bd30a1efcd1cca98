import { randomUUID } from "node:crypto";
import { insertIssuerProfile, insertSeries } from "@/lib/db/issuer-queries";
import type { Db } from "@/lib/db/schema";

/**
 * Defines, straight in the database, what an administrator would before anyone issues: the
 * sample draft's issuer (tests/fixtures/sample-draft.ts) and the given series of it.
 */
export async function defineSampleIssuerInDb(db: Db, series: readonly string[], vat = "EL094259216"): Promise<void> {
  const now = new Date().toISOString();
  await insertIssuerProfile(db, {
    id: randomUUID(),
    values: { vat, name: "BEST SHOPPING", countryCode: "GR", city: "ΑΘΗΝΑ", street: "ΟΔΟΣ ΑΡΙΘΜΟΣ", postalCode: "10551", defaultIncomeCategory: null, defaultIncomeType: null },
    now,
  });
  for (const code of series) await insertSeries(db, { issuerVat: vat, code, nextNumber: 1, description: null, now });
}
