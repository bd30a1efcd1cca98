import { computeTotals } from "@/lib/domain/totals";
import type { CreditNoteInput, LineInput } from "@/lib/domain/types";
import { GREEK_VAT_CATEGORIES, SEED_PAYMENT_METHODS, SEED_PRODUCTS, type SeedParty } from "./catalog";

/** The issuer every seeded document is issued by. */
export interface SeedIssuer {
  vat: string;
  name: string;
  countryCode: string;
  city: string;
  street: string;
  postalCode: string;
}

/** Deterministic pseudo-random numbers (mulberry32), so one seed gives one history. */
export function createRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

/** A plausible line for a counterparty: Greek rates for Greek ones, 0% with an exemption abroad. */
export function seedLine(random: () => number, party: SeedParty): LineInput {
  const product = SEED_PRODUCTS[Math.floor(random() * SEED_PRODUCTS.length)] ?? SEED_PRODUCTS[0]!;
  const greek = party.countryCode === "GR";
  const vatCategory = greek ? (GREEK_VAT_CATEGORIES[Math.floor(random() * GREEK_VAT_CATEGORIES.length)] ?? 1) : 7;
  const quantityMilli = product.unitCode === 1 ? (1 + Math.floor(random() * 12)) * 1000 : Math.round((0.5 + random() * 40) * 1000);
  const priceCents = Math.max(1, Math.round(product.priceCents * (0.8 + random() * 0.4)));
  return {
    description: product.description,
    quantityMilli,
    unitCode: product.unitCode,
    unitPriceCents: priceCents,
    discountBasisPoints: random() < 0.15 ? [500, 1000, 1500][Math.floor(random() * 3)] ?? 0 : 0,
    vatCategory,
    vatExemptionCategory: greek ? null : party.countryCode === "US" || party.countryCode === "GB" || party.countryCode === "CH" ? 8 : 14,
    incomeClassification: { category: random() < 0.8 ? "category1_1" : "category1_2", type: party.classificationType },
  };
}

/** A valid credit-note input: one to four lines, payments adding up to the gross. */
export function seedInput(random: () => number, issuer: SeedIssuer, party: SeedParty): CreditNoteInput {
  const lines = Array.from({ length: 1 + Math.floor(random() * random() * 4) }, () => seedLine(random, party));
  const base: CreditNoteInput = {
    issuer: { vat: issuer.vat, name: issuer.name, branchCode: 0, address: { countryCode: issuer.countryCode, city: issuer.city, street: issuer.street, postalCode: issuer.postalCode } },
    counterparty: {
      name: party.name,
      vat: party.vat,
      address: { countryCode: party.countryCode, city: party.city, street: party.street, postalCode: party.postalCode },
      emails: random() < 0.3 ? ["logistirio@example.gr"] : [],
    },
    priceEntry: random() < 0.3 ? "gross" : "net",
    lines,
    payments: [],
    emails: [],
    reference: random() < 0.6 ? `ΤΔΑ ${String.fromCharCode(65 + Math.floor(random() * 3))}/${1000 + Math.floor(random() * 9000)}` : undefined,
  };
  const gross = computeTotals(base).grossCents;
  const methodCode = SEED_PAYMENT_METHODS[Math.floor(random() * SEED_PAYMENT_METHODS.length)] ?? 1;
  return { ...base, payments: [{ methodCode, amountCents: gross }] };
}

