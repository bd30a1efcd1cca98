import { defineConfig } from "@playwright/test";
import { SANDBOX_DEMO_API_KEY, SANDBOX_DEMO_VAT } from "./sandbox/defaults";

const port = Number(process.env.E2E_PORT ?? 3100);
const sandboxPort = Number(process.env.E2E_SANDBOX_PORT ?? 4110);
const apiKey = process.env.E2E_API_KEY ?? SANDBOX_DEMO_API_KEY;
const runDir = `.test-output/e2e-${process.env.E2E_RUN_ID ?? Date.now()}`;

export default defineConfig({
  testDir: "tests/e2e",
  forbidOnly: true,
  retries: 0,
  workers: 1,
  timeout: 60_000,
  reporter: [["list"], ["json", { outputFile: ".test-output/playwright.json" }]],
  use: {
    baseURL: `http://127.0.0.1:${port}`,
    headless: true,
    trace: "retain-on-failure",
    locale: "el-GR",
    timezoneId: "Europe/Athens",
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
      args: ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
             "--disable-background-networking", "--disable-component-update", "--disable-sync"],
    },
  },
  webServer: [
    {
      command: "node --import tsx sandbox/server.ts",
      url: `http://127.0.0.1:${sandboxPort}/health`,
      reuseExistingServer: false,
      timeout: 30_000,
      env: {
        SANDBOX_PORT: String(sandboxPort),
        SANDBOX_DATA_DIR: `${runDir}/sandbox`,
        SANDBOX_API_KEYS: `${SANDBOX_DEMO_VAT}:${apiKey}`,
        SANDBOX_PROCESSING_WINDOW_MS: "3000",
      },
    },
    {
      command: `npx next start -p ${port} -H 127.0.0.1`,
      url: `http://127.0.0.1:${port}/api/health`,
      reuseExistingServer: false,
      timeout: 60_000,
      stdout: "pipe",
      env: {
        IMPACT_BASE_URL: `http://127.0.0.1:${sandboxPort}`,
        IMPACT_API_KEY: apiKey,
        DATABASE_URL: `file:./${runDir}/credit-desk.sqlite`,
        NEXT_TELEMETRY_DISABLED: "1",
      },
    },
  ],
});
