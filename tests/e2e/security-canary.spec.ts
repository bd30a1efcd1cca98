import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { expect, test } from "@playwright/test";
import { e2eSettings, keyForms, type RecordedResponse } from "./global-setup";

// Runs after every other spec (the "canary" project is the teardown of "e2e"), so the response
// log holds everything the suite fetched. Under `npm test` the key is a fresh random canary the
// build and the server were given as IMPACT_API_KEY.
const e2e = e2eSettings();
const forms = keyForms(e2e.apiKey);

function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? filesUnder(path) : [path];
  });
}

function recorded(): RecordedResponse[] {
  if (!existsSync(e2e.responseLog)) return [];
  return readFileSync(e2e.responseLog, "utf8").split("\n").filter(Boolean).map((line) => JSON.parse(line) as RecordedResponse);
}

test("the provider key is in no file under .next/static", () => {
  const files = filesUnder(".next/static");
  expect(files.length).toBeGreaterThan(5);
  const leaking = files.filter((file) => {
    const text = readFileSync(file).toString("latin1");
    return forms.some((form) => text.includes(form));
  });
  expect(leaking).toEqual([]);
});

test("the provider key is in no page, RSC payload or JSON answer, fetched now or by any spec before", async ({ page, request }) => {
  // A real page load (HTML, scripts, styles, RSC prefetches), then every page as HTML and as an
  // RSC payload and every readable API route, as the admin.
  await page.goto("/");
  await page.waitForLoadState("networkidle");
  const manifest = JSON.parse(readFileSync(".next/app-path-routes-manifest.json", "utf8")) as Record<string, string>;
  const routes = [...new Set(Object.values(manifest))].filter((route) => !route.includes("[") && !route.startsWith("/_"));
  for (const route of routes) {
    await request.get(route, { maxRedirects: 0 });
    if (!route.startsWith("/api/")) await request.get(route, { headers: { RSC: "1" } });
  }
  const responses = recorded();
  const kinds = new Set(responses.map((r) => r.kind));
  for (const kind of ["html", "rsc", "json", "script"] as const) expect(kinds, `no ${kind} response was recorded`).toContain(kind);
  expect(responses.length).toBeGreaterThan(10);
  const leaking = responses.filter((r) => r.leaksKey).map((r) => `${r.method} ${r.path} → ${r.status} ${r.kind}`);
  expect(leaking).toEqual([]);
});

test("the provider key is not in the server log", () => {
  expect(existsSync(e2e.serverLog)).toBe(true);
  const log = readFileSync(e2e.serverLog, "utf8");
  expect(log.length).toBeGreaterThan(0);
  for (const form of forms) expect(log.includes(form), `server log contains the key (${form.slice(0, 6)}…)`).toBe(false);
});
