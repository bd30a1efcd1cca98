/**
 * Headless Chromium through Playwright, launched the way this project's machines need it
 * (Debian's /usr/bin/chromium, no sandbox, no GPU, no background traffic).
 */
import { chromium, type Browser, type BrowserContext } from "@playwright/test";
import type { ApiSession } from "./session";

export const CHROMIUM_ARGS = [
  "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
  "--disable-background-networking", "--disable-component-update", "--disable-sync",
];

/** Launches headless Chromium (CHROMIUM_PATH overrides the Debian path). */
export function launchBrowser(): Promise<Browser> {
  return chromium.launch({ headless: true, executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium", args: CHROMIUM_ARGS });
}

/** A fresh context (empty cache) at 1366×768 in Greek, Athens time, signed in when a session is given. */
export async function newContext(browser: Browser, session?: ApiSession): Promise<BrowserContext> {
  const context = await browser.newContext({ viewport: { width: 1366, height: 768 }, locale: "el-GR", timezoneId: "Europe/Athens" });
  if (session !== undefined) await context.addCookies(session.browserCookies());
  return context;
}
