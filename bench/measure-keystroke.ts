/**
 * Keystroke-to-painted-totals latency in the compose wizard's lines step, in Chromium, with 10,
 * 100 and 300 lines, unthrottled and with 4× CPU throttling. Each keystroke is timed twice:
 * with performance marks (keydown's timestamp → the totals panel's text changes → the frame
 * after it is presented) and with the Event Timing API (entries of 16 ms or more, by
 * interactionId). A MutationObserver counts DOM changes outside the typed row and the totals
 * panel, which should be none, and React's commits are read through the DevTools hook to count
 * how many other rows rendered at all.
 */
import type { Browser, CDPSession, Page } from "@playwright/test";
import { launchBrowser, newContext } from "./lib/browser";
import type { BenchContext } from "./lib/context";
import type { Figure, MeasurementResult } from "./lib/figures";
import { sleep } from "./lib/http";
import { loadNow } from "./lib/machine";
import type { ApiSession } from "./lib/session";
import { startStack } from "./lib/stack";
import { median, percentile } from "./lib/stats";
import { KEYSTROKE_PROBE, RENDER_COUNTER, spreadsheetRows } from "./keystroke-probe";

export const UNTHROTTLED_TARGET_MS = 16;
export const THROTTLED_TARGET_MS = 50;
export const THROTTLE_RATE = 4;

const DEMO_ISSUER = {
  vat: "EL094259216", name: "BEST SHOPPING",
  address: { countryCode: "GR", city: "ΑΘΗΝΑ", street: "ΟΔΟΣ ΑΡΙΘΜΟΣ", postalCode: "10551" },
  defaultClassification: { category: "category1_1", type: "E3_561_001" },
};

/** One keystroke as the in-page probe saw it. */
export interface KeystrokeSample {
  /** keydown timestamp → frame presented after the totals changed (ms). */
  paintedMs: number;
  /** Longest Event Timing entry of the keystroke's interaction, or null when none reached 16 ms. */
  eventTimingMs: number | null;
  /** DOM mutations outside the typed row and the totals panel. */
  mutationsElsewhere: number;
  /** Where those mutations were (nearest element with a test id, id or tag). */
  mutationPlaces: string[];
  /** Components that rendered inside other rows (React commit hook). */
  otherRowRenders: number;
  /** Which rows and elements those were. */
  renderPlaces: string[];
  /** Components that rendered inside the typed row. */
  typedRowRenders: number;
}

async function prepareData(session: ApiSession): Promise<string> {
  await session.json("POST", "/api/issuer-profiles", DEMO_ISSUER, [201, 409]);
  const series = `KS${Date.now().toString(36).toUpperCase()}`;
  await session.json("POST", "/api/series", { issuerVat: DEMO_ISSUER.vat, code: series, nextNumber: 1 }, [201]);
  return series;
}

/** Issuer and counterparty steps as a clerk fills them, then the lines step with `lineCount` pasted rows. */
async function openLinesWith(page: Page, baseUrl: string, series: string, lineCount: number): Promise<void> {
  await page.goto(`${baseUrl}/credit-notes/new`);
  await page.getByLabel("Προφίλ εκδότη").selectOption({ label: `${DEMO_ISSUER.name} — ${DEMO_ISSUER.vat}` });
  await page.getByLabel("Σειρά", { exact: true }).fill(series);
  await page.getByRole("button", { name: "Επόμενο →" }).click();
  await page.getByLabel("Επωνυμία αντισυμβαλλόμενου").fill("ΠΕΛΑΤΗΣ ΑΕ");
  await page.getByLabel("ΑΦΜ/VAT αντισυμβαλλόμενου").fill("094014201");
  await page.getByLabel("Οδός αντισυμβαλλόμενου").fill("ΕΡΜΟΥ 1");
  await page.getByLabel("Τ.Κ. αντισυμβαλλόμενου").fill("10563");
  await page.getByLabel("Πόλη αντισυμβαλλόμενου").fill("ΑΘΗΝΑ");
  await page.getByRole("button", { name: "Επόμενο →" }).click();
  await page.getByRole("heading", { name: "Γραμμές", level: 2 }).waitFor();
  const first = page.getByLabel("Περιγραφή (γραμμή 1)");
  await first.focus();
  await first.evaluate((element, data) => {
    const transfer = new DataTransfer();
    transfer.setData("text/plain", data);
    element.dispatchEvent(new ClipboardEvent("paste", { clipboardData: transfer, bubbles: true, cancelable: true }));
  }, spreadsheetRows(lineCount));
  // The line's fieldset, not its controls: in a long note a line out of view shows a summary.
  await page.locator(`[data-line-index="${lineCount - 1}"]`).waitFor({ timeout: 60_000 });
  const rows = await page.getByTestId("lines-grid").locator("fieldset").count();
  if (rows !== lineCount) throw new Error(`the paste made ${rows} lines, not ${lineCount}`);
}

