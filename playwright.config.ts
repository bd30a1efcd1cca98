import { defineConfig } from "@playwright/test";
import { SANDBOX_DEMO_VAT } from "./sandbox/defaults";
import { e2eSettings } from "./tests/e2e/global-setup";

// Fixes E2E_RUN_ID in the environment, so the runner and every worker share one run folder.
const e2e = e2eSettings();

export default defineConfig({
  testDir: "tests/e2e",
  forbidOnly: true,
  retries: 0,
  workers: 1,
  timeout: 60_000,
  reporter: [["list"], ["json", { outputFile: ".test-output/playwright.json" }]],
  // Starts the recording front door on e2e.port and stores a signed-in state per role.
  globalSetup: "./tests/e2e/global-setup.ts",
  use: {
    baseURL: e2e.baseURL,
    headless: true,
    trace: "retain-on-failure",
    locale: "el-GR",
    timezoneId: "Europe/Athens",
    // Every spec runs signed in as the admin unless it says otherwise.
    storageState: e2e.statePath("admin"),
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
      args: ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
             "--disable-background-networking", "--disable-component-update", "--disable-sync"],
    },
  },
  projects: [
    // The canary check reads what every other spec fetched, so it runs last, failures or not.
    { name: "e2e", testIgnore: /security-canary\.spec\.ts/, teardown: "canary" },
    { name: "canary", testMatch: /security-canary\.spec\.ts/ },
  ],
  webServer: [
    {
      command: "node --import tsx sandbox/server.ts",
      url: `http://127.0.0.1:${e2e.sandboxPort}/health`,
      reuseExistingServer: false,
      timeout: 30_000,
      env: {
        SANDBOX_PORT: String(e2e.sandboxPort),
        SANDBOX_DATA_DIR: `${e2e.runDir}/sandbox`,
        SANDBOX_API_KEYS: `${SANDBOX_DEMO_VAT}:${e2e.apiKey}`,
        SANDBOX_PROCESSING_WINDOW_MS: "3000",
        SANDBOX_SEED_ERP: "1",
      },
    },
    {
      // Output goes to a file under the run folder, which the canary spec reads.
      command: `mkdir -p '${e2e.runDir}' && exec npx next start -p ${e2e.appPort} -H 127.0.0.1 >> '${e2e.serverLog}' 2>&1`,
      url: `http://127.0.0.1:${e2e.appPort}/api/health`,
      reuseExistingServer: false,
      timeout: 60_000,
      env: {
        IMPACT_BASE_URL: `http://127.0.0.1:${e2e.sandboxPort}`,
        IMPACT_API_KEY: e2e.apiKey,
        DATABASE_URL: `file:${e2e.databasePath}`,
        ADMIN_EMAIL: e2e.users.admin.email,
        ADMIN_PASSWORD: e2e.users.admin.password,
        // The recording front door is a reverse proxy passing the client's X-Forwarded-For on;
        // specs name a client address there to stand for different callers.
        TRUST_PROXY: "1",
        NEXT_TELEMETRY_DISABLED: "1",
      },
    },
  ],
});
