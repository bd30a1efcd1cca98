/**
 * Compressed JavaScript each page loads, as Chromium receives it from the production server
 * (gzip, as `next start` sends it), on a cold cache, next to a bare page of the same build.
 */
import type { Page } from "@playwright/test";
import { BARE_PAGE_PATH } from "./lib/build";
import { launchBrowser, newContext } from "./lib/browser";
import type { BenchContext } from "./lib/context";
import type { Figure, MeasurementResult } from "./lib/figures";
import { httpRequest, sleep } from "./lib/http";
import { freshDraft, issueThroughDashboard } from "./lib/issuing";
import { loadNow } from "./lib/machine";
import type { ApiSession } from "./lib/session";
import { startStack } from "./lib/stack";
import { median } from "./lib/stats";

export interface ScriptLoad {
  url: string;
  /** Bytes on the wire for the body (compressed). */
  encodedBytes: number;
  /** Bytes after decompression. */
  decodedBytes: number;
}

interface PageSpec {
  name: string;
  path: string;
  signedIn: boolean;
}

/** Sums of a page's script loads, in KB (1024 bytes). */
export function scriptTotals(loads: readonly ScriptLoad[]): { count: number; encodedKB: number; decodedKB: number } {
  return {
    count: loads.length,
    encodedKB: loads.reduce((sum, load) => sum + load.encodedBytes, 0) / 1024,
    decodedKB: loads.reduce((sum, load) => sum + load.decodedBytes, 0) / 1024,
  };
}

/**
 * Loads `url` in `page` and returns every script it fetched, with the body bytes Chromium
 * received (CDP Network.dataReceived encodedDataLength, which leaves out headers) and decoded.
 */
async function scriptsOf(page: Page, url: string): Promise<ScriptLoad[]> {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send("Network.enable");
  await cdp.send("Network.setCacheDisabled", { cacheDisabled: true });
  const scripts = new Map<string, ScriptLoad>();
  const finished = new Set<string>();
  cdp.on("Network.requestWillBeSent", (event) => {
    if (event.type === "Script") scripts.set(event.requestId, { url: event.request.url, encodedBytes: 0, decodedBytes: 0 });
  });
  cdp.on("Network.dataReceived", (event) => {
    const load = scripts.get(event.requestId);
    if (load === undefined) return;
    load.encodedBytes += event.encodedDataLength;
    load.decodedBytes += event.dataLength;
  });
  cdp.on("Network.loadingFinished", (event) => {
    if (scripts.has(event.requestId)) finished.add(event.requestId);
  });
  await page.goto(url, { waitUntil: "networkidle" });
  await sleep(500);
  const deadline = Date.now() + 10_000;
  while ([...scripts.keys()].some((id) => !finished.has(id)) && Date.now() < deadline) await sleep(50);
  await cdp.detach();
  return [...scripts.values()];
}

/** Body bytes of `urls` fetched again over HTTP with gzip asked for: a cross-check of the browser's count. */
async function gzipBytesOverHttp(urls: readonly string[]): Promise<number> {
  let total = 0;
  for (const url of urls) {
    const answer = await httpRequest(url, { headers: { "accept-encoding": "gzip" }, raw: true });
    if (answer.status !== 200) throw new Error(`GET ${url} answered ${answer.status}`);
    total += answer.bodyBytes;
  }
  return total;
}

/** A document issued and accepted, so that the detail page shows a real one. */
async function acceptedDocument(session: ApiSession): Promise<string> {
  const { issued } = await issueThroughDashboard(session, freshDraft("BND"));
  for (let i = 0; i < 300; i += 1) {
    const detail = await session.json<{ status: string }>("GET", `/api/transmissions/${issued.id}`);
    if (detail.status === "accepted") return issued.id;
    await sleep(100);
  }
  throw new Error(`document ${issued.id} was not accepted in 30 s`);
}

export async function measureBundles(ctx: BenchContext): Promise<MeasurementResult> {
  const before = loadNow();
  const database = await ctx.databases.create("sqlite", "bundles");
  const stack = await startStack({ buildDir: ctx.buildDir, workDir: ctx.workDir, database, worker: true, name: "bundles" });
  const browser = await launchBrowser();
  const chromium = browser.version();
  const figures: Figure[] = [];
  const notes: string[] = [];
  try {
    const session = await stack.signIn();
    const detailId = await acceptedDocument(session);
    const pages: PageSpec[] = [
      { name: "bare Next.js page (yardstick)", path: BARE_PAGE_PATH, signedIn: true },
      { name: "sign-in /login", path: "/login", signedIn: false },
      { name: "overview /", path: "/", signedIn: true },
      { name: "compose wizard /credit-notes/new", path: "/credit-notes/new", signedIn: true },
      { name: "history /transmissions", path: "/transmissions", signedIn: true },
      { name: "detail /transmissions/{id}", path: `/transmissions/${detailId}`, signedIn: true },
    ];
    const results = new Map<string, { encoded: number[]; decoded: number[]; count: number[] }>();
    const runs = ctx.options.runs;
    const crossChecks: string[] = [];
    ctx.log(`  ${pages.length} pages × ${runs} cold load(s)…`);
    for (let run = 0; run < runs; run += 1) {
      for (const spec of pages) {
        const context = await newContext(browser, spec.signedIn ? session : undefined);
        try {
          const page = await context.newPage();
          const loads = await scriptsOf(page, `${stack.server.url}${spec.path}`);
          const totals = scriptTotals(loads);
          if (run === 0) {
            const checked = (await gzipBytesOverHttp(loads.map((load) => load.url))) / 1024;
            crossChecks.push(`${spec.name} ${checked.toFixed(1)} KB`);
          }
          const entry = results.get(spec.name) ?? { encoded: [], decoded: [], count: [] };
          entry.encoded.push(totals.encodedKB);
          entry.decoded.push(totals.decodedKB);
          entry.count.push(totals.count);
          results.set(spec.name, entry);
        } finally {
          await context.close();
        }
      }
    }
    const bare = median(results.get(pages[0]?.name ?? "")?.encoded ?? []);
    for (const spec of pages) {
      const entry = results.get(spec.name);
      if (entry === undefined) continue;
      const encoded = median(entry.encoded);
      figures.push({ measurement: "bundles", label: `${spec.name}: JavaScript, gzip on the wire`, value: encoded, unit: "KB", runs: entry.encoded });
      if (spec.path !== BARE_PAGE_PATH) {
        figures.push({ measurement: "bundles", label: `${spec.name}: more than the bare page`, value: encoded - bare, unit: "KB" });
      }
      notes.push(`${spec.name}: ${median(entry.count)} script files, ${median(entry.decoded).toFixed(1)} KB uncompressed.`);
    }
    notes.push(`Cross-check, the same script files fetched again over HTTP with \`Accept-Encoding: gzip\` (body bytes): ${crossChecks.join("; ")}.`);
    notes.unshift(
      "Each page is loaded in a fresh Chromium context (cache disabled) from `next start` of the production build; the figure is the sum over every script file the page fetched until the network was idle, counted in body bytes as received (CDP Network.dataReceived encodedDataLength: gzip, headers left out). No target was set; the bare page (`app/bench-bare/page.tsx`, added to the build copy only: a server component with one paragraph, under the same root layout) is the yardstick.",
    );
  } finally {
    await browser.close().catch(() => undefined);
    await stack.stop();
  }
  return { measurement: "bundles", title: "JavaScript per page", figures, notes, conditions: `${before} → ${loadNow()}`, chromium };
}
