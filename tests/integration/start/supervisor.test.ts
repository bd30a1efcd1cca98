import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { supervise, type Supervised } from "@/scripts/lib/supervise.mjs";
import { SANDBOX_DEFAULT_API_KEYS } from "@/sandbox/defaults";
import { freePort } from "@/bench/lib/http";
import { REPO_ROOT, waitFor } from "@/tests/integration/sending/harness";

/**
 * `npm start` supervises the dashboard and the sandbox separately (scripts/lib/supervise.mjs):
 * killing one brings it back on its own port, and the other keeps answering meanwhile. The
 * sandbox here is the real one; the dashboard is a small HTTP server standing for `next start`
 * (which needs a production build), supervised exactly the same way.
 */
const DASHBOARD = `
const http = require("node:http");
http.createServer((req, res) => { res.writeHead(200, { "content-type": "application/json" }); res.end(JSON.stringify({ ok: true, pid: process.pid })); })
  .listen(Number(process.env.PORT), "127.0.0.1");
`;

async function answers(url: string): Promise<boolean> {
  try {
    return (await fetch(url, { signal: AbortSignal.timeout(2_000) })).ok;
  } catch {
    return false;
  }
}

describe("npm start's supervisor", () => {
  let dataDir: string;
  let sandbox: Supervised;
  let dashboard: Supervised;
  let sandboxUrl: string;
  let dashboardUrl: string;
  const lines: string[] = [];

  beforeAll(async () => {
    dataDir = mkdtempSync(join(tmpdir(), "credit-desk-supervisor-"));
    const [sandboxPort, dashboardPort] = [await freePort(), await freePort()];
    sandboxUrl = `http://127.0.0.1:${sandboxPort}/health`;
    dashboardUrl = `http://127.0.0.1:${dashboardPort}/`;
    const quiet = () => undefined;
    sandbox = supervise({
      name: "Sandbox provider", command: process.execPath, args: ["--import", "tsx", "sandbox/server.ts"], cwd: REPO_ROOT,
      env: { ...process.env, SANDBOX_PORT: String(sandboxPort), SANDBOX_HOST: "127.0.0.1", SANDBOX_DATA_DIR: dataDir, SANDBOX_API_KEYS: SANDBOX_DEFAULT_API_KEYS },
      onOutput: quiet, log: (line) => lines.push(line),
    });
    dashboard = supervise({
      name: "Dashboard", command: process.execPath, args: ["-e", DASHBOARD], cwd: REPO_ROOT, env: { ...process.env, PORT: String(dashboardPort) },
      onOutput: quiet, log: (line) => lines.push(line),
    });
    await waitFor(async () => ((await answers(sandboxUrl)) && (await answers(dashboardUrl)) ? true : undefined), 30_000, "both children to answer");
  }, 60_000);

  afterAll(async () => {
    await Promise.all([sandbox.stop(), dashboard.stop()]);
    rmSync(dataDir, { recursive: true, force: true });
  });

  it("a killed sandbox comes back on its port while the dashboard keeps answering", async () => {
    const sandboxPid = sandbox.pid;
    const dashboardPid = dashboard.pid;
    process.kill(sandboxPid ?? 0, "SIGKILL");
    await waitFor(async () => ((await answers(sandboxUrl)) ? undefined : true), 5_000, "the sandbox to go");
    expect(await answers(dashboardUrl)).toBe(true);
    await waitFor(async () => ((await answers(sandboxUrl)) ? true : undefined), 30_000, "the sandbox to come back");
    expect(sandbox.pid).not.toBe(sandboxPid);
    expect(sandbox.restarts).toBe(1);
    expect(dashboard.pid).toBe(dashboardPid);
    expect(dashboard.restarts).toBe(0);
    expect(await answers(dashboardUrl)).toBe(true);
    expect(lines.some((line) => line.startsWith("Sandbox provider stopped (SIGKILL)"))).toBe(true);
  }, 60_000);

  it("a killed dashboard comes back while the sandbox keeps answering", async () => {
    const sandboxPid = sandbox.pid;
    const dashboardPid = dashboard.pid;
    process.kill(dashboardPid ?? 0, "SIGKILL");
    await waitFor(async () => ((await answers(dashboardUrl)) ? undefined : true), 5_000, "the dashboard to go");
    expect(await answers(sandboxUrl)).toBe(true);
    await waitFor(async () => ((await answers(dashboardUrl)) ? true : undefined), 30_000, "the dashboard to come back");
    expect(dashboard.pid).not.toBe(dashboardPid);
    expect(sandbox.pid).toBe(sandboxPid);
    expect(await answers(sandboxUrl)).toBe(true);
  }, 60_000);

  it("stop() ends the child for good: it is not started again", async () => {
    const pid = dashboard.pid;
    await dashboard.stop();
    await new Promise((resolve) => setTimeout(resolve, 1_500));
    expect(await answers(dashboardUrl)).toBe(false);
    expect(dashboard.pid).toBe(pid);
  }, 30_000);
});
