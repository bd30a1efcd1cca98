/**
 * Child processes of the benchmarks and the drill: the Next production server and
 * scripts/worker.ts instances. Each can be killed with SIGKILL and started again with the same
 * command and environment; its output goes to a log file.
 */
import { spawn, type ChildProcess } from "node:child_process";
import { createWriteStream, readdirSync, readFileSync, type WriteStream } from "node:fs";
import { join } from "node:path";
import { waitForHttp } from "./http";

export interface ManagedProcess {
  readonly name: string;
  /** Pid of the running child, undefined while it is down. */
  pid(): number | undefined;
  isRunning(): boolean;
  /** Starts the child (no-op when it runs) and waits until it is ready. */
  start(): Promise<void>;
  /** SIGKILL, then waits for the exit. */
  kill(): Promise<void>;
  /** SIGTERM, then waits for the exit (SIGKILL after a grace period). */
  stop(): Promise<void>;
  /** How many times the child was started. */
  starts(): number;
}

export interface ProcessSpec {
  name: string;
  command: string;
  args: string[];
  cwd: string;
  env: NodeJS.ProcessEnv;
  logFile: string;
  /** Resolves once the child can serve; rejects when it cannot. */
  ready: (child: ChildProcess, output: () => string) => Promise<void>;
}

const live = new Set<ChildProcess>();
let exitHookInstalled = false;

/** Children still running when the harness exits (even on a crash) are killed with it. */
function installExitHook(): void {
  if (exitHookInstalled) return;
  exitHookInstalled = true;
  process.once("exit", () => {
    for (const child of live) child.kill("SIGKILL");
  });
}

/** A restartable child process; see ManagedProcess. */
export function managedProcess(spec: ProcessSpec): ManagedProcess {
  installExitHook();
  let child: ChildProcess | undefined;
  let exited: Promise<void> = Promise.resolve();
  let log: WriteStream | undefined;
  let output = "";
  let count = 0;
  const running = () => child !== undefined && child.exitCode === null && child.signalCode === null;

  return {
    name: spec.name,
    pid: () => (running() ? child?.pid : undefined),
    isRunning: running,
    starts: () => count,
    async start() {
      if (running()) return;
      count += 1;
      log ??= createWriteStream(spec.logFile, { flags: "a" });
      log.write(`\n--- start #${count} at ${new Date().toISOString()} ---\n`);
      output = "";
      const current = spawn(spec.command, spec.args, { cwd: spec.cwd, env: spec.env, stdio: ["ignore", "pipe", "pipe"] });
      child = current;
      live.add(current);
      exited = new Promise((resolve) => current.once("exit", () => {
        live.delete(current);
        resolve();
      }));
      const onData = (chunk: Buffer) => {
        const text = chunk.toString("utf8");
        log?.write(text);
        if (output.length < 200_000) output += text;
      };
      current.stdout?.on("data", onData);
      current.stderr?.on("data", onData);
      await spec.ready(current, () => output);
    },
    async kill() {
      if (running()) child?.kill("SIGKILL");
      await exited;
    },
    async stop() {
      if (running()) {
        child?.kill("SIGTERM");
        const timer = setTimeout(() => child?.kill("SIGKILL"), 10_000);
        await exited;
        clearTimeout(timer);
      }
      await exited;
      log?.end();
      log = undefined;
    },
  };
}

export interface AppServerSpec {
  buildDir: string;
  port: number;
  env: Record<string, string>;
  logFile: string;
  name?: string;
}

/** `next start` of the production build on 127.0.0.1:port; ready when /api/health answers. */
export function appServer(spec: AppServerSpec): ManagedProcess & { url: string } {
  const url = `http://127.0.0.1:${spec.port}`;
  const processSpec: ProcessSpec = {
    name: spec.name ?? "server",
    command: process.execPath,
    args: [join(spec.buildDir, "node_modules/next/dist/bin/next"), "start", "-p", String(spec.port), "-H", "127.0.0.1"],
    cwd: spec.buildDir,
    env: { ...process.env, NODE_ENV: "production", NEXT_TELEMETRY_DISABLED: "1", PORT: String(spec.port), ...spec.env },
    logFile: spec.logFile,
    ready: async (child, output) => {
      try {
        await waitForHttp(`${url}/api/health`, 60_000, () => child.exitCode === null && child.signalCode === null);
      } catch (error) {
        throw new Error(`${error instanceof Error ? error.message : String(error)}\n${output().slice(-3000)}`);
      }
    },
  };
  return Object.assign(managedProcess(processSpec), { url });
}

export interface WorkerSpec {
  repoDir: string;
  instanceId: string;
  args: string[];
  env: Record<string, string>;
  logFile: string;
}

/** scripts/worker.ts of the checkout; ready when it prints its "ready" line. */
export function workerProcess(spec: WorkerSpec): ManagedProcess {
  return managedProcess({
    name: spec.instanceId,
    command: process.execPath,
    args: ["--conditions=react-server", "--import", "tsx", "scripts/worker.ts", "--instance-id", spec.instanceId, ...spec.args],
    cwd: spec.repoDir,
    env: { ...process.env, ...spec.env },
    logFile: spec.logFile,
    ready: (child, output) => new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`${spec.instanceId} printed no ready line within 60 s:\n${output()}`)), 60_000);
      const check = () => {
        if (/"event":"ready"/.test(output())) {
          clearTimeout(timer);
          resolve();
        } else if (child.exitCode !== null || child.signalCode !== null) {
          clearTimeout(timer);
          reject(new Error(`${spec.instanceId} exited before it was ready:\n${output()}`));
        } else setTimeout(check, 50);
      };
      check();
    }),
  });
}

/** Resident set size in bytes from the text of /proc/<pid>/status (VmRSS), or 0 when absent. */
export function rssFromStatus(statusText: string): number {
  const match = /^VmRSS:\s+(\d+)\s+kB/m.exec(statusText);
  return match?.[1] === undefined ? 0 : Number(match[1]) * 1024;
}

/** Parent pid from the text of /proc/<pid>/stat (the field after the parenthesised name). */
export function parentPidFromStat(statText: string): number {
  const after = statText.slice(statText.lastIndexOf(")") + 2).split(" ");
  return Number(after[1]);
}

/** RSS of a process and all its descendants, in bytes (Linux /proc). */
export function processTreeRss(rootPid: number): number {
  const parents = new Map<number, number>();
  for (const entry of readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      parents.set(Number(entry), parentPidFromStat(readFileSync(join("/proc", entry, "stat"), "utf8")));
    } catch {
      // exited meanwhile
    }
  }
  const tree = new Set([rootPid]);
  for (let grew = true; grew; ) {
    grew = false;
    for (const [pid, parent] of parents) {
      if (!tree.has(pid) && tree.has(parent)) {
        tree.add(pid);
        grew = true;
      }
    }
  }
  let total = 0;
  for (const pid of tree) {
    try {
      total += rssFromStatus(readFileSync(join("/proc", String(pid), "status"), "utf8"));
    } catch {
      // exited meanwhile
    }
  }
  return total;
}