/** Puts "1" in the unit price of `row` and the keyboard there (before any throttling). */
async function focusPrice(page: Page, row: number): Promise<void> {
  // In view, so that the line has its controls (a long note shows lines out of view as summaries).
  await page.locator(`[data-line-index="${row - 1}"]`).scrollIntoViewIfNeeded({ timeout: 60_000 });
  const price = page.getByLabel(`Τιμή μονάδας (γραμμή ${row})`);
  await price.fill("1", { timeout: 60_000 });
  await price.focus({ timeout: 60_000 });
}

/** Types `count` keystrokes ("5", Backspace, …) into the focused unit price of `row`, one at a time, and returns what the probe saw. */
async function typeKeystrokes(page: Page, row: number, count: number, counting: boolean): Promise<KeystrokeSample[]> {
  await sleep(1_000);
  await page.evaluate(`window.__keystrokeProbe.arm(${row - 1}, ${counting})`);
  for (let i = 0; i < count; i += 1) {
    const before = Number(await page.evaluate("window.__keystrokeProbe.count()"));
    await page.keyboard.press(i % 2 === 0 ? "5" : "Backspace");
    // One evaluation that waits in the page (waitForFunction would need the eval the dashboard's CSP
    // forbids). Polling instead ran an evaluation every 10 ms on the page's main thread, in the
    // middle of the keystrokes being timed.
    await page.evaluate(`window.__keystrokeProbe.painted(${before}, 30000)`).catch((error: unknown) => {
      throw new Error(`keystroke ${i + 1} in line ${row} never changed the totals (${error instanceof Error ? error.message.split("\n")[0] : String(error)})`);
    });
    // Quiet time between keystrokes, so that each one is timed alone (debounced work included).
    await sleep(150);
  }
  await sleep(300);
  return (await page.evaluate("window.__keystrokeProbe.collect()")) as KeystrokeSample[];
}

/**
 * The floor: the same keystrokes and the same probe on a bare page, one input whose input event
 * writes one text, no framework. What a keystroke costs Chromium itself on this machine at the
 * moment: the part of the latency no page can remove, measured next to the wizard's.
 */
const BARE_PAGE = `<!doctype html><html><body><main><fieldset data-line-index="0"><label>Τιμή <input id="price" value="1"></label></fieldset></main>
<aside><p data-testid="totals-gross">1.00</p></aside>
<script>
const price = document.getElementById("price");
const total = document.querySelector("[data-testid=totals-gross]");
price.addEventListener("input", () => { total.textContent = (Number(price.value) || 0).toFixed(2); });
</script></body></html>`;

async function bareRun(browser: Browser, throttle: number, keystrokes: number): Promise<KeystrokeSample[]> {
  const context = await browser.newContext({ viewport: { width: 1366, height: 768 } });
  try {
    const page = await context.newPage();
    await page.setContent(BARE_PAGE);
    await page.focus("#price");
    await page.evaluate(KEYSTROKE_PROBE);
    const cdp = await context.newCDPSession(page);
    await cdp.send("Emulation.setCPUThrottlingRate", { rate: throttle });
    return await typeKeystrokes(page, 1, keystrokes, false);
  } finally {
    await context.close();
  }
}

/** Main-thread time of the page per keystroke, from Chromium's own counters (CDP Performance.getMetrics). */
interface MainThreadTime {
  scriptMs: number;
  layoutMs: number;
}

type CdpMetrics = { metrics: { name: string; value: number }[] };

/** Chromium's page metrics now (CDP Performance.getMetrics), read by name; 0 for one it does not report. */
async function pageMetrics(cdp: CDPSession): Promise<(name: string) => number> {
  const { metrics } = (await cdp.send("Performance.getMetrics")) as CdpMetrics;
  return (name) => metrics.find((metric) => metric.name === name)?.value ?? 0;
}

