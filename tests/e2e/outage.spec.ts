import { randomUUID } from "node:crypto";
import { join } from "node:path";
import { spawn, type ChildProcess } from "node:child_process";
import { mkdirSync, rmSync } from "node:fs";
import { expect, test } from "@playwright/test";
import { sampleDraft } from "../fixtures/sample-draft";
import { SANDBOX_DEMO_API_KEY, SANDBOX_DEMO_VAT } from "../../sandbox/defaults";
import { ensureDemoIssuer, freshSeries } from "./compose-fixtures";
import { e2eSettings } from "./global-setup";
import { signIn, startServer, stopServer } from "./history-fixtures";

/**
 * The provider stopped: a dashboard of its own (own SQLite file, its worker on) in front of a
 * sandbox of its own that the spec kills and starts again. The overview says since when the
 * provider is unreachable and how many notes wait; history and detail say "waiting for the
 * provider", not an error; once it is back the banner goes and every note is accepted.
 */
const e2e = e2eSettings();
const PORT = Number(process.env.E2E_OUTAGE_PORT ?? e2e.port + 30);
const SANDBOX_PORT = e2e.sandboxPort + 30;
const databasePath = join(e2e.runDir, "outage.sqlite");
const admin = { email: "outage-admin@credit-desk.example", password: "outage-admin-password-1" };
const NOTES = 3;

let server: ChildProcess | undefined;
let sandbox: ChildProcess | undefined;
const sandboxUrl = `http://127.0.0.1:${SANDBOX_PORT}`;
const sandboxDir = join(e2e.runDir, "outage-sandbox");

/** Starts the spec's own sandbox (same port and data every time); resolves once it answers. */
async function sandboxUp(): Promise<void> {
  mkdirSync(sandboxDir, { recursive: true });
  sandbox = spawn(process.execPath, ["--import", "tsx", "sandbox/server.ts"], {
    env: { ...process.env, SANDBOX_PORT: String(SANDBOX_PORT), SANDBOX_HOST: "127.0.0.1", SANDBOX_DATA_DIR: sandboxDir, SANDBOX_API_KEYS: `${SANDBOX_DEMO_VAT}:${SANDBOX_DEMO_API_KEY}`, SANDBOX_PROCESSING_WINDOW_MS: "500" },
    stdio: "ignore",
  });
  await expect.poll(async () => fetch(`${sandboxUrl}/health`).then((r) => r.ok, () => false), { timeout: 30_000 }).toBe(true);
}

/** Kills it (SIGKILL): its port refuses connections. */
async function sandboxDown(): Promise<void> {
  const child = sandbox;
  if (child === undefined || child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise((resolve) => child.once("exit", resolve));
  child.kill("SIGKILL");
  await exited;
}

test.describe.configure({ mode: "serial" });
test.use({ baseURL: `http://127.0.0.1:${PORT}`, storageState: { cookies: [], origins: [] } });

test.beforeAll(async () => {
  test.setTimeout(120_000);
  await sandboxUp();
  server = await startServer(PORT, {
    DATABASE_URL: `file:${databasePath}`, IMPACT_BASE_URL: sandboxUrl, IMPACT_API_KEY: SANDBOX_DEMO_API_KEY,
    IMPACT_CONNECT_TIMEOUT_MS: "1000", CREDIT_DESK_WORKER: "1", ADMIN_EMAIL: admin.email, ADMIN_PASSWORD: admin.password,
  });
});

test.afterAll(async () => {
  stopServer(server);
  await sandboxDown();
  rmSync(sandboxDir, { recursive: true, force: true });
  for (const suffix of ["", "-wal", "-shm"]) rmSync(`${databasePath}${suffix}`, { force: true });
});

/** A draft of the demo issuer in a series the administrator defined for this spec. */
function freshDraft(series: string) {
  const draft = sampleDraft();
  draft.id = randomUUID();
  draft.series = series;
  return { ...draft, number: undefined };
}

test("provider stopped: the overview banner, notes waiting for the provider, then all accepted once it is back", async ({ page }) => {
  test.setTimeout(180_000);
  await signIn(page.request, admin.email, admin.password);
  // A new installation: the overview says how to start, with a link to compose.
  await page.goto("/");
  await expect(page.getByTestId("overview-empty")).toBeVisible();
  await expect(page.getByRole("main").getByRole("link", { name: "Νέο πιστωτικό" })).toHaveAttribute("href", "/credit-notes/new");
  await ensureDemoIssuer(page.request);
  const series = await freshSeries(page.request, "OUT");
  await sandboxDown();

  const ids: string[] = [];
  for (let i = 0; i < NOTES; i += 1) {
    const response = await page.request.post("/api/credit-notes", { data: { draft: freshDraft(series) } });
    expect(response.status()).toBe(202);
    ids.push(((await response.json()) as { id: string }).id);
  }

  // The worker's connection failures open its circuit; the overview says so, in the reader's language.
  await expect(async () => {
    await page.goto("/");
    await expect(page.getByTestId("provider-outage")).toContainText(`${NOTES} παραστατικά σε αναμονή`, { timeout: 1_000 });
  }).toPass({ timeout: 60_000 });
  await expect(page.getByTestId("provider-outage")).toContainText("Ο πάροχος δεν είναι προσβάσιμος από");

  // History and detail: waiting for the provider, not an error.
  await expect(async () => {
    await page.goto("/transmissions");
    await expect(page.getByText("Αναμονή παρόχου")).toHaveCount(NOTES, { timeout: 1_000 });
  }).toPass({ timeout: 30_000 });
  await page.goto(`/transmissions/${ids[0]}`);
  await expect(page.getByTestId("waiting-for-provider")).toContainText("Αναμονή παρόχου");
  await expect(page.getByText("Τελευταίο πρόβλημα")).toHaveCount(0);
  await expect(page.getByRole("main").getByRole("alert")).toHaveCount(0);

  // The provider comes back: the banner goes and every note is accepted.
  await sandboxUp();
  await expect(async () => {
    await page.goto("/");
    await expect(page.getByTestId("provider-outage")).toHaveCount(0, { timeout: 1_000 });
  }).toPass({ timeout: 30_000 });
  for (const id of ids) {
    await expect.poll(async () => ((await (await page.request.get(`/api/transmissions/${id}`)).json()) as { status: string }).status, { timeout: 30_000 }).toBe("accepted");
  }
});
