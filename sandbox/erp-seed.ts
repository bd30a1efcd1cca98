/**
 * Invoices "sent by the ERP": documents of the demo issuer that another system issued through
 * the provider before the dashboard ever ran (types 1.1 and 2.1, several lines and VAT rates).
 * They are built as the ERP would send them to POST /Invoice/json, checked by the sandbox's own
 * provider and myDATA rules, and stored as accepted, so they appear in the portal's document
 * list and answer `{url}/aade` like any other document. Switched on by SANDBOX_SEED_ERP=1.
 */
import { checkAadeRules } from "./aade-rules";
import { normaliseVat } from "./afm";
import { formatCents, vatForNet } from "./amounts";
import { computeAuthenticationCode, computeUid, newSignature } from "./ids";
import { parseDocument } from "./parse-document";
import type { SandboxStore } from "./store";
import type { StoredDocument } from "./types";

/** InternalDocumentIds of seeded documents start with this; the seed runs once per store. */
export const ERP_SEED_PREFIX = "ERP-SEED-";

interface SeedLine {
  description: string;
  quantity: number;
  /** Net unit price in cents. */
  unitNetCents: number;
  vatCategory: 1 | 2 | 3;
  classification: { category: string; type: string };
}

interface SeedInvoice {
  key: string;
  invoiceType: "1.1" | "2.1";
  series: string;
  number: string;
  /** Days before the seeding day. */
  daysAgo: number;
  counterparty: { name: string; vat: string; city: string; street: string; postal: string };
  lines: SeedLine[];
  paymentCode: number;
}

const RATE: Record<SeedLine["vatCategory"], number> = { 1: 24, 2: 13, 3: 6 };
const GOODS = { category: "category1_1", type: "E3_561_001" };
const SERVICES = { category: "category1_3", type: "E3_561_001" };

const CUSTOMERS = {
  shop: { name: "ΕΜΠΟΡΙΚΗ ΒΟΡΕΙΟΥ Α.Ε.", vat: "EL800512345", city: "ΘΕΣΣΑΛΟΝΙΚΗ", street: "ΤΣΙΜΙΣΚΗ 10", postal: "54623" },
  hotel: { name: "ΞΕΝΟΔΟΧΕΙΑ ΑΙΓΑΙΟΥ Ο.Ε.", vat: "EL800512413", city: "ΡΟΔΟΣ", street: "ΑΚΤΗ ΜΙΑΟΥΛΗ 3", postal: "85100" },
  office: { name: "ΓΡΑΦΕΙΟ ΜΕΛΕΤΩΝ Ι.Κ.Ε.", vat: "EL800512486", city: "ΠΑΤΡΑ", street: "ΜΑΙΖΩΝΟΣ 41", postal: "26221" },
};

/** The seeded invoices; ΤΔΑ-1042 is the one with 10 items of one line (returns of part of it). */
export const ERP_SEED_INVOICES: readonly SeedInvoice[] = [
  {
    key: "1", invoiceType: "1.1", series: "ΤΔΑ", number: "1041", daysAgo: 9, counterparty: CUSTOMERS.shop, paymentCode: 5,
    lines: [
      { description: "Καφετιέρα φίλτρου", quantity: 2, unitNetCents: 4500, vatCategory: 1, classification: GOODS },
      { description: "Καφές φίλτρου 1 kg", quantity: 4, unitNetCents: 1250, vatCategory: 2, classification: GOODS },
      { description: "Βιβλίο συνταγών", quantity: 1, unitNetCents: 1800, vatCategory: 3, classification: GOODS },
    ],
  },
  {
    key: "2", invoiceType: "1.1", series: "ΤΔΑ", number: "1042", daysAgo: 6, counterparty: CUSTOMERS.hotel, paymentCode: 5,
    lines: [{ description: "Πετσέτα μπάνιου λευκή", quantity: 10, unitNetCents: 1000, vatCategory: 1, classification: GOODS }],
  },
  {
    key: "3", invoiceType: "1.1", series: "ΤΔΑ", number: "1043", daysAgo: 4, counterparty: CUSTOMERS.shop, paymentCode: 3,
    lines: [{ description: "Φαρδιά ζώνη cowboy", quantity: 1, unitNetCents: 644, vatCategory: 1, classification: GOODS }],
  },
  {
    key: "4", invoiceType: "2.1", series: "ΤΠΥ", number: "310", daysAgo: 3, counterparty: CUSTOMERS.office, paymentCode: 5,
    lines: [
      { description: "Συντήρηση λογισμικού (μήνας)", quantity: 1, unitNetCents: 15000, vatCategory: 1, classification: SERVICES },
      { description: "Εκπαίδευση προσωπικού (ώρες)", quantity: 3, unitNetCents: 4000, vatCategory: 1, classification: SERVICES },
      { description: "Διαμονή εκπαιδευτή", quantity: 1, unitNetCents: 8000, vatCategory: 2, classification: SERVICES },
    ],
  },
];