/** Seconds of script and layout the page has run so far. */
async function mainThreadSeconds(cdp: CDPSession): Promise<{ script: number; layout: number }> {
  const of = await pageMetrics(cdp);
  return { script: of("ScriptDuration"), layout: of("LayoutDuration") };
}

/** What the page still holds once garbage is collected. */
interface AfterGc {
  /** DOM nodes alive, in the page or not (Chromium's Nodes counter). */
  nodes: number;
  /** JavaScript heap in use (MB). */
  heapMb: number;
}

async function aliveAfterGc(cdp: CDPSession): Promise<AfterGc> {
  await cdp.send("HeapProfiler.enable");
  await cdp.send("HeapProfiler.collectGarbage");
  const of = await pageMetrics(cdp);
  return { nodes: of("Nodes"), heapMb: of("JSHeapUsedSize") / 1_000_000 };
}

/** One run: a fresh page with `lineCount` lines, throttled after set-up, `keystrokes` typed into the middle line. */
async function keystrokeRun(
  browser: Browser, session: ApiSession, baseUrl: string, series: string,
  run: { lineCount: number; throttle: number; keystrokes: number; counting: boolean },
): Promise<{ samples: KeystrokeSample[]; perKeystroke: MainThreadTime; afterGc: AfterGc | null }> {
  const context = await newContext(browser, session);
  try {
    if (run.counting) await context.addInitScript({ content: RENDER_COUNTER });
    const page = await context.newPage();
    await openLinesWith(page, baseUrl, series, run.lineCount);
    const row = Math.ceil(run.lineCount / 2);
    await focusPrice(page, row);
    await page.evaluate(KEYSTROKE_PROBE);
    const cdp = await context.newCDPSession(page);
    await cdp.send("Emulation.setCPUThrottlingRate", { rate: run.throttle });
    await cdp.send("Performance.enable");
    const before = await mainThreadSeconds(cdp);
    const samples = await typeKeystrokes(page, row, run.keystrokes, run.counting);
    const after = await mainThreadSeconds(cdp);
    const perKeystroke = (seconds: number) => (seconds * 1_000) / Math.max(1, samples.length);
    return {
      samples,
      perKeystroke: { scriptMs: perKeystroke(after.script - before.script), layoutMs: perKeystroke(after.layout - before.layout) },
      afterGc: run.counting ? await aliveAfterGc(cdp) : null,
    };
  } finally {
    await context.close();
  }
}

/** A run that fails (a timeout on a loaded machine) is taken once more; the retry is noted in `retries`. */
async function withOneRetry<T>(ctx: BenchContext, retries: string[], what: string, task: () => Promise<T>): Promise<T> {
  try {
    return await task();
  } catch (error) {
    ctx.log(`    ${what} failed (${error instanceof Error ? error.message.split("\n")[0] : String(error)}); once more…`);
    retries.push(what);
    return task();
  }
}

interface Cell {
  p50: number[];
  p95: number[];
  scriptMs: number[];
  layoutMs: number[];
  slowShare: number[];
  mutations: number;
  mutationPlaces: Set<string>;
  renderPlaces: Set<string>;
  otherRowRenders: number;
  typedRowRenders: number;
  keystrokes: number;
  afterGc: AfterGc | null;
}

function emptyCell(): Cell {
  return { p50: [], p95: [], scriptMs: [], layoutMs: [], slowShare: [], mutations: 0, mutationPlaces: new Set(), renderPlaces: new Set(), otherRowRenders: 0, typedRowRenders: 0, keystrokes: 0, afterGc: null };
}

