/**
 * Scripts the keystroke measurement runs inside the page. They are plain JavaScript strings,
 * not functions: the harness's TypeScript loader may wrap functions in helpers the page does not
 * have, and these must run exactly as written.
 */

/**
 * Installed before the page loads (only in the untimed counting run): a minimal React DevTools
 * hook. React registers with it and calls onCommitFiberRoot after every commit, production
 * builds included; the commit is handed to window.__keystrokeCommit when the probe set one.
 */
export const RENDER_COUNTER = `
(() => {
  let nextId = 0;
  window.__REACT_DEVTOOLS_GLOBAL_HOOK__ = {
    supportsFiber: true,
    isDisabled: false,
    renderers: new Map(),
    inject(renderer) { nextId += 1; this.renderers.set(nextId, renderer); return nextId; },
    onCommitFiberRoot(_id, root) { if (typeof window.__keystrokeCommit === "function") window.__keystrokeCommit(root); },
    onCommitFiberUnmount() {},
    onPostCommitFiberRoot() {},
    onScheduleFiberRoot() {},
    checkDCE() {},
  };
})();
`;

/**
 * The probe: window.__keystrokeProbe.arm(rowIndex) starts a sample at every keydown; count()
 * tells how many keystrokes have been painted, painted(n, ms) waits until more than n are;
 * collect() returns the samples.
 * - latency: keydown timeStamp → the totals text changed → next animation frame → next task;
 * - Event Timing: entries ≥ 16 ms with an interactionId, the longest per keystroke;
 * - when counting (arm(row, true)): DOM mutations outside the typed row and the totals panel,
 *   and components rendered per row from React commits.
 */
export const KEYSTROKE_PROBE = `
(() => {
  const totals = document.querySelector('[data-testid="totals-gross"]');
  if (!totals) throw new Error("no totals panel (data-testid=totals-gross)");
  const panel = totals.closest("aside") || totals.parentElement;
  const samples = [];
  const events = [];
  let row = -1;
  let counting = false;
  let current = null;
  const waiters = [];
  const paintedCount = () => samples.filter((s) => s.painted !== null).length;
  const wake = () => {
    const count = paintedCount();
    for (let i = waiters.length - 1; i >= 0; i -= 1) if (count > waiters[i].after) waiters.splice(i, 1)[0].resolve(count);
  };
  const elementOf = (node) => (node && node.nodeType === 1 ? node : node ? node.parentElement : null);
  const rowOf = (node) => {
    const element = elementOf(node);
    const fieldset = element && element.closest("[data-line-index]");
    return fieldset ? Number(fieldset.getAttribute("data-line-index")) : null;
  };
  const inPanel = (node) => {
    const element = elementOf(node);
    return !!element && panel.contains(element);
  };
  const placeOf = (node) => {
    const element = elementOf(node);
    if (!element) return "document";
    const tagged = element.closest("[data-testid], [id]");
    if (!tagged) return element.tagName.toLowerCase();
    return tagged.getAttribute("data-testid") ? "[data-testid=" + tagged.getAttribute("data-testid") + "]" : "#" + tagged.id;
  };

  document.addEventListener("keydown", (event) => {
    if (row < 0) return;
    current = { start: event.timeStamp, before: totals.textContent, painted: null, waiting: false,
      mutationsElsewhere: 0, places: new Set(), renderPlaces: new Set(), otherRowRenders: 0, typedRowRenders: 0 };
    samples.push(current);
  }, true);

  new MutationObserver(() => {
    const sample = current;
    if (!sample || sample.waiting || totals.textContent === sample.before) return;
    sample.waiting = true;
    requestAnimationFrame(() => {
      const channel = new MessageChannel();
      channel.port1.onmessage = () => { sample.painted = performance.now() - sample.start; wake(); };
      channel.port2.postMessage(0);
    });
  }).observe(panel, { subtree: true, childList: true, characterData: true });

  new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) if (entry.interactionId) events.push({ start: entry.startTime, duration: entry.duration });
  }).observe({ type: "event", durationThreshold: 16 });

  new MutationObserver((records) => {
    const sample = current;
    if (!sample || !counting) return;
    for (const record of records) {
      if (inPanel(record.target)) continue;
      const at = rowOf(record.target);
      if (at === row) continue;
      sample.mutationsElsewhere += 1;
      sample.places.add(at === null ? placeOf(record.target) : "another line");
    }
  }).observe(document.body, { subtree: true, childList: true, attributes: true, characterData: true });

  const COMPONENT_TAGS = new Set([0, 1, 11, 14, 15]);
  const PERFORMED_WORK = 1;
  const firstHostNode = (fiber) => {
    for (let f = fiber; f; f = f.child) if (f.tag === 5 || f.tag === 6) return f.stateNode;
    return null;
  };
  const visit = (fiber, previous, sample) => {
    if (COMPONENT_TAGS.has(fiber.tag) && (previous === null || (fiber.flags & PERFORMED_WORK) === PERFORMED_WORK)) {
      const at = rowOf(firstHostNode(fiber));
      if (at !== null && at === row) sample.typedRowRenders += 1;
      else if (at !== null) {
        sample.otherRowRenders += 1;
        sample.renderPlaces.add("line " + (at + 1) + " (" + placeOf(firstHostNode(fiber)) + ")");
      }
    }
    // A subtree React did not enter in this render keeps the very same children.
    if (previous !== null && fiber.child === previous.child) return;
    for (let child = fiber.child; child; child = child.sibling) visit(child, child.alternate, sample);
  };
  window.__keystrokeCommit = (root) => {
    const sample = current;
    if (!sample || !counting || !root || !root.current) return;
    visit(root.current, root.current.alternate, sample);
  };

  window.__keystrokeProbe = {
    arm(rowIndex, count) { row = rowIndex; counting = !!count; samples.length = 0; events.length = 0; current = null; },
    count: paintedCount,
    // Resolves once more than \`after\` keystrokes are painted: the harness waits on this one
    // promise instead of polling, so no evaluation of its own runs on the page while a keystroke is timed.
    painted(after, timeoutMs) {
      if (paintedCount() > after) return Promise.resolve(paintedCount());
      return new Promise((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error("not painted within " + timeoutMs + " ms")), timeoutMs);
        waiters.push({ after, resolve: (count) => { clearTimeout(timer); resolve(count); } });
      });
    },
    collect() {
      return samples.map((sample, index) => {
        const next = samples[index + 1];
        const mine = events.filter((e) => e.start >= sample.start - 1 && (!next || e.start < next.start - 1));
        return {
          paintedMs: sample.painted === null ? NaN : sample.painted,
          eventTimingMs: mine.length === 0 ? null : Math.max(...mine.map((e) => e.duration)),
          mutationsElsewhere: sample.mutationsElsewhere,
          mutationPlaces: [...sample.places],
          otherRowRenders: sample.otherRowRenders,
          renderPlaces: [...sample.renderPlaces],
          typedRowRenders: sample.typedRowRenders,
        };
      });
    },
  };
})();
`;

/** Spreadsheet rows for the paste, tab-separated: description, quantity, unit price (Greek decimal comma), VAT %. */
export function spreadsheetRows(count: number): string {
  return `${Array.from({ length: count }, (_, i) => `Είδος ${i + 1}\t${(i % 3) + 1}\t${i + 1},50\t${i % 2 === 0 ? "24" : "13%"}`).join("\r\n")}\r\n`;
}