const ISSUER = { name: "BEST SHOPPING", city: "ΑΘΗΝΑ", street: "ΟΔΟΣ ΑΡΙΘΜΟΣ 1", postal: "10551" };

const money = (cents: number): number => cents / 100;

/** Athens wall-clock `YYYY-MM-DDT10:30:00` of the day `daysAgo` before `now`. */
function issuedAt(now: Date, daysAgo: number): string {
  const day = new Date(now.getTime() - daysAgo * 86_400_000);
  const text = new Intl.DateTimeFormat("en-CA", { timeZone: "Europe/Athens", year: "numeric", month: "2-digit", day: "2-digit" }).format(day);
  return `${text}T10:30:00`;
}

/** The POST /Invoice/json body the ERP sent for one invoice. */
export function erpPayload(invoice: SeedInvoice, issuerVat: string, now: Date): Record<string, unknown> {
  const lines = invoice.lines.map((line, index) => {
    const netCents = line.quantity * line.unitNetCents;
    const vatCents = vatForNet(netCents, RATE[line.vatCategory]);
    const unitGrossCents = line.unitNetCents + vatForNet(line.unitNetCents, RATE[line.vatCategory]);
    return {
      LineNo: index + 1, Descriptions: [line.description], MeasurementUnitCode: 1, Quantity: line.quantity,
      CatalogUnitPrice: money(unitGrossCents), UnitPrice: money(line.unitNetCents), CatalogNetTotal: money(netCents),
      CatalogTotal: money(netCents + vatCents), NetTotalAfterInlineALCs: money(netCents), NetTotal: money(netCents),
      Total: money(netCents + vatCents), VATTotal: money(vatCents), VatCategory: `${RATE[line.vatCategory]}.0`,
      VatCategoryCode: line.vatCategory, IsInformative: false, IsHidden: false, RecordTypeCode: 0,
      IncomeClassification: { ClassificationTypeCode: line.classification.type, ClassificationCategoryCode: line.classification.category, Amount: money(netCents) },
      netCents, vatCents, rate: RATE[line.vatCategory],
    };
  });
  const netCents = lines.reduce((sum, line) => sum + line.netCents, 0);
  const vatCents = lines.reduce((sum, line) => sum + line.vatCents, 0);
  const byRate = new Map<number, { net: number; vat: number }>();
  for (const line of lines) {
    const row = byRate.get(line.rate) ?? { net: 0, vat: 0 };
    byRate.set(line.rate, { net: row.net + line.netCents, vat: row.vat + line.vatCents });
  }
  const address = (who: { city: string; street: string; postal: string }) => ({ Country: "ΕΛΛΑΔΑ", CountryCode: "GR", City: who.city, Street: who.street, Postal: who.postal });
  return {
    Currency: "€", CurrencyCode: "EUR",
    InvoiceType: invoice.invoiceType === "1.1" ? "ΤΙΜΟΛΟΓΙΟ ΠΩΛΗΣΗΣ" : "ΤΙΜΟΛΟΓΙΟ ΠΑΡΟΧΗΣ ΥΠΗΡΕΣΙΩΝ",
    InvoiceTypeCode: invoice.invoiceType, DocumentTypeCode: "INVOICE", Series: invoice.series, Number: invoice.number,
    DateIssued: issuedAt(now, invoice.daysAgo),
    Issuer: { RegisteredName: ISSUER.name, Vat: issuerVat, Address: address(ISSUER), BranchCode: 0 },
    CounterParty: { RegisteredName: invoice.counterparty.name, Vat: invoice.counterparty.vat, Address: address(invoice.counterparty), Emails: [] },
    DistributionDetails: { InternalDocumentId: `${ERP_SEED_PREFIX}${invoice.key}` },
    PaymentDetails: { PaymentMethods: [{ PaymentMethodTypeCode: invoice.paymentCode, Amount: money(netCents + vatCents) }] },
    Details: lines.map(({ netCents: _n, vatCents: _v, rate: _r, ...line }) => line),
    Summaries: { TotalNetAmount: money(netCents), TotalVATAmount: money(vatCents), TotalGrossValue: money(netCents + vatCents) },
    vatAnalysis: [...byRate].map(([rate, row]) => ({ name: String(rate), percentage: rate, vatAmount: money(row.vat), underlyingValue: money(row.net) })),
    MiscellaneousData: { PurchaseOrderNumber: `ERP ${invoice.series}-${invoice.number}` },
    IsDelayedCode: 0,
  };
}

