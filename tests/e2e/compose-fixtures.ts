import { expect, request as playwrightRequest, type APIRequestContext, type Page } from "@playwright/test";
import { mkdirSync } from "node:fs";
import { e2eSettings } from "./global-setup";

/**
 * Shared set-up of the compose, drafts and settings specs: the suite's users (created by the
 * global setup), the sandbox demo issuer, a fresh series per test, and the sandbox's control API.
 */

const settings = e2eSettings();

export const BASE_URL = settings.baseURL;
export const SANDBOX_URL = `http://127.0.0.1:${settings.sandboxPort}`;
export const ADMIN = settings.users.admin;
export const CLERK = settings.users.clerk;

export const DEMO_ISSUER = {
  vat: "EL094259216",
  name: "BEST SHOPPING",
  address: { countryCode: "GR", city: "ΑΘΗΝΑ", street: "ΟΔΟΣ ΑΡΙΘΜΟΣ", postalCode: "10551" },
  defaultClassification: { category: "category1_1", type: "E3_561_001" },
};

export const SCREENSHOT_DIR = ".test-output/screenshots";

/** The signed-in state file of a role, for `test.use({ storageState })`. */
export const stateOf = settings.statePath;

/** An API context signed in as the admin (the global setup stored its session). */
export async function adminApi(): Promise<APIRequestContext> {
  return playwrightRequest.newContext({ baseURL: BASE_URL, storageState: settings.statePath("admin") });
}

/** The demo issuer's profile (created once), returned with its id. */
export async function ensureDemoIssuer(admin: APIRequestContext): Promise<{ id: string }> {
  const created = await admin.post("/api/issuer-profiles", { data: DEMO_ISSUER });
  expect([201, 409]).toContain(created.status());
  const list = await (await admin.get("/api/issuer-profiles")).json() as { items: { id: string; vat: string }[] };
  const profile = list.items.find((p) => p.vat === DEMO_ISSUER.vat);
  if (!profile) throw new Error("demo issuer profile missing");
  return profile;
}

/** A series nobody used before in this run (the sandbox journal and the database are per run). */
export async function freshSeries(admin: APIRequestContext, prefix = "T"): Promise<string> {
  const code = `${prefix}${Date.now().toString(36).toUpperCase()}${Math.floor(Math.random() * 1296).toString(36).toUpperCase()}`;
  const created = await admin.post("/api/series", { data: { issuerVat: DEMO_ISSUER.vat, code, nextNumber: 1 } });
  expect(created.status()).toBe(201);
  return code;
}

/** Everything a compose test needs, from a fresh or reused database. */
export async function prepareComposeData(): Promise<{ admin: APIRequestContext; series: string; profileId: string }> {
  const admin = await adminApi();
  const profile = await ensureDemoIssuer(admin);
  const series = await freshSeries(admin);
  return { admin, series, profileId: profile.id };
}

/** Documents the sandbox holds (summaries, euros). */
export async function sandboxDocuments(): Promise<{ internalId: string; mark: string; series: string; number: string; invoiceType: string; totals: { net: number; vat: number; gross: number } }[]> {
  const api = await playwrightRequest.newContext();
  const response = await api.get(`${SANDBOX_URL}/__control/documents`);
  expect(response.ok()).toBe(true);
  const body = await response.json();
  await api.dispose();
  return body;
}

/** An invoice "sent by the ERP" to the sandbox now, like its seeded invoice numbered `template` (1041, 1042, 1043, 310), in a fresh series. */
export async function erpInvoice(template: "1041" | "1042" | "1043" | "310", prefix = "ERP"): Promise<{ mark: string; authenticationCode: string; series: string; number: string; uid: string; url: string }> {
  const api = await playwrightRequest.newContext();
  const series = `${prefix}${Math.random().toString(36).slice(2, 7).toUpperCase()}`;
  const response = await api.post(`${SANDBOX_URL}/__control/erp-invoices`, { data: { template, series, number: "1" } });
  expect(response.ok(), await response.text()).toBe(true);
  const body = await response.json();
  await api.dispose();
  return body;
}

/** Waits until a transmission leaves the moving states, and returns its detail. */
export async function settledTransmission(api: APIRequestContext, id: string): Promise<Record<string, unknown> & { status: string; mark: string | null }> {
  let detail: Record<string, unknown> & { status: string; mark: string | null } = { status: "queued", mark: null };
  await expect.poll(async () => {
    detail = await (await api.get(`/api/transmissions/${id}`)).json();
    return detail.status;
  }, { timeout: 30_000, intervals: [250, 500, 1000] }).toMatch(/^(accepted|rejected|needs_attention)$/);
  return detail;
}

/** A screenshot of the page as a clerk sees it at 1366×768, kept under .test-output/screenshots. */
export async function screenshot(page: Page, name: string): Promise<void> {
  mkdirSync(SCREENSHOT_DIR, { recursive: true });
  await page.screenshot({ path: `${SCREENSHOT_DIR}/${name}.png`, fullPage: false });
}