export async function measureKeystroke(ctx: BenchContext): Promise<MeasurementResult> {
  const before = loadNow();
  const { runs, lineCounts, quick } = ctx.options;
  const keystrokesPerRun = quick ? 10 : 20;
  const database = await ctx.databases.create("sqlite", "keystroke");
  const stack = await startStack({ buildDir: ctx.buildDir, workDir: ctx.workDir, database, worker: false, name: "keystroke" });
  const browser = await launchBrowser();
  const chromium = browser.version();
  const cells = new Map<string, Cell>();
  const figures: Figure[] = [];
  const retries: string[] = [];
  try {
    const session = await stack.signIn();
    const series = await prepareData(session);
    for (const throttle of [1, THROTTLE_RATE]) {
      ctx.log(`  bare page, CPU ${throttle}×: ${runs} run(s) × ${keystrokesPerRun} keystrokes…`);
      const p50: number[] = [];
      const p95: number[] = [];
      for (let run = 0; run < runs; run += 1) {
        const samples = await withOneRetry(ctx, retries, `bare page, CPU ${throttle}×, run ${run + 1}`, () => bareRun(browser, throttle, keystrokesPerRun));
        const painted = samples.map((sample) => sample.paintedMs);
        p50.push(median(painted));
        p95.push(percentile(painted, 95));
      }
      const where = `bare page (one input, one text), CPU ${throttle === 1 ? "unthrottled" : `${throttle}× throttled`}`;
      figures.push(
        { measurement: "keystroke", label: `keystroke → text painted p50 · ${where}`, value: median(p50), unit: "ms", runs: p50 },
        { measurement: "keystroke", label: `keystroke → text painted p95 · ${where}`, value: median(p95), unit: "ms", runs: p95 },
      );
    }
    for (const lineCount of lineCounts) {
      for (const throttle of [1, THROTTLE_RATE]) {
        const key = `${lineCount}:${throttle}`;
        const cell = cells.get(key) ?? emptyCell();
        cells.set(key, cell);
        ctx.log(`  ${lineCount} lines, CPU ${throttle}×: ${runs} run(s) × ${keystrokesPerRun} keystrokes…`);
        // Timed runs carry no counting instrumentation; one more run, untimed, counts mutations and renders.
        for (let run = 0; run <= runs; run += 1) {
          const counting = run === runs;
          const { samples, perKeystroke, afterGc } = await withOneRetry(ctx, retries, `${lineCount} lines, CPU ${throttle}×, run ${run + 1}`, () =>
            keystrokeRun(browser, session, stack.server.url, series, { lineCount, throttle, keystrokes: keystrokesPerRun, counting }));
          if (counting) {
            cell.afterGc = afterGc;
            cell.keystrokes += samples.length;
            for (const sample of samples) {
              cell.mutations += sample.mutationsElsewhere;
              for (const place of sample.mutationPlaces) cell.mutationPlaces.add(place);
              for (const place of sample.renderPlaces) cell.renderPlaces.add(`${lineCount} lines, typing in line ${Math.ceil(lineCount / 2)}: ${place}`);
              cell.otherRowRenders += sample.otherRowRenders;
              cell.typedRowRenders += sample.typedRowRenders;
            }
          } else {
            const painted = samples.map((sample) => sample.paintedMs);
            cell.p50.push(median(painted));
            cell.p95.push(percentile(painted, 95));
            cell.scriptMs.push(perKeystroke.scriptMs);
            cell.layoutMs.push(perKeystroke.layoutMs);
            cell.slowShare.push((samples.filter((sample) => sample.eventTimingMs !== null).length / Math.max(1, samples.length)) * 100);
          }
        }
        const target = throttle === 1 ? UNTHROTTLED_TARGET_MS : THROTTLED_TARGET_MS;
        const targetOf = lineCount === Math.max(...lineCounts) ? { comparison: "<=" as const, limit: target } : undefined;
        const where = `${lineCount} lines, CPU ${throttle === 1 ? "unthrottled" : `${throttle}× throttled`}`;
        figures.push(
          { measurement: "keystroke", label: `keystroke → totals painted p50 · ${where}`, value: median(cell.p50), unit: "ms", target: targetOf, runs: cell.p50 },
          { measurement: "keystroke", label: `keystroke → totals painted p95 · ${where}`, value: median(cell.p95), unit: "ms", target: targetOf, runs: cell.p95 },
          { measurement: "keystroke", label: `page script per keystroke (Chromium's counter) · ${where}`, value: median(cell.scriptMs), unit: "ms", runs: cell.scriptMs },
          { measurement: "keystroke", label: `page layout per keystroke (Chromium's counter) · ${where}`, value: median(cell.layoutMs), unit: "ms", runs: cell.layoutMs },
          { measurement: "keystroke", label: `keystrokes with an Event Timing entry ≥ 16 ms · ${where}`, value: median(cell.slowShare), unit: "%", runs: cell.slowShare },
          { measurement: "keystroke", label: `DOM mutations outside the typed row and totals, per keystroke · ${where}`, value: cell.mutations / Math.max(1, cell.keystrokes), unit: "count", target: { comparison: "<=", limit: 0 } },
          { measurement: "keystroke", label: `components rendered in other rows, per keystroke · ${where}`, value: cell.otherRowRenders / Math.max(1, cell.keystrokes), unit: "count", target: { comparison: "<=", limit: 0 } },
        );
        if (throttle === 1 && cell.afterGc) {
          figures.push(
            { measurement: "keystroke", label: `DOM nodes alive after garbage collection, in the page or not · ${lineCount} lines`, value: cell.afterGc.nodes, unit: "count" },
            { measurement: "keystroke", label: `JavaScript heap after garbage collection · ${lineCount} lines`, value: cell.afterGc.heapMb, unit: "MB" },
          );
        }
      }
    }
  } finally {
    await browser.close().catch(() => undefined);
    await stack.stop();
  }
  const places = [...new Set([...cells.values()].flatMap((cell) => [...cell.mutationPlaces]))];
  const renderPlaces = [...new Set([...cells.values()].flatMap((cell) => [...cell.renderPlaces]))];
  const typedRenders = [...cells.entries()].map(([key, cell]) => `${key.replace(":", " lines ×")}: ${(cell.typedRowRenders / Math.max(1, cell.keystrokes)).toFixed(1)}`);
  return {
    measurement: "keystroke",
    title: "Keystroke to painted totals (compose wizard, lines step)",
    figures,
    notes: [
      ...(retries.length > 0 ? [`Runs taken twice after a failure: ${retries.join("; ")}.`] : []),
      `Chromium ${chromium} (headless, 1366×768), production build. Per run a fresh page walks the issuer and counterparty steps, pastes N tab-separated rows into line 1 (one paste → N lines), puts 1 in the unit price of the middle line and, after CPU throttling is set, types ${keystrokesPerRun} keystrokes there, alternating "5" and Backspace (1 → 15 → 1 …, so every keystroke changes the totals), each once the previous one is painted plus 150 ms; CPU throttling through CDP Emulation.setCPUThrottlingRate. Figures are medians over ${runs} run(s) of each run's p50 / p95; one more run per cell, not timed, carries the counting instrumentation below.`,
      `Bare page: the same harness, probe and keystrokes on a page of one input whose input event writes one text, no framework (Playwright's setContent). It is what a keystroke costs Chromium itself on this machine at that moment, the part of the latency no page removes; read the wizard's figures against it.`,
      "Alive after garbage collection (counting run, unthrottled, after its keystrokes): CDP HeapProfiler.collectGarbage, then Chromium's Nodes and JSHeapUsedSize counters. Nodes counts every DOM node the page still holds, in the document or detached, the inner nodes Chromium gives each input and select included.",
      "Page script and layout per keystroke: Chromium's ScriptDuration and LayoutDuration counters (CDP Performance.getMetrics) over the timed keystrokes, divided by their number; they include the harness's own two small evaluations per keystroke and, with throttling, are throttled time. They move far less with the machine's load than the latency does, so they show a change of a millisecond that the latency hides.",
      "Latency (performance marks): from the keydown event's timeStamp to the first frame presented after the totals panel's text changed (MutationObserver on the panel → requestAnimationFrame → the next task). Event Timing (PerformanceObserver type \"event\", durationThreshold 16, grouped by interactionId): the share of keystrokes whose interaction had an entry of 16 ms or more — keystrokes painted faster leave no entry.",
      `DOM mutations: a MutationObserver on the whole document counts changes outside the typed row's fieldset and the totals panel while the keystrokes are typed${places.length === 0 ? " (none seen)" : `; they were in: ${places.join(", ")}`}. Component renders: React's commits, read through a __REACT_DEVTOOLS_GLOBAL_HOOK__ installed before the page loads (React reports commits to it in production builds too), walked with the alternate-fiber test of React DevTools; a function component counts as rendered when it performed work in that commit, and is placed in the row whose fieldset holds its first DOM node. Components rendered inside the typed row per keystroke — ${typedRenders.join("; ")}. Components rendered in other rows${renderPlaces.length === 0 ? ": none" : ` — ${renderPlaces.join("; ")}`}.`,
    ],
    conditions: `${before} → ${loadNow()}`,
    chromium,
  };
}