/** A seeded invoice as the store keeps an accepted document; throws when the sandbox's own rules refuse it. */
function storedInvoice(invoice: SeedInvoice, issuerVat: string, mark: string, now: Date): StoredDocument {
  const payload = erpPayload(invoice, issuerVat, now);
  const parsed = parseDocument(payload);
  const issues = parsed.document === null ? [] : checkAadeRules(parsed.document, parsed.aadeIssues);
  if (parsed.document === null || parsed.errors.length > 0 || issues.length > 0) {
    throw new Error(`ERP seed ${invoice.series}-${invoice.number} is not valid: ${JSON.stringify([...parsed.errors, ...issues])}`);
  }
  const document = parsed.document;
  const parts = {
    issuerAfm: document.issuer.afm, issueDate: document.issueDate, branch: document.issuer.branch,
    invoiceType: document.invoiceType, series: document.series, number: document.number,
  };
  const at = now.toISOString();
  return {
    mark, uid: computeUid(parts),
    authenticationCode: computeAuthenticationCode({
      ...parts, mark, gross: formatCents(document.summary.grossCents), vat: formatCents(document.summary.vatCents),
      counterpartyAfm: document.counterparty?.afm ?? "",
    }),
    signature: newSignature(), internalId: document.internalId, issuerAfm: document.issuer.afm,
    receivedAt: at, acceptedAt: at, origin: "json", creditOfMark: null, document, payload,
  };
}

/**
 * One more ERP invoice like the seeded one numbered `template` ("1041", "1042", "1043" or "310"),
 * under its own series and number (POST /__control/erp-invoices), so tests get a fresh original.
 */
export function issueErpInvoice(store: SandboxStore, issuerVat: string, request: { template: string; series: string; number: string }, now = new Date()): StoredDocument | null {
  const template = ERP_SEED_INVOICES.find((invoice) => invoice.number === request.template);
  if (template === undefined) return null;
  const invoice = { ...template, key: `${request.series}-${request.number}-${now.getTime()}`, series: request.series, number: request.number, daysAgo: 0 };
  const stored = storedInvoice(invoice, issuerVat, store.nextMark(), now);
  store.saveAccepted(stored);
  return stored;
}

/** Stores the ERP invoices of `issuerVat` unless this store already holds them. */
export function seedErpInvoices(store: SandboxStore, issuerVat: string, now = new Date()): void {
  const issuerAfm = normaliseVat(issuerVat);
  if (store.findByInternalId(issuerAfm, `${ERP_SEED_PREFIX}${ERP_SEED_INVOICES[0]?.key ?? ""}`) !== undefined) return;
  for (const invoice of ERP_SEED_INVOICES) store.saveAccepted(storedInvoice(invoice, issuerVat, store.nextMark(), now));
}
